"""``python -m sodertorn``: the command line."""

from sodertorn.cli import entry_point

if __name__ == "__main__":
    entry_point()
