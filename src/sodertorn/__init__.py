"""The Södertörn municipalities' collaboration agreement as exact, typed Python.

The names a user needs first: the parties, money, the fees and their results, the
population register, the agreement, the development programme's loaders, and the errors.
Everything else lives in the package of its concept and is imported from there:
:mod:`sodertorn.agreement`, :mod:`sodertorn.programme`, :mod:`sodertorn.fees`,
:mod:`sodertorn.population`, :mod:`sodertorn.money`, :mod:`sodertorn.allocation` and
:mod:`sodertorn.reasons`.

One table, ``_ROOT``, says where each name at the root lives; ``__all__``,
``__getattr__`` and ``__dir__`` are made from it. Each name is imported from its module
the first time it is used (``sodertorn.SEK``, ``from sodertorn import SEK``), so
``import sodertorn`` loads nothing but the version. The names that used to be at the root
and have moved are in ``_MOVED``: they keep working and warn with
:class:`~sodertorn.SodertornDeprecationWarning`, naming their new place.

Type checkers cannot read a table, so they see the same names as the imports under
``TYPE_CHECKING`` below; ``tests/test_lazy_import.py`` checks that those imports and the
two tables say the same thing, and prints the lines to paste when they differ.
"""

from sodertorn._version import __version__ as __version__

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing would cost start-up
if TYPE_CHECKING:
    from sodertorn.agreement import Agreement as Agreement
    from sodertorn.agreement import ByElection as ByElection
    from sodertorn.agreement import Circulation as Circulation
    from sodertorn.agreement import Decision as Decision
    from sodertorn.agreement import DecisionRule as DecisionRule
    from sodertorn.agreement import DissolutionStatement as DissolutionStatement
    from sodertorn.agreement import Election as Election
    from sodertorn.agreement import Financing as Financing
    from sodertorn.agreement import Holder as Holder
    from sodertorn.agreement import Item as Item
    from sodertorn.agreement import Meeting as Meeting
    from sodertorn.agreement import MeetingCalendar as MeetingCalendar
    from sodertorn.agreement import MeetingKind as MeetingKind
    from sodertorn.agreement import Minutes as Minutes
    from sodertorn.agreement import Notice as Notice
    from sodertorn.agreement import Outcome as Outcome
    from sodertorn.agreement import PartyStatement as PartyStatement
    from sodertorn.agreement import Position as Position
    from sodertorn.agreement import Post as Post
    from sodertorn.agreement import Project as Project
    from sodertorn.agreement import Revocation as Revocation
    from sodertorn.agreement import SpecialContributions as SpecialContributions
    from sodertorn.agreement import dissolve as dissolve
    from sodertorn.agreement import notice_period as notice_period
    from sodertorn.agreement import quorum_for as quorum_for
    from sodertorn.agreement import special_contributions as special_contributions
    from sodertorn.agreement import split_items as split_items
    from sodertorn.allocation import allocate as allocate
    from sodertorn.allocation import allocate_units as allocate_units
    from sodertorn.allocation import round_to_total as round_to_total
    from sodertorn.errors import AllocationError as AllocationError
    from sodertorn.errors import DissolutionError as DissolutionError
    from sodertorn.errors import FeeRuleError as FeeRuleError
    from sodertorn.errors import FewMeetingsWarning as FewMeetingsWarning
    from sodertorn.errors import FollowUpError as FollowUpError
    from sodertorn.errors import GoalTreeError as GoalTreeError
    from sodertorn.errors import GovernanceError as GovernanceError
    from sodertorn.errors import InvalidAmountError as InvalidAmountError
    from sodertorn.errors import LocaleError as LocaleError
    from sodertorn.errors import MissingDataError as MissingDataError
    from sodertorn.errors import MissingDependencyError as MissingDependencyError
    from sodertorn.errors import NoticeError as NoticeError
    from sodertorn.errors import OutputError as OutputError
    from sodertorn.errors import PlanError as PlanError
    from sodertorn.errors import PopulationDataError as PopulationDataError
    from sodertorn.errors import SchemaError as SchemaError
    from sodertorn.errors import SodertornDeprecationWarning as SodertornDeprecationWarning
    from sodertorn.errors import SodertornError as SodertornError
    from sodertorn.errors import SodertornWarning as SodertornWarning
    from sodertorn.errors import UndecidedError as UndecidedError
    from sodertorn.errors import UnknownMunicipalityError as UnknownMunicipalityError
    from sodertorn.errors import UnknownProgrammeError as UnknownProgrammeError
    from sodertorn.fees import FeeAssessment as FeeAssessment
    from sodertorn.fees import FeeHistory as FeeHistory
    from sodertorn.fees import FeeLine as FeeLine
    from sodertorn.fees import FeeRule as FeeRule
    from sodertorn.fees import FeeSchedule as FeeSchedule
    from sodertorn.fees import IndexedRule as IndexedRule
    from sodertorn.fees import IndexStep as IndexStep
    from sodertorn.fees import PerCapitaRule as PerCapitaRule
    from sodertorn.fees import annual_fees as annual_fees
    from sodertorn.fees import fee_history as fee_history
    from sodertorn.money import SEK as SEK
    from sodertorn.money import Rounding as Rounding
    from sodertorn.money import Unit as Unit
    from sodertorn.money import round_fraction as round_fraction
    from sodertorn.parties import MUNICIPALITIES as MUNICIPALITIES
    from sodertorn.parties import Municipality as Municipality
    from sodertorn.parties import municipality as municipality
    from sodertorn.population import Population as Population
    from sodertorn.population import PopulationSource as PopulationSource
    from sodertorn.population import reference_date as reference_date
    from sodertorn.programme import PLAN_SCHEMA as PLAN_SCHEMA
    from sodertorn.programme import PROGRAMME_SCHEMA as PROGRAMME_SCHEMA
    from sodertorn.programme import Activity as Activity
    from sodertorn.programme import ActivityStatus as ActivityStatus
    from sodertorn.programme import AdoptionRecord as AdoptionRecord
    from sodertorn.programme import Answer as Answer
    from sodertorn.programme import Budget as Budget
    from sodertorn.programme import BudgetLine as BudgetLine
    from sodertorn.programme import CalendarEntry as CalendarEntry
    from sodertorn.programme import CalendarKind as CalendarKind
    from sodertorn.programme import Claim as Claim
    from sodertorn.programme import CollaborationBody as CollaborationBody
    from sodertorn.programme import Conference as Conference
    from sodertorn.programme import Continuation as Continuation
    from sodertorn.programme import Contribution as Contribution
    from sodertorn.programme import Direction as Direction
    from sodertorn.programme import Edition as Edition
    from sodertorn.programme import Finding as Finding
    from sodertorn.programme import FollowUp as FollowUp
    from sodertorn.programme import Hosting as Hosting
    from sodertorn.programme import Indicator as Indicator
    from sodertorn.programme import Indicators as Indicators
    from sodertorn.programme import IndicatorValue as IndicatorValue
    from sodertorn.programme import InForce as InForce
    from sodertorn.programme import Measure as Measure
    from sodertorn.programme import Network as Network
    from sodertorn.programme import Node as Node
    from sodertorn.programme import NodeChange as NodeChange
    from sodertorn.programme import NodeKind as NodeKind
    from sodertorn.programme import Office as Office
    from sodertorn.programme import OfficeRole as OfficeRole
    from sodertorn.programme import Period as Period
    from sodertorn.programme import Plan as Plan
    from sodertorn.programme import Programme as Programme
    from sodertorn.programme import ProgrammeDiff as ProgrammeDiff
    from sodertorn.programme import RevenueCheck as RevenueCheck
    from sodertorn.programme import Status as Status
    from sodertorn.programme import Text as Text
    from sodertorn.programme import YearReport as YearReport
    from sodertorn.programme import activities_for as activities_for
    from sodertorn.programme import check_consistency as check_consistency
    from sodertorn.programme import conference_hosts as conference_hosts
    from sodertorn.programme import diff_programmes as diff_programmes
    from sodertorn.programme import find_goals as find_goals
    from sodertorn.programme import goals_html as goals_html
    from sodertorn.programme import goals_markdown as goals_markdown
    from sodertorn.programme import goals_text as goals_text
    from sodertorn.programme import goals_without_activity as goals_without_activity
    from sodertorn.programme import in_force as in_force
    from sodertorn.programme import load_plan as load_plan
    from sodertorn.programme import load_programme as load_programme
    from sodertorn.programme import plan_from_dict as plan_from_dict
    from sodertorn.programme import plan_from_json as plan_from_json
    from sodertorn.programme import plan_html as plan_html
    from sodertorn.programme import plan_to_dict as plan_to_dict
    from sodertorn.programme import plan_to_json as plan_to_json
    from sodertorn.programme import plan_years as plan_years
    from sodertorn.programme import programme_from_dict as programme_from_dict
    from sodertorn.programme import programme_from_json as programme_from_json
    from sodertorn.programme import programme_names as programme_names
    from sodertorn.programme import programme_to_dict as programme_to_dict
    from sodertorn.programme import programme_to_json as programme_to_json
    from sodertorn.programme.report import report as report
    from sodertorn.reasons import Reason as Reason

_ROOT: dict[str, str] = {
    # the parties
    "MUNICIPALITIES": "sodertorn.parties",
    "Municipality": "sodertorn.parties",
    "municipality": "sodertorn.parties",
    # money
    "SEK": "sodertorn.money",
    # splitting
    "allocate": "sodertorn.allocation",
    # the population register
    "Population": "sodertorn.population",
    # the fees
    "FeeAssessment": "sodertorn.fees",
    "FeeHistory": "sodertorn.fees",
    "FeeLine": "sodertorn.fees",
    "annual_fees": "sodertorn.fees",
    "fee_history": "sodertorn.fees",
    # the agreement
    "Agreement": "sodertorn.agreement",
    "Notice": "sodertorn.agreement",
    # the development programme
    "Plan": "sodertorn.programme",
    "Programme": "sodertorn.programme",
    "load_plan": "sodertorn.programme",
    "load_programme": "sodertorn.programme",
    "programme_names": "sodertorn.programme",
    # errors and warnings
    "AllocationError": "sodertorn.errors",
    "DissolutionError": "sodertorn.errors",
    "FeeRuleError": "sodertorn.errors",
    "FewMeetingsWarning": "sodertorn.errors",
    "FollowUpError": "sodertorn.errors",
    "GoalTreeError": "sodertorn.errors",
    "GovernanceError": "sodertorn.errors",
    "InvalidAmountError": "sodertorn.errors",
    "LocaleError": "sodertorn.errors",
    "MissingDataError": "sodertorn.errors",
    "MissingDependencyError": "sodertorn.errors",
    "NoticeError": "sodertorn.errors",
    "OutputError": "sodertorn.errors",
    "PlanError": "sodertorn.errors",
    "PopulationDataError": "sodertorn.errors",
    "SchemaError": "sodertorn.errors",
    "SodertornDeprecationWarning": "sodertorn.errors",
    "SodertornError": "sodertorn.errors",
    "SodertornWarning": "sodertorn.errors",
    "UndecidedError": "sodertorn.errors",
    "UnknownMunicipalityError": "sodertorn.errors",
    "UnknownProgrammeError": "sodertorn.errors",
}
"""The names at the root, each with the module it is imported from on first use."""

_MOVED: dict[str, str] = {
    "ByElection": "sodertorn.agreement",
    "Circulation": "sodertorn.agreement",
    "Decision": "sodertorn.agreement",
    "DecisionRule": "sodertorn.agreement",
    "DissolutionStatement": "sodertorn.agreement",
    "Election": "sodertorn.agreement",
    "Financing": "sodertorn.agreement",
    "Holder": "sodertorn.agreement",
    "Item": "sodertorn.agreement",
    "Meeting": "sodertorn.agreement",
    "MeetingCalendar": "sodertorn.agreement",
    "MeetingKind": "sodertorn.agreement",
    "Minutes": "sodertorn.agreement",
    "Outcome": "sodertorn.agreement",
    "PartyStatement": "sodertorn.agreement",
    "Position": "sodertorn.agreement",
    "Post": "sodertorn.agreement",
    "Project": "sodertorn.agreement",
    "Revocation": "sodertorn.agreement",
    "SpecialContributions": "sodertorn.agreement",
    "dissolve": "sodertorn.agreement",
    "notice_period": "sodertorn.agreement",
    "quorum_for": "sodertorn.agreement",
    "special_contributions": "sodertorn.agreement",
    "split_items": "sodertorn.agreement",
    "allocate_units": "sodertorn.allocation",
    "round_to_total": "sodertorn.allocation",
    "FeeRule": "sodertorn.fees",
    "FeeSchedule": "sodertorn.fees",
    "IndexStep": "sodertorn.fees",
    "IndexedRule": "sodertorn.fees",
    "PerCapitaRule": "sodertorn.fees",
    "Rounding": "sodertorn.money",
    "Unit": "sodertorn.money",
    "round_fraction": "sodertorn.money",
    "PopulationSource": "sodertorn.population",
    "reference_date": "sodertorn.population",
    "Activity": "sodertorn.programme",
    "ActivityStatus": "sodertorn.programme",
    "AdoptionRecord": "sodertorn.programme",
    "Answer": "sodertorn.programme",
    "Budget": "sodertorn.programme",
    "BudgetLine": "sodertorn.programme",
    "CalendarEntry": "sodertorn.programme",
    "CalendarKind": "sodertorn.programme",
    "Claim": "sodertorn.programme",
    "CollaborationBody": "sodertorn.programme",
    "Conference": "sodertorn.programme",
    "Continuation": "sodertorn.programme",
    "Contribution": "sodertorn.programme",
    "Direction": "sodertorn.programme",
    "Edition": "sodertorn.programme",
    "Finding": "sodertorn.programme",
    "FollowUp": "sodertorn.programme",
    "Hosting": "sodertorn.programme",
    "InForce": "sodertorn.programme",
    "Indicator": "sodertorn.programme",
    "IndicatorValue": "sodertorn.programme",
    "Indicators": "sodertorn.programme",
    "Measure": "sodertorn.programme",
    "Network": "sodertorn.programme",
    "Node": "sodertorn.programme",
    "NodeChange": "sodertorn.programme",
    "NodeKind": "sodertorn.programme",
    "Office": "sodertorn.programme",
    "OfficeRole": "sodertorn.programme",
    "PLAN_SCHEMA": "sodertorn.programme",
    "PROGRAMME_SCHEMA": "sodertorn.programme",
    "Period": "sodertorn.programme",
    "ProgrammeDiff": "sodertorn.programme",
    "RevenueCheck": "sodertorn.programme",
    "Status": "sodertorn.programme",
    "Text": "sodertorn.programme",
    "YearReport": "sodertorn.programme",
    "activities_for": "sodertorn.programme",
    "check_consistency": "sodertorn.programme",
    "conference_hosts": "sodertorn.programme",
    "diff_programmes": "sodertorn.programme",
    "find_goals": "sodertorn.programme",
    "goals_html": "sodertorn.programme",
    "goals_markdown": "sodertorn.programme",
    "goals_text": "sodertorn.programme",
    "goals_without_activity": "sodertorn.programme",
    "in_force": "sodertorn.programme",
    "plan_from_dict": "sodertorn.programme",
    "plan_from_json": "sodertorn.programme",
    "plan_html": "sodertorn.programme",
    "plan_to_dict": "sodertorn.programme",
    "plan_to_json": "sodertorn.programme",
    "plan_years": "sodertorn.programme",
    "programme_from_dict": "sodertorn.programme",
    "programme_from_json": "sodertorn.programme",
    "programme_to_dict": "sodertorn.programme",
    "programme_to_json": "sodertorn.programme",
    "report": "sodertorn.programme.report",
    "Reason": "sodertorn.reasons",
}
"""Names that were at the root and have moved, each with its new place. They keep
working from the root, with a :class:`~sodertorn.SodertornDeprecationWarning` at each use."""

_SUBMODULES = frozenset(
    {
        "agreement",
        "allocation",
        "cli",
        "errors",
        "fees",
        "i18n",
        "money",
        "parties",
        "population",
        "programme",
        "reasons",
        "tabular",
        "testing",
    }
)


# Hidden from type checkers, which see the imports above: a misspelt name stays an error.
if not TYPE_CHECKING:
    __all__ = sorted(("__version__", *_ROOT))  # noqa: PLE0605 - made from the table

    def __getattr__(name):
        module = _ROOT.get(name)
        if module is not None:
            import importlib  # noqa: PLC0415 - only when a name is first used

            value = getattr(importlib.import_module(module), name)
            globals()[name] = value  # later look-ups are plain attribute access
            return value
        module = _MOVED.get(name)
        if module is not None:
            import importlib  # noqa: PLC0415
            import warnings  # noqa: PLC0415

            from sodertorn.errors import SodertornDeprecationWarning  # noqa: PLC0415

            warnings.warn(
                f"sodertorn.{name} has moved to {module}: use 'from {module} import {name}'; "
                "the name at the package root is deprecated and will be removed",
                SodertornDeprecationWarning,
                stacklevel=2,
            )
            return getattr(importlib.import_module(module), name)  # not kept: warn each use
        if name in _SUBMODULES:
            import importlib  # noqa: PLC0415

            return importlib.import_module(f"sodertorn.{name}")
        raise AttributeError(f"module 'sodertorn' has no attribute {name!r}")

    def __dir__():
        return sorted({*globals(), *__all__})
