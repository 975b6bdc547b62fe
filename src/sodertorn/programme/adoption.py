"""Adoption: a programme is valid only once every party's executive board has adopted it.

Re-exports only, so that the names keep their import path: the records and the answer
they give are in :mod:`sodertorn.programme.record`, the question "in force on this day?"
in :mod:`sodertorn.programme.validity`.
"""

from sodertorn.programme.record import EXECUTIVE_BOARD, AdoptionRecord, Answer, InForce
from sodertorn.programme.validity import in_force

__all__ = ["EXECUTIVE_BOARD", "AdoptionRecord", "Answer", "InForce", "in_force"]
