"""The development programme (SUP) and the annual activity plans, as typed data.

One concept per module: :mod:`~sodertorn.programme.model` (the goal tree),
:mod:`~sodertorn.programme.adoption` (adoption records and whether a programme is in
force), :mod:`~sodertorn.programme.plans` (activities, budget, calendar, offices, host
rotations), :mod:`~sodertorn.programme.query`, :mod:`~sodertorn.programme.diff`,
:mod:`~sodertorn.programme.consistency`, :mod:`~sodertorn.programme.render`,
:mod:`~sodertorn.programme.schema` (plain dicts and JSON) and
:mod:`~sodertorn.programme.builtin` (the programmes and plans shipped as package data,
loaded on first use). Everything public is also reachable from ``import sodertorn``.
"""
