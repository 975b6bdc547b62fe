"""Every JSON document of the command line follows its shipped JSON Schema."""

from __future__ import annotations

import copy
import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn.errors import SchemaError
from sodertorn.schemas import KINDS, path, schema

from .running import run

if TYPE_CHECKING:
    from pathlib import Path

jsonschema = pytest.importorskip("jsonschema")


def validate(document: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(
        schema(document["schema"]), format_checker=jsonschema.FormatChecker()
    )
    validator.validate(document)


def output(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    status, out, err = run(capsys, *argv, "--format", "json")
    assert status == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


@pytest.mark.parametrize("kind", KINDS)
def test_each_schema_is_a_valid_schema(kind: str) -> None:
    loaded = schema(f"sodertorn/{kind}/1")
    jsonschema.Draft202012Validator.check_schema(loaded)
    assert loaded["properties"]["schema"] == {"const": f"sodertorn/{kind}/1"}
    assert path(f"sodertorn/{kind}/1").name == f"{kind}-1.json"


@pytest.mark.parametrize(
    "name", ["sodertorn/fees/2", "sodertorn/taxes/1", "other/fees/1", "sodertorn/fees", ""]
)
def test_unknown_schemas_are_refused(name: str) -> None:
    with pytest.raises(SchemaError, match="unknown schema"):
        schema(name)


ARGVS = [
    ["fees", "2010"],
    ["fees", "2025", "--trace"],
    ["fees", "2010-2025"],
    ["fees", "2017-2018", "--trace", "--explain"],
    ["fees", "2018"],
    ["fees", "2024", "--explain"],
    ["fees", "2024", "--explain", "Salem", "--lang", "en"],
    [
        "notice",
        "--party",
        "Nykvarn",
        "--council-decision",
        "2024-02-26",
        "--received",
        "2024-03-15",
    ],
    ["contributions", "500000", "--decided", "2024-05-02"],
    ["contributions", "1000.5", "--decided", "2024-05-02", "--unit", "ore", "--explain"],
    ["contributions", "1000.5", "--decided", "2024-05-02", "--unit", "ore", "--trace"],
    ["meeting", "--date", "2024-03-21", "--present", "Salem", "--remote", "Nykvarn"],
    [
        "meeting",
        "--date",
        "2024-03-21",
        "--present",
        "Salem",
        "--called-by",
        "Salem",
        "--chair",
        "Salem",
    ],
    ["goals", "sup2013"],
    ["goals", "sup2035"],
    ["goals", "sup2040"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=lambda argv: " ".join(argv[:2]))
def test_every_json_output_validates(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    validate(output(capsys, *argv))


def test_dissolve_json_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = tmp_path / "items.csv"
    items.write_text("name,amount\nBank,1000.50\nLease,-250000\n", encoding="utf-8")
    validate(output(capsys, "dissolve", "--items", str(items), "--unit", "ore", "--explain"))
    validate(output(capsys, "dissolve", "--items", str(items), "--unit", "ore", "--trace"))


def test_the_invoice_summary_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "invoices", "2025", "--output", str(tmp_path))[0] == 0
    summary = json.loads((tmp_path / "invoices.json").read_text(encoding="utf-8"))
    validate(summary)
    summary["invoices"][0]["file"] = "../../etc/passwd"
    with pytest.raises(jsonschema.ValidationError):
        validate(summary)


@given(year=st.integers(2010, 2025), lang=st.sampled_from(["sv", "en"]))
def test_fees_of_every_year_validate(year: int, lang: str) -> None:
    import contextlib
    import io

    from sodertorn.cli import main

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["fees", str(year), "--format", "json", "--lang", lang]) == 0
    validate(json.loads(buffer.getvalue()))


WRONG: list[tuple[str, Any]] = [
    ("schema", "sodertorn/fees/2"),
    ("total", 2083296),
    ("total", "2083296.001"),
    ("total", "2 083 296"),
    ("due_date", "15 mars 2024"),
    ("due_date", "2024-13-45"),
    ("year", "2024"),
    ("rule", "flat"),
    ("fees", []),
]


@pytest.mark.parametrize(("key", "value"), WRONG)
def test_a_wrong_document_is_rejected(
    key: str, value: object, capsys: pytest.CaptureFixture[str]
) -> None:
    document = output(capsys, "fees", "2024")
    validator = jsonschema.Draft202012Validator(
        schema("sodertorn/fees/1"), format_checker=jsonschema.FormatChecker()
    )
    validator.validate(document)
    wrong = copy.deepcopy(document)
    wrong[key] = value
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(wrong)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["fees"][0].update(code=126),
        lambda d: d["fees"][0].update(population=-1),
        lambda d: d["fees"][0].pop("amount"),
        lambda d: d.pop("population_source"),
        lambda d: d.update(payable_by="next Monday"),
    ],
)
def test_a_wrong_line_is_rejected(change: Any, capsys: pytest.CaptureFixture[str]) -> None:
    document = output(capsys, "fees", "2024")
    change(document)
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


def test_a_wrong_meeting_and_notice_are_rejected(capsys: pytest.CaptureFixture[str]) -> None:
    meeting = output(capsys, "meeting", "--date", "2024-03-21", "--present", "Salem")
    meeting["quorate"] = "no"
    with pytest.raises(jsonschema.ValidationError):
        validate(meeting)
    notice = output(
        capsys,
        "notice",
        "--party",
        "Salem",
        "--council-decision",
        "2024-01-01",
        "--received",
        "2024-01-02",
    )
    notice["party"] = "Salem"
    with pytest.raises(jsonschema.ValidationError):
        validate(notice)
