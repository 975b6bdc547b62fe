"""Reading assets and liabilities for a dissolution (§ 10)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import DissolutionError
from sodertorn.agreement.items import read_items


def test_read_items_csv_with_comments() -> None:
    items = read_items("name,amount\nBank account,1000000\n# a comment\nOffice lease,-250000\n")
    assert [(i.name, i.amount.amount) for i in items] == [
        ("Bank account", Decimal(1_000_000)),
        ("Office lease", Decimal(-250_000)),
    ]


def test_read_items_json_object_and_list() -> None:
    items = read_items('{"Bank": 10, "Lease": -4}')
    assert [(i.name, i.amount.ore) for i in items] == [("Bank", 1000), ("Lease", -400)]
    items = read_items('[{"name": "Bank", "amount": 1000.5}, {"name": "Lease", "amount": "-3"}]')
    assert [(i.name, i.amount.ore) for i in items] == [("Bank", 100050), ("Lease", -300)]


def test_the_old_import_path_still_works() -> None:
    from sodertorn.agreement._cli import read_items as old

    assert old is read_items


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("", r"<items>: empty; expected the CSV header 'name,amount'"),
        ("item,value\n", r"expected the CSV header 'name,amount' on line 1$"),
        ("name,amount\nBank,1,2\n", r"<items>, line 2: expected 2 fields \(name,amount\), got 3"),
        ("name,amount\nBank,lots\n", r"line 2: 'lots' is not an amount in kronor for 'Bank'"),
        ("name,amount\nBank,1.005\n", r"line 2: '1.005' is not an amount in kronor for 'Bank'"),
        ("name,amount\nBank,1e20\n", r"line 2: the amount of 'Bank' is too large"),
        ('name,amount\n"' + "x" * 200_000 + '",1\n', r"<items>: not readable as CSV"),
        ("[1, 2]", r"expected a JSON list of"),
        ("[{]", r"<items>: not valid JSON at line 1, column 3"),
        ("[" * 100_000, r"<items>: JSON nested too deeply"),
        ('{"Bank": true}', r"item 1: the amount True of 'Bank' is not a number"),
        ('{"Bank": null}', r"item 1: the amount None of 'Bank' is not a number"),
        ('{"Bank": ' + "9" * 5000 + "}", r"item 1: the amount of 'Bank' is too large"),
        ('{"Bank": 1e999999}', r"item 1: the amount of 'Bank' is too large"),
        ('{"Bank": "NaN"}', r"item 1: 'NaN' is not an amount in kronor for 'Bank'"),
    ],
)
def test_read_items_errors(text: str, pattern: str) -> None:
    with pytest.raises(DissolutionError, match=pattern):
        read_items(text)


def test_errors_keep_their_template_for_translation() -> None:
    with pytest.raises(DissolutionError) as caught:
        read_items("name,amount\nBank,lots\n", source="items.csv")
    assert (caught.value.template or "").startswith(
        "{source}, line {line}: {value} is not an amount"
    )
    assert caught.value.values == {
        "source": "items.csv", "line": "2", "name": "'Bank'", "value": "'lots'"
    }  # fmt: skip


def test_an_error_never_quotes_the_first_line_of_another_file() -> None:
    secret = "root:$6$saltsalt$hashhashhash:19000:0:99999:7:::"
    with pytest.raises(DissolutionError) as caught:
        read_items(secret + "\ndaemon:*:19000:0:99999:7:::\n", source="/etc/shadow")
    assert "saltsalt" not in str(caught.value) and "daemon" not in str(caught.value)


@given(st.text(alphabet='name,amount\n#"{}[]:0123456789.-aé\x00', max_size=40))
def test_junk_is_read_or_refused_with_our_error(text: str) -> None:
    try:
        items = read_items(text)
    except DissolutionError as error:
        assert len(str(error)) < 300
    else:
        assert all(abs(item.amount.amount) < 10**15 for item in items)
