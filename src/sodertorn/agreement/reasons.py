"""The agreement's reasons: :mod:`sodertorn.reasons`, under its earlier name.

:class:`~sodertorn.reasons.Reason` moved below the agreement so that the fees and the programme
explain themselves the same way; this module gives the same objects.

>>> from sodertorn.agreement.reasons import Reason
>>> from sodertorn import reasons
>>> Reason is reasons.Reason
True
"""

from __future__ import annotations

from sodertorn.reasons import Plural, Reason, message, plural, render

__all__ = ["Plural", "Reason", "message", "plural", "render"]
