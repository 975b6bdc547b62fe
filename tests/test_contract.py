"""The junk-input contract: junk given to any public name raises only the library's errors.

One walk over ``sodertorn.__all__`` and the names that moved from the root to their
packages (so names added later are covered without editing this file): every public
function, every public class's constructor and its public class and static methods (the
loaders and alternative constructors), and every public method of a real value of each
public class, the agreement's, the fees', the population's and the programme's alike.
Whatever junk they get (:func:`sodertorn.testing.junk`), what escapes is a
:class:`~sodertorn.SodertornError`, or a :class:`TypeError` from Python's own argument
binding when the arity is wrong; never an ``AttributeError``, ``KeyError``,
``ZeroDivisionError`` or the like. Junk in one field of otherwise valid values, where the
walk's junk would not get past binding, completes it.

The same contract at the edges has its own tests beside what it guards: the command line
in ``tests/cli/test_junk.py``, the population files' bytes in
``tests/population/test_fuzz.py``; the programme's refusals, pinned word for word, in
``tests/programme/test_boundaries.py``.
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import importlib
import inspect
import os
import tempfile
import warnings
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sodertorn
from sodertorn.testing import junk

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

# Type checkers see the package's names, not its __all__, which is made from a table.
ROOT_NAMES: list[str] = vars(sodertorn)["__all__"]

# A fraction of the profile's examples: these tests run once for every public callable.
_JUNK_EXAMPLES = max(10, settings().max_examples // 3)

JUNK = junk()

_MAX_ARGS = 4


def _is_exception(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, BaseException)


def _public_names() -> dict[str, object]:
    """The root's names, and those that moved from it, each taken from where it lives."""
    found = {name: getattr(sodertorn, name) for name in ROOT_NAMES}
    for name, module in sodertorn._MOVED.items():
        found[name] = getattr(importlib.import_module(module), name)
    return found


PUBLIC = _public_names()


def _public_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, value in sorted(PUBLIC.items()):
        if _is_exception(value) or not callable(value):
            continue
        if isinstance(value, type) and issubclass(value, enum.Enum):
            continue  # Enum(value) lookup is the standard library's own contract
        yield name, value
        if not isinstance(value, type):
            continue
        for attribute, member in sorted(vars(value).items()):
            if "\u01c1" in attribute:
                continue  # the mutated copies `mutmut run` adds to classes, not our API
            if not attribute.startswith("_") and isinstance(member, (classmethod, staticmethod)):
                yield f"{name}.{attribute}", getattr(value, attribute)


CALLABLES = dict(_public_callables())


def test_the_walk_finds_constructors_functions_and_methods() -> None:
    assert {"SEK", "allocate", "Population.parse_csv", "SEK.total", "FeeSchedule.from_json"} <= set(
        CALLABLES
    )


@pytest.mark.parametrize("name", sorted(CALLABLES))
@settings(max_examples=_JUNK_EXAMPLES)
@given(
    args=st.lists(JUNK, max_size=_MAX_ARGS),
    kwargs=st.dictionaries(st.text(max_size=12), JUNK, max_size=2),
    keyword_junk=st.data(),
)
def test_junk_raises_only_documented_errors(
    name: str, args: list[object], kwargs: dict[str, object], keyword_junk: st.DataObject
) -> None:
    _check(name, CALLABLES[name], args, kwargs, keyword_junk)


def _check(
    name: str,
    function: Callable[..., Any],
    args: list[object],
    kwargs: dict[str, object],
    keyword_junk: st.DataObject,
) -> None:
    try:
        signature = inspect.signature(function)
    except ValueError:  # pragma: no cover - builtins without a signature
        signature = None
    if signature is not None:
        # Aim most keyword junk at the parameters that exist, so it gets past binding.
        names = [
            p.name
            for p in signature.parameters.values()
            if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        if names:
            kwargs.update(
                keyword_junk.draw(st.dictionaries(st.sampled_from(names), JUNK, max_size=2))
            )
            for key in list(kwargs):
                if key in names[: len(args)]:
                    del kwargs[key]
    try:
        binds = signature is None or bool(signature.bind(*args, **kwargs))
    except TypeError:
        binds = False
    try:
        function(*args, **kwargs)
    except sodertorn.SodertornError:
        pass
    except TypeError:
        assert not binds, f"{name}(*{args!r}, **{kwargs!r}) raised TypeError past binding"


# -- instance methods ---------------------------------------------------------------------

_DAY = datetime.date(2024, 5, 2)


def _samples() -> dict[str, object]:
    """One valid instance of each public class whose instances have methods."""
    from sodertorn import Agreement, Notice
    from sodertorn.agreement import (
        Decision,
        Item,
        Meeting,
        MeetingCalendar,
        MeetingKind,
        Position,
        Project,
        dissolve,
        special_contributions,
    )

    indexed = sodertorn.annual_fees(2012)
    per_capita = sodertorn.annual_fees(2024)
    notice = Notice(
        party="Nykvarn",
        council_decision_date=datetime.date(2024, 3, 1),
        received_by_chair=datetime.date(2024, 3, 15),
    )
    election = sodertorn.agreement.Election(
        elected_on=datetime.date(2024, 1, 16), chair="Salem", vice_chair="Huddinge"
    )
    agreement = Agreement().with_notice(notice).with_election(election)
    members = [m.name for m in Agreement().parties_on(_DAY)]
    meeting = Meeting(date=_DAY, in_room=members)
    decision = Decision(
        meeting=meeting,
        matter="Dissolve the committee",
        positions=dict.fromkeys(members, Position.SUPPORT),
    )
    statement = dissolve(decision, [Item(name="Bank account", amount=sodertorn.SEK(1000))])
    days = [datetime.date(2024, month, 10) for month in (2, 3, 5, 6, 9, 10, 11)]
    calendar = MeetingCalendar(
        year=2024,
        meetings=[
            Meeting(date=datetime.date(2024, 1, 16), kind=MeetingKind.PLANNING_CONFERENCE),
            *(Meeting(date=day) for day in days),
        ],
    )
    return {
        "SEK": sodertorn.SEK("12.50"),
        "Municipality": sodertorn.MUNICIPALITIES[0],
        "Population": sodertorn.Population.builtin(),
        "PopulationSource": sodertorn.population.PopulationSource.file(
            "befolkning.csv", provisional=True
        ),
        "FeeSchedule": sodertorn.fees.FeeSchedule.default(),
        "IndexedRule": indexed.rule,
        "PerCapitaRule": per_capita.rule,
        "FeeAssessment": indexed,
        "FeeLine": indexed.lines[0],
        "FeeHistory": sodertorn.fee_history(2016, 2019),
        "IndexStep": indexed.lines[0].steps[-1],
        "Agreement": agreement,
        "Election": election,
        "Notice": notice,
        "Meeting": meeting,
        "MeetingCalendar": calendar,
        "Decision": decision,
        "Outcome": decision.outcome,
        "Minutes": sodertorn.agreement.Minutes(meeting=meeting, decisions=[decision]),
        "Item": Item(name="Lease", amount=sodertorn.SEK(-10)),
        "DissolutionStatement": statement,
        "PartyStatement": statement.of("Huddinge"),
        "Project": Project(name="RUFS", concerns=sodertorn.MUNICIPALITIES),
        "SpecialContributions": special_contributions(sodertorn.SEK(1000), decided_on=_DAY),
        "Reason": notice.reasons()[0],
        "Holder": agreement.holder_on(_DAY),
        "Revocation": sodertorn.agreement.Revocation(
            party="Nykvarn", decided_on=_DAY, matter="Withdrawn"
        ),
        "Circulation": sodertorn.agreement.Circulation(date=_DAY, matter="Response"),
        **_programme_samples(),
    }


def _programme_samples() -> dict[str, object]:
    """One real value of each of the programme's classes whose instances have methods."""
    from sodertorn import load_plan, load_programme
    from sodertorn.programme import (
        Direction,
        FollowUp,
        Indicator,
        Indicators,
        Text,
        check_consistency,
        diff_programmes,
    )
    from sodertorn.programme.report import report

    sup = load_programme("sup2040")
    plan = load_plan(2024)
    changes = diff_programmes(load_programme("sup2035"), sup)
    indicator = Indicator(
        id="x",
        goal="tillganglighet",
        name=Text("x"),
        unit="st",
        source="Example",
        direction=Direction.INCREASE,
    )
    return {
        "Programme": sup,
        "Plan": plan,
        "Budget": plan.budget,
        "Conference": load_plan(2019).conferences[0],
        "Text": sup.vision,
        "AdoptionRecord": sup.adoptions[0],
        "InForce": sup.in_force(datetime.date(2024, 6, 1)),
        "ProgrammeDiff": diff_programmes(sup, sup),
        "NodeChange": changes.changed[0],
        "Finding": check_consistency(load_programme("sup2035"))[0],
        "RevenueCheck": plan.revenue_check(),
        "CalendarEntry": plan.calendar[0],
        "FollowUp": FollowUp(plan=plan),
        "YearReport": report(plan, FollowUp(plan=plan)),
        "Indicators": Indicators(indicators=[indicator]),
    }


SAMPLES = _samples()


def _method_classes() -> set[str]:
    """Public classes whose instances have public methods."""
    found = set()
    for name, value in PUBLIC.items():
        if not isinstance(value, type) or _is_exception(value) or issubclass(value, enum.Enum):
            continue
        if any(_is_method(value, attribute) for attribute in dir(value)):
            found.add(name)
    return found


def _is_method(cls: type, attribute: str) -> bool:
    """Whether *attribute* is a public method of *cls*'s instances.

    Class and static methods are the first walk's (``FollowUp.from_csv``), not this one's.
    """
    if attribute.startswith("_") or "\u01c1" in attribute:
        return False  # private, or a mutated copy that `mutmut run` adds
    member = inspect.getattr_static(cls, attribute)
    return inspect.isfunction(member)


def _instance_methods() -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, instance in sorted(SAMPLES.items()):
        for attribute in sorted(dir(type(instance))):
            if _is_method(type(instance), attribute):
                yield f"{name}().{attribute}", getattr(instance, attribute)


METHODS = dict(_instance_methods())


def test_every_class_with_methods_has_a_sample() -> None:
    assert _method_classes() <= set(SAMPLES)


def test_the_walk_finds_the_methods_of_every_package() -> None:
    assert {
        "FeeSchedule().due_date",
        "Population().merge",
        "Agreement().parties_on",
        "Programme().node",
        "Programme().in_force",
        "Programme().nodes_of",
        "Plan().meetings",
        "Plan().offices_of",
        "Plan().hosts",
        "Plan().revenue_check",
        "Plan().committee_calendar",
        "Budget().check_revenue",
        "Conference().hosts",
        "Text().get",
        "AdoptionRecord().adopted_by",
        "RevenueCheck().explain",
        "Plan().report",
        "FollowUp().last",
        "FollowUp().to_json",
        "YearReport().to_markdown",
        "Indicators().value",
    } <= set(METHODS)
    assert {
        "FollowUp.from_csv",
        "FollowUp.from_json",
        "Indicators.from_csv",
        "Indicators.from_json",
    } <= set(CALLABLES)


@pytest.mark.parametrize("name", sorted(METHODS))
@settings(max_examples=_JUNK_EXAMPLES)
@given(
    args=st.lists(JUNK, max_size=_MAX_ARGS),
    kwargs=st.dictionaries(st.text(max_size=12), JUNK, max_size=2),
    keyword_junk=st.data(),
)
def test_junk_to_methods_raises_only_documented_errors(
    name: str, args: list[object], kwargs: dict[str, object], keyword_junk: st.DataObject
) -> None:
    with warnings.catch_warnings(), _in_a_scratch_directory():
        warnings.simplefilter("ignore", sodertorn.SodertornWarning)
        _check(name, METHODS[name], args, kwargs, keyword_junk)


@contextlib.contextmanager
def _in_a_scratch_directory() -> Iterator[None]:
    """Methods that write files (to_excel) write junk names here, not in the checkout."""
    before = os.getcwd()
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)
        try:
            yield
        finally:
            os.chdir(before)


# -- junk in one field of otherwise valid values -----------------------------------------


@given(JUNK, JUNK)
def test_junk_in_one_field_of_a_programme_value_raises_only_documented_errors(
    first: object, second: object
) -> None:
    from sodertorn import load_plan, load_programme
    from sodertorn.programme import (
        Activity,
        AdoptionRecord,
        CalendarEntry,
        Network,
        Node,
        NodeKind,
        Period,
        Text,
        conference_hosts,
        find_goals,
        plan_from_dict,
        programme_from_dict,
        programme_from_json,
    )

    calls: list[Callable[[], object]] = [
        lambda: Text(first, en=second),  # type: ignore[arg-type]
        lambda: Period(first, second),  # type: ignore[arg-type]
        lambda: Network(id=first, name=second),  # type: ignore[arg-type]
        lambda: Node(id=first, kind=NodeKind.GOAL, parent=second, text=Text("x")),  # type: ignore[arg-type]
        lambda: AdoptionRecord(party=first, source=second),  # type: ignore[arg-type]
        lambda: Activity(id="a", goal="b", text=Text("x"), when=first, cost=second),  # type: ignore[arg-type]
        lambda: CalendarEntry(start=first, body=second),  # type: ignore[arg-type]
        lambda: load_programme(first),  # type: ignore[arg-type]
        lambda: load_plan(first),  # type: ignore[arg-type]
        lambda: conference_hosts(str(first), second),  # type: ignore[arg-type]
        lambda: find_goals(load_programme("sup2040"), first, network=second),  # type: ignore[arg-type]
        lambda: programme_from_dict(first),  # type: ignore[arg-type]
        lambda: plan_from_dict({"schema": "sodertorn/plan/1", "year": first, "programme": second}),
        lambda: programme_from_json(str(first)),
    ]
    for call in calls:
        with contextlib.suppress(sodertorn.SodertornError):
            call()
