"""Benchmarks of the console foundation (documented commands in bench/README.md, not part of the tests)."""
