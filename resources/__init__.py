"""Shipped data of the dispatch console (installed as ``dispatch_resources``)."""
