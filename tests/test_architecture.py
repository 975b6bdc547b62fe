"""The dependency direction between the package's layers (docs/architecture.md).

Imports are read from the source with :mod:`ast`, so nothing but the package root is
imported to check them. A module may import from its own layer and from lower layers, never from a
higher one. Every module of the package must be placed in a layer, so a new module
cannot slip past the rule; ``agreement`` and ``programme`` are placed before they
exist, and the rule holds whether or not they are present.

No two modules may import each other, directly or round a longer loop, counting every
import: at module level, inside functions and for type checking only.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sodertorn

# The imported package's files: the source tree, or the installed wheel in a test of the sdist.
PACKAGE = Path(sodertorn.__file__).parent

LAYERS: tuple[tuple[str, ...], ...] = (
    ("sodertorn._version", "sodertorn.errors", "sodertorn._checks", "sodertorn.schemas"),
    (
        "sodertorn.parties",
        "sodertorn.money",
        "sodertorn.i18n",
        "sodertorn._format",
        "sodertorn._shapes",
        "sodertorn._msgfmt",
    ),
    ("sodertorn.allocation", "sodertorn.tabular", "sodertorn.reasons"),
    ("sodertorn.population",),
    ("sodertorn.fees",),
    ("sodertorn.agreement", "sodertorn.programme"),
    (
        "sodertorn.cli",
        "sodertorn.__main__",
        "sodertorn.testing",
        "sodertorn._hypothesis_plugin",
        "sodertorn",
    ),
)
"""Lowest first. A module in a subpackage belongs to the layer of its subpackage."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int | None:
    for level, members in enumerate(LAYERS):
        for member in members:
            if module == member or (member != "sodertorn" and module.startswith(member + ".")):
                return level
    return None


def _imports(path: Path, module: str, *, typing: bool = True) -> set[str]:
    """The sodertorn modules *path* imports, at run time and (with *typing*) for type checking.

    Imports inside functions count as run-time imports, and so does
    ``importlib.import_module("sodertorn...")`` with the module's name written out.
    """
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if not typing:
        for block in ast.walk(tree):
            if isinstance(block, ast.If) and ast.unparse(block.test) in (
                "TYPE_CHECKING",
                "typing.TYPE_CHECKING",
            ):
                block.body = [ast.Pass()]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and ast.unparse(node.func) in ("importlib.import_module", "import_module")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)  # a module named in a string is imported all the same
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                # "from sodertorn import _format" imports a module, not the package root.
                submodule = f"{base}.{alias.name}"
                found.add(submodule if _known(submodule) else base)
    return {name for name in found if name == "sodertorn" or name.startswith("sodertorn.")}


def _known(name: str) -> bool:
    """Whether *name* is a module of the package (not a name imported from one)."""
    relative = PACKAGE.joinpath(*name.split(".")[1:])
    return name == "sodertorn" or relative.with_suffix(".py").exists() or relative.is_dir()


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_layer() -> None:
    unplaced = [module for module in MODULES if _layer(module) is None]
    assert not unplaced, f"place {unplaced} in a layer of LAYERS and docs/architecture.md"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_higher_layer(module: str) -> None:
    level = _layer(module)
    assert level is not None
    upward = sorted(
        imported
        for imported in _imports(MODULES[module], module)
        if (_layer(imported) or 0) > level
    )
    assert not upward, f"{module} (layer {level}) imports higher layers: {upward}"


def test_the_agreement_does_not_import_the_programme() -> None:
    """Within layer 5 the programme builds on the agreement (a plan's calendar becomes a
    MeetingCalendar), never the other way, so the two cannot import each other in a cycle."""
    uses = {
        module: sorted(
            name
            for name in _imports(MODULES[module], module)
            if name.startswith("sodertorn.programme")
        )
        for module in MODULES
        if module.startswith("sodertorn.agreement")
    }
    assert uses
    assert not any(uses.values()), uses
    assert any(
        name.startswith("sodertorn.agreement")
        for name in _imports(MODULES["sodertorn.programme.plan"], "sodertorn.programme.plan")
    )


def test_the_rule_catches_an_upward_import(tmp_path: Path) -> None:
    source = tmp_path / "money.py"
    source.write_text(
        "from sodertorn.fees import annual_fees\nfrom . import cli\nimport sodertorn.agreement\n"
        "from sodertorn import SEK\n",
        encoding="utf-8",
    )
    imported = _imports(source, "sodertorn.money")
    assert imported == {"sodertorn.fees", "sodertorn.cli", "sodertorn.agreement", "sodertorn"}
    level = _layer("sodertorn.money")
    assert level is not None
    assert all(
        (_layer(name) or 0) > level
        for name in ("sodertorn.fees", "sodertorn.cli", "sodertorn.agreement.notice")
    )
    assert _layer("sodertorn.programme.goals") == _layer("sodertorn.agreement")


KNOWN_CYCLES: frozenset[frozenset[str]] = frozenset()
"""Cycles that exist and are being taken apart; remove an entry once its cycle is gone."""


TYPING_ONLY_EDGES: frozenset[tuple[str, str]] = frozenset(
    {
        ("sodertorn.programme.plan", "sodertorn.programme.followup"),
        ("sodertorn.programme.plan", "sodertorn.programme.indicators"),
        ("sodertorn.programme.plan", "sodertorn.programme.report"),
    }
)
"""Imports made only for type checking that a value needs for the signature of a
convenience method whose work is done above it (``Plan.report``). They never run; each is
checked to sit under ``if TYPE_CHECKING:`` and is the only kind of upward arrow allowed."""


def _graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    return {
        module: {
            name
            for name in _imports(path, module)
            if name in modules and name != module and (module, name) not in TYPING_ONLY_EDGES
        }
        for module, path in modules.items()
    }


@pytest.mark.parametrize(("module", "imported"), sorted(TYPING_ONLY_EDGES))
def test_typing_only_edges_are_for_type_checking_only(module: str, imported: str) -> None:
    assert imported in _imports(MODULES[module], module)
    assert imported not in _imports(MODULES[module], module, typing=False)


def _cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.add(frozenset(component))
    return found


def test_no_import_cycles_counting_imports_inside_functions() -> None:
    cycles = _cycles(_graph(MODULES))
    unexpected = sorted(sorted(cycle) for cycle in cycles - KNOWN_CYCLES)
    assert not unexpected, f"import cycles: {unexpected}"


def test_the_programme_is_in_no_cycle() -> None:
    cycles = _cycles(_graph(MODULES))
    assert not [cycle for cycle in cycles if any("programme" in name for name in cycle)]


def test_the_cycle_rule_sees_modules_imported_by_name(tmp_path: Path) -> None:
    source = tmp_path / "plugin.py"
    source.write_text(
        "import importlib\n\ndef hook():\n    importlib.import_module('sodertorn.testing')\n",
        encoding="utf-8",
    )
    assert _imports(source, "sodertorn.plugin") == {"sodertorn.testing"}


def test_the_cycle_rule_sees_imports_inside_functions(tmp_path: Path) -> None:
    top = tmp_path / "model.py"
    top.write_text("import attrs\n\ndef view():\n    from sodertorn.render import show\n")
    below = tmp_path / "render.py"
    below.write_text("from __future__ import annotations\nfrom sodertorn.model import Thing\n")
    other = tmp_path / "other.py"
    other.write_text("from sodertorn import model\n")
    modules = {
        "sodertorn.model": top,
        "sodertorn.render": below,
        "sodertorn.other": other,
    }
    assert _cycles(_graph(modules)) == {frozenset({"sodertorn.model", "sodertorn.render"})}
    below.write_text("import attrs\n")
    assert _cycles(_graph(modules)) == set()


PROGRAMME_PREFIX = "sodertorn.programme."

PROGRAMME_VALUES = (
    "sodertorn.programme._checks",
    "sodertorn.programme._ids",
    "sodertorn.programme._slots",
    "sodertorn.programme.text",
    "sodertorn.programme.kinds",
    "sodertorn.programme.claims",
    "sodertorn.programme.record",
    "sodertorn.programme.conferences",
    "sodertorn.programme.calendar",
    "sodertorn.programme.model",
    "sodertorn.programme.budget",
    "sodertorn.programme.plan",
)
"""The programme's values, lowest first; the readers, questions and views sit above them."""


@pytest.mark.parametrize("module", PROGRAMME_VALUES)
def test_the_programme_values_import_no_reader_question_or_view(module: str) -> None:
    allowed = set(PROGRAMME_VALUES[: PROGRAMME_VALUES.index(module)])
    allowed |= {imported for importer, imported in TYPING_ONLY_EDGES if importer == module}
    inside = {
        name for name in _imports(MODULES[module], module) if name.startswith(PROGRAMME_PREFIX)
    }
    assert inside <= allowed, f"{module} imports {sorted(inside - allowed)}"


def test_reasons_sit_below_the_agreement_the_fees_and_the_programme() -> None:
    """One way to explain: a Reason imports nothing that could use it."""
    below = _layer("sodertorn.reasons")
    assert below is not None
    for user in ("sodertorn.agreement", "sodertorn.fees", "sodertorn.programme"):
        assert (_layer(user) or 0) > below
    assert not any(
        name.startswith(("sodertorn.agreement", "sodertorn.fees", "sodertorn.programme"))
        for name in _imports(MODULES["sodertorn.reasons"], "sodertorn.reasons")
    )


def test_money_and_formatting_do_not_import_each_other() -> None:
    """Money is a value: formatting imports no value, and money nothing that translates."""
    formatting = _imports(MODULES["sodertorn._format"], "sodertorn._format")
    assert formatting <= {"sodertorn.errors", "sodertorn._shapes"}, formatting
    assert not _imports(MODULES["sodertorn._shapes"], "sodertorn._shapes")  # data only
    money = _imports(MODULES["sodertorn.money"], "sodertorn.money")
    assert "sodertorn.i18n" not in money
    # Only the deprecated SEK.format reaches formatting, inside the method; the argument
    # checks are below money and translate nothing.
    assert money <= {"sodertorn.errors", "sodertorn._checks", "sodertorn._format"}, money


MAX_LINES = 550
"""About the length past which a module usually does more than one job."""

LONG_BUT_ONE_JOB: dict[str, str] = {}
"""Modules longer than :data:`MAX_LINES` that still do one job, each with that job."""


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_about_550_lines() -> None:
    """One job a module: a long module is split where its jobs part (values from their
    views, reading from writing, one rule from another), its old path re-exporting."""
    long = {
        module: _lines(path)
        for module, path in MODULES.items()
        if _lines(path) > MAX_LINES and module not in LONG_BUT_ONE_JOB
    }
    assert not long, f"split by job (or name the one job in LONG_BUT_ONE_JOB): {long}"


FEE_RULES = (
    "sodertorn.fees.steps",
    "sodertorn.fees._rule_checks",
    "sodertorn.fees.indexed",
    "sodertorn.fees.per_capita",
    "sodertorn.fees.rules",
    "sodertorn.fees.schedule",
)
"""The fee rules and their schedule, lowest first: values, below the assessment and its views."""


@pytest.mark.parametrize("module", FEE_RULES)
def test_the_fee_rules_import_nothing_of_the_fees_above_them(module: str) -> None:
    allowed = set(FEE_RULES[: FEE_RULES.index(module)])
    inside = {
        name for name in _imports(MODULES[module], module) if name.startswith("sodertorn.fees")
    }
    assert inside <= allowed, f"{module} imports {sorted(inside - allowed)}"


SPLIT_BY_JOB = (
    ("sodertorn.programme.report", "sodertorn.programme.report_views"),
    ("sodertorn.programme.indicators", "sodertorn.programme.indicator_files"),
    ("sodertorn.programme.followup", "sodertorn.programme.followup_files"),
    ("sodertorn.programme.writer", "sodertorn.programme.schema"),
    ("sodertorn.fees.explain", "sodertorn.fees.assessment"),
    ("sodertorn.agreement.contributions", "sodertorn.agreement.financing"),
)
"""Two jobs once in one module, now two modules; the first imports nothing of the second
(a value, not its view; writing, not reading; the explanation, through a protocol, not the
assessment that offers it as a method; § 7's split, not § 6's projects that use it)."""


@pytest.mark.parametrize(("lower", "upper"), SPLIT_BY_JOB)
def test_the_split_modules_depend_one_way(lower: str, upper: str) -> None:
    assert upper not in _imports(MODULES[lower], lower)


def _imports_argparse(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        (isinstance(node, ast.Import) and any(a.name == "argparse" for a in node.names))
        or (isinstance(node, ast.ImportFrom) and node.module == "argparse")
        for node in ast.walk(tree)
    )


def test_the_command_line_is_one_package() -> None:
    """Parsing arguments is the command line's job alone: every module that imports argparse
    (even for type checking) is in sodertorn.cli, and every subcommand is defined there."""
    outside = sorted(
        module
        for module, path in MODULES.items()
        if _imports_argparse(path) and not module.startswith("sodertorn.cli")
    )
    assert not outside, f"move to sodertorn.cli: {outside}"
    from sodertorn.cli import SUBCOMMANDS

    assert all(module.startswith("sodertorn.cli.") for module, _ in SUBCOMMANDS.values())
