"""Kept so that ``from sodertorn.agreement._cli import read_items`` works.

:func:`read_items` lives in :mod:`sodertorn.agreement.items`; the subcommands in
:mod:`sodertorn.cli.agreement`.
"""

from sodertorn.agreement.items import read_items

__all__ = ["read_items"]
