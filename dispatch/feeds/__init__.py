"""Call feeds: where calls come from. Each feed turns what arrives into CallSignals and hands them
to ``dispatch.services.calls``, which stores the frame before anything is shown."""
