"""Start the console: ``python main.py [options]`` is the same as ``dispatch-console``."""

import sys

from ui.cli import main

if __name__ == "__main__":
    sys.exit(main())
