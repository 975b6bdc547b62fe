"""``python -m sodertorn``: the command line."""

import sys

from sodertorn.cli import main

if __name__ == "__main__":
    sys.exit(main())
