"""The programme package: old import paths keep working, re-exports, handed-in functions."""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings

import pytest

import sodertorn
import sodertorn.programme
from sodertorn.programme import indicators, model, plan, report, schema
from sodertorn.programme._slots import Slot

OLD_PATHS = {
    "sodertorn.programme.adoption": (
        "EXECUTIVE_BOARD",
        "AdoptionRecord",
        "Answer",
        "InForce",
        "in_force",
    ),
    "sodertorn.programme.plans": (
        "Activity",
        "Budget",
        "BudgetLine",
        "CalendarEntry",
        "CalendarKind",
        "CollaborationBody",
        "Conference",
        "Hosting",
        "Office",
        "OfficeRole",
        "Plan",
        "RevenueCheck",
        "check_conference_name",
        "check_plan",
        "check_year",
    ),
    "sodertorn.programme.consistency": ("Finding", "check_consistency"),
    "sodertorn.programme.model": (
        "Claim",
        "Network",
        "Node",
        "NodeKind",
        "Period",
        "Programme",
        "Text",
        "check_id",
        "check_programme",
    ),
}


@pytest.mark.parametrize(("module", "names"), sorted(OLD_PATHS.items()))
def test_every_old_import_path_still_works(module: str, names: tuple[str, ...]) -> None:
    imported = importlib.import_module(module)
    for name in names:
        assert getattr(imported, name) is not None, (module, name)


def test_the_package_re_exports_what_the_root_takes_from_it() -> None:
    from_programme = {
        name
        for name, where in {**sodertorn._ROOT, **sodertorn._MOVED}.items()
        if where == "sodertorn.programme"
    }
    assert from_programme == set(sodertorn.programme.__all__)
    for name in sodertorn.programme.__all__:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sodertorn.SodertornDeprecationWarning)
            assert getattr(sodertorn, name) is getattr(sodertorn.programme, name)


def test_every_slot_is_filled_once_any_module_is_imported() -> None:
    code = (
        "import sodertorn.programme.model as m, sodertorn.programme.plan as p,"
        " sodertorn.programme.schema as s, sodertorn.programme.report as r,"
        " sodertorn.programme.indicators as i\n"
        "from sodertorn.programme._slots import Slot\n"
        "slots = [v for mod in (m, p, s, r, i) for v in vars(mod).values() if isinstance(v, Slot)]\n"
        "print(len(slots), all(v._function is not None for v in slots))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["19", "True"]
    modules = (model, plan, schema, report, indicators)
    slots = [v for mod in modules for v in vars(mod).values() if isinstance(v, Slot)]
    assert len(slots) == 19


def test_an_empty_slot_says_so() -> None:
    empty: Slot[[], int] = Slot("nothing")
    assert repr(empty) == "Slot('nothing')"
    with pytest.raises(sodertorn.SodertornError, match="nothing is not available"):
        empty()
    empty.fill(lambda: 3)
    assert empty() == 3
