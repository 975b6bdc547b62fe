"""Every message has both languages, and Swedish output of the rules contains no English one.

Messages are those of the template ``locale/sodertorn.pot``, which ``pybabel extract``
makes from the literal arguments of ``gettext``, ``ngettext``, ``message`` and ``plural``
and the templates of errors made with ``SodertornError.of``
(tests/test_compiled_catalogue.py checks that it is up to date).
"""

from __future__ import annotations

import datetime
import string
import warnings
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import sodertorn
from sodertorn import SEK, Agreement, FewMeetingsWarning, Notice, annual_fees, load_programme
from sodertorn.agreement import (
    ByElection,
    Circulation,
    Decision,
    DecisionRule,
    Election,
    Item,
    Meeting,
    MeetingCalendar,
    MeetingKind,
    Minutes,
    Position,
    Post,
    Project,
    special_contributions,
    split_items,
)
from sodertorn.i18n import catalogue, ngettext, plural_catalogue
from sodertorn.programme import check_consistency

TEMPLATE = Path(sodertorn.__file__).parent / "locale" / "sodertorn.pot"


def _calls() -> tuple[set[str], set[tuple[str, str]]]:
    """The messages of the template, which ``pybabel extract`` made from the package."""
    with TEMPLATE.open("rb") as handle:
        ids = [message.id for message in read_po(handle, domain="sodertorn") if message.id]
    return (
        {str(i) for i in ids if isinstance(i, str)},
        {(str(i[0]), str(i[1])) for i in ids if isinstance(i, tuple)},
    )


SINGLE_MESSAGES, PLURAL_MESSAGES = _calls()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_messages_are_found() -> None:
    assert "The {post} is held by {party}, elected on {elected}." in SINGLE_MESSAGES
    assert "unknown municipality {name}; expected one of {expected}" in SINGLE_MESSAGES
    assert ("{count} sub-goal", "{count} sub-goals") in PLURAL_MESSAGES
    assert len(PLURAL_MESSAGES) >= 10


@pytest.mark.parametrize("msgid", sorted(SINGLE_MESSAGES))
def test_every_message_has_swedish(msgid: str) -> None:
    swedish = catalogue("sv").get(msgid)
    assert swedish, f"no Swedish for {msgid!r}"
    assert _fields(swedish) == _fields(msgid)


@pytest.mark.parametrize("pair", sorted(PLURAL_MESSAGES))
def test_every_plural_message_has_both_swedish_forms(pair: tuple[str, str]) -> None:
    forms = plural_catalogue("sv").get(pair)
    assert forms, f"no Swedish for {pair!r}"
    for form, msgid in zip(forms, pair, strict=True):
        assert _fields(form) == _fields(msgid)


SAME_IN_BOTH = {
    "kronor",
    "öre",
    "Vision",
    "Status",
    "≈ {amount}",
    "%(heading)s:",
    "argument %(argument_name)s: %(message)s",
    "{file}: {reason}",
    "{message}",
    "{source}: ",
}
"""Messages whose Swedish is the English: words both languages share, and bare layout."""


def test_swedish_is_not_the_english_copied() -> None:
    same = {msgid for msgid, swedish in catalogue("sv").items() if swedish == msgid}
    assert same <= SAME_IN_BOTH, f"untranslated: {sorted(same - SAME_IN_BOTH)}"


def test_plural_forms_follow_the_number() -> None:
    singular, plural = "{count} focus area", "{count} focus areas"
    assert ngettext(singular, plural, 1, "sv") == "{count} fokusområde"
    assert ngettext(singular, plural, 0, "sv") == "{count} fokusområden"
    assert ngettext(singular, plural, 2, "en") == plural
    assert ngettext("not in the catalogue", "not in the catalogues", 1, "sv") == (
        "not in the catalogue"
    )


def _swedish_outputs() -> list[str]:
    """The agreement's rules, the fees and the programme's answers, in Swedish."""
    day = datetime.date(2024, 5, 2)
    notice = Notice(
        party="Nykvarn",
        council_decision_date=datetime.date(2024, 2, 26),
        received_by_chair=datetime.date(2024, 3, 15),
    )
    agreement = Agreement(
        notices=[notice],
        elections=[
            Election(elected_on=datetime.date(2024, 1, 16), chair="Salem", vice_chair="Huddinge")
        ],
    )
    filled = agreement.with_by_election(
        ByElection(elected_on=datetime.date(2024, 2, 1), post=Post.VICE_CHAIR, party="Haninge")
    )
    names = ["Huddinge", "Botkyrka", "Salem", "Haninge"]
    meetings = [
        Meeting(date=day, in_room=names[:3], remote={"Haninge"}, substitutes={"Salem"}),
        Meeting(date=day, in_room=names[:3]),
        Meeting(date=day, kind=MeetingKind.EXTRA, requested_by=names[:1], agreement=agreement),
        Meeting(date=day, kind=MeetingKind.EXTRA, called_by="Salem", agreement=agreement),
        Meeting(date=day),
    ]
    quorate = meetings[0]
    decisions = [
        Decision(meeting=quorate, matter="A", positions=dict.fromkeys(names, position))
        for position in Position
    ]
    decisions.append(
        Decision(
            meeting=quorate,
            matter="B",
            positions={**dict.fromkeys(names, Position.SUPPORT), "Botkyrka": Position.OBJECT},
            rule=DecisionRule.MAJORITY,
            rule_agreed_by=names,
        )
    )
    not_quorate = Decision(
        meeting=meetings[1], matter="C", positions=dict.fromkeys(names[:3], Position.SUPPORT)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FewMeetingsWarning)
        calendar = MeetingCalendar(year=2024, meetings=[meetings[4]]).check()
    project = Project(name="P", concerns={"Haninge", "Nynäshamn"})
    outputs = [
        notice.explain(),
        *calendar,
        *(m.explain() for m in meetings),
        *(d.outcome.explain() for d in [*decisions, not_quorate]),
        Minutes(meeting=quorate, decisions=decisions).text(),
        agreement.holder_on(datetime.date(2026, 1, 1)).explain(),
        filled.holder_on(datetime.date(2024, 3, 1), Post.VICE_CHAIR).explain(),
        Circulation(date=day, matter="D").reasons()[0].text(),
        project.explain(),
        Project(name="Q", concerns=agreement.parties).explain(),
        Project(name="R", concerns={"Salem"}, judged_by=decisions[0]).explain(),
        Project(name="S", concerns={"Salem"}, important_for_whole=True).explain(),
        project.split_cost(SEK(1000), decided_on=day).explain(),
        project.split_cost(
            SEK(1000), decided_on=day, shares={"Haninge": 1, "Nynäshamn": 2}
        ).explain(),
        special_contributions(SEK(100_000), decided_on=day, agreement=agreement).explain(),
        split_items([Item(name="Bank", amount=SEK(1000))], population_year=2023).explain(),
        MeetingCalendar(year=2024, meetings=[]).reasons()[0].text(),
    ]
    for year in (2012, 2024):
        fees = annual_fees(year)
        outputs += [fees.explain(), fees.explain("Salem"), fees.table()]
    sup = load_programme("sup2040")
    outputs += [
        sup.in_force(day).explain(),
        sup.in_force(datetime.date(2030, 1, 1)).explain(),
        sup.in_force(datetime.date(2023, 1, 11)).explain(),
        sup.in_force(datetime.date(2023, 3, 1)).explain(),
        *(f.text() for f in check_consistency(load_programme("sup2035"))),
    ]
    return outputs


def _english_fragments() -> set[str]:
    """Pieces of English messages long enough to be recognised, absent from their Swedish."""
    swedish = catalogue("sv")
    pairs = [(m, swedish.get(m, "")) for m in SINGLE_MESSAGES]
    for pair, forms in plural_catalogue("sv").items():
        pairs += list(zip(pair, forms, strict=True))
    found: set[str] = set()
    for english, translated in pairs:
        for literal, *_ in string.Formatter().parse(english):
            piece = literal.strip(" .;:,()")
            if len(piece) >= 12 and piece not in translated:
                found.add(piece)
    return found


def test_swedish_output_contains_no_english_message() -> None:
    fragments = _english_fragments()
    assert len(fragments) > 50
    for text in _swedish_outputs():
        leaked = sorted(f for f in fragments if f in text)
        assert not leaked, f"English in Swedish output {text!r}: {leaked}"


def test_the_check_finds_english_where_there_is_some() -> None:
    fragments = _english_fragments()
    notice = Notice(
        party="Nykvarn",
        council_decision_date=datetime.date(2024, 2, 26),
        received_by_chair=datetime.date(2024, 3, 15),
    )
    english = notice.explain("en") + annual_fees(2012).explain(lang="en")
    assert sum(f in english for f in fragments) >= 5


def test_no_plural_entry_is_stale() -> None:
    stale = set(plural_catalogue("sv")) - PLURAL_MESSAGES
    assert not stale, f"plural translations no longer used: {sorted(stale)}"


def _command_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from sodertorn.cli import main

    status = main(argv)
    out, err = capsys.readouterr()
    return status, out + err


def _files(folder: Path) -> dict[str, str]:
    """Input files for the command line, good and bad, by name."""
    texts = {
        "own.csv": "code,year,population\n0126,2023,abc\n",
        "header.csv": "code,year\n0126,2023\n",
        "title.csv": "title only\n",
        "regions.csv": 'region,2023\n"0180 Stockholm",988943\n"00 Riket",10551707\n',
        "months.csv": "region,2023M12\n0126 Huddinge,5\n",
        "stat.json": '{"a": 1}',
        "items.csv": "name,amount\nBank,lots\n",
        "ore.csv": "name,amount\nBank,1000.50\n",
        "twice.csv": "name,amount\nBank,1\nBank,2\n",
        "status.csv": "x,y\n",
        "status-word.csv": "activity,status,date\nrufs-klimat,klar,2024-01-02\n",
        "status-id.csv": "activity,status,date\nrufs klimat,done,2024-01-02\n",
        "status-fields.csv": "activity,status,date\nrufs-klimat\n",
        "status-good.csv": "activity,status,date\nrufs-klimat,pågår,2024-01-02\n",
        "indicators.json": '{"schema": "sodertorn/indicators/1", "x": 1}',
        "details.csv": "code,invoice_number\n9999,1\n",
        "columns.csv": "code,colour\n0126,blue\n",
        "unit.csv": INDICATORS_HEADER
        + "restid,infrastruktur,Restid,,,SCB,decrease,,,,,2024,45,x\n",
        "name.csv": INDICATORS_HEADER + "restid,infrastruktur,,,min,SCB,decrease,,,,,2024,45,x\n",
        "broken.json": '{"schema": "sodertorn/follow-up/1", ',
        "a.csv": "code,year,population\n0126,2025,5\n",
        "b.csv": "code,year,population\n0126,2025,6\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {name: str(folder / name) for name in texts}


NOTICE_RECEIVED = ("--received", "2024-03-15")
INDICATORS_HEADER = (
    "id,goal,name,name_en,unit,source,direction,baseline_year,baseline,target_year,target,"
    "year,value,value_source\n"
)


def _swedish_runs(folder: Path) -> list[list[str]]:
    """Subcommands with bad input and good input, all in Swedish (the default)."""
    f = _files(folder)
    return [
        ["fees", "2024"],
        ["fees", "2024", "--explain", "Salem"],
        ["fees", "2024", "--explain", "Gotland"],
        ["fees", "1990"],
        ["fees", "2030"],
        *(["fees", "2024", "--population", f[n]] for n in ("own.csv", "header.csv")),
        *(["fees", "2024", "--population", f[n]] for n in ("title.csv", "regions.csv")),
        ["fees", "2024", "--population", f["months.csv"]],
        ["fees", "2024", "--population", f["stat.json"]],
        ["fees", "2024", "--population", str(folder)],
        ["fees", "2026", "--population", f["a.csv"], "--population", f["b.csv"]],
        ["contributions", "100000", "--decided", "2024-05-02", "--explain"],
        ["contributions", "100000.50", "--decided", "2024-05-02"],
        ["dissolve", "--items", f["items.csv"]],
        ["dissolve", "--items", f["ore.csv"]],
        ["dissolve", "--items", f["twice.csv"]],
        ["meeting", "--date", "2024-03-21", "--present", "Huddinge", "Salem"],
        ["meeting", "--date", "2024-03-21", "--requested-by", "Salem", "--chair", "Tyresö"],
        ["notice", "--party", "Nykvarn", "--council-decision", "2024-02-26", *NOTICE_RECEIVED],
        ["goals", "sup2040"],
        ["goals", "sup1999"],
        ["report", "2024", "--status", f["status-good.csv"]],
        *(["report", "2024", "--status", f[n]] for n in ("status.csv", "status-word.csv")),
        *(["report", "2024", "--status", f[n]] for n in ("status-id.csv", "status-fields.csv")),
        ["report", "2024", "--status", f["status-good.csv"], "--indicators", f["indicators.json"]],
        *(
            ["report", "2024", "--status", f["status-good.csv"], "--indicators", f[n]]
            for n in ("unit.csv", "name.csv")
        ),
        ["report", "2024", "--status", f["broken.json"]],
        ["fees", "2024", "--population", f["broken.json"]],
        ["report", "1999", "--status", f["status.csv"]],
        ["report", "template"],
        ["report", "tjugo", "--status", f["status.csv"]],
        ["invoices", "2024", "--output", str(folder / "out"), "--details", f["details.csv"]],
        ["invoices", "2024", "--output", str(folder / "out"), "--details", f["columns.csv"]],
        ["population", "fetch", "1900", "--output", str(folder / "p.csv")],
        ["population", "fetch", "2025", "--output", "x", "--api-url", "ftp://example"],
        *([command, "--help"] for command in ("fees", "report", "population", "goals")),
        ["population", "fetch", "--help"],
        ["fees", "2024", "--format", "xlsx", "--output", str(folder / "no" / "fees.xlsx")],
    ]


def test_swedish_command_line_output_contains_no_english_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fragments = _english_fragments()
    statuses = set()
    for argv in _swedish_runs(tmp_path):
        status, text = _command_line(argv, capsys)
        statuses.add(status)
        assert "Traceback" not in text
        leaked = sorted(f for f in fragments if f in text)
        assert not leaked, f"English in the Swedish output of {argv}: {leaked}\n{text}"
    assert statuses == {0, 1, 2}  # good input, data errors and usage errors were all seen


def test_the_command_line_check_finds_english_where_there_is_some(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fragments = _english_fragments()
    found = 0
    for argv in _swedish_runs(tmp_path)[:12]:
        _, text = _command_line([*argv, "--lang", "en"], capsys)
        found += any(f in text for f in fragments)
    assert found >= 8
