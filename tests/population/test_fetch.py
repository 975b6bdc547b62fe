"""Fetching from SCB's PxWebApi 2.0, against a local server that answers like it.

No test reaches the internet: the server runs in a thread on 127.0.0.1, and answers a
POST to ``/api/v2/tables/TAB638/data`` with a JSON-stat2 dataset in the shape of SCB's
(see tests/data/scb-samples/tab638-v2-jsonstat2-riket.json). The figures it serves are
test figures, not SCB's.
"""

from __future__ import annotations

import io
import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from sodertorn import MUNICIPALITIES, Population, PopulationDataError
from sodertorn.cli import main
from sodertorn.population.fetch import SCB_API, query, url_of

if TYPE_CHECKING:
    from collections.abc import Iterator

FIGURES_2025 = {p.code: 10_000 + 1_000 * i for i, p in enumerate(MUNICIPALITIES)}
"""Test figures for 31 Dec 2025 (made up; SCB's are fetched only by users)."""
NAMES = {p.code: p.name for p in MUNICIPALITIES}


def _dataset(regions: list[str], years: list[str]) -> dict[str, Any]:
    values = [FIGURES_2025.get(r, 10_587_710) + 7 * (int(y) - 2025) for r in regions for y in years]
    return {
        "version": "2.0",
        "class": "dataset",
        "label": "Folkmängd efter region, tabellinnehåll och år",
        "source": "SCB",
        "updated": "2026-02-24T07:00:00Z",
        "role": {"time": ["Tid"], "metric": ["ContentsCode"]},
        "id": ["Region", "ContentsCode", "Tid"],
        "size": [len(regions), 1, len(years)],
        "dimension": {
            "Region": {
                "label": "region",
                "category": {
                    "index": {r: i for i, r in enumerate(regions)},
                    "label": {r: NAMES.get(r, "Riket") for r in regions},
                },
                "extension": {"elimination": True, "eliminationValueCode": "00"},
            },
            "ContentsCode": {
                "label": "tabellinnehåll",
                "category": {"index": {"BE0101N1": 0}, "label": {"BE0101N1": "Folkmängd"}},
            },
            "Tid": {
                "label": "år",
                "category": {"index": {y: i for i, y in enumerate(years)}},
            },
        },
        "extension": {"px": {"tableid": "TAB638", "contents": "Folkmängd"}},
        "value": values,
    }


class _Handler(BaseHTTPRequestHandler):
    requests: list[tuple[str, dict[str, Any]]]

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.requests.append((self.path, body))
        if self.path.startswith("/broken/"):
            self._answer(500, b'{"title": "Internal error"}')
            return
        if not self.path.startswith("/api/v2/tables/TAB638/data?"):
            self._answer(404, b'{"title": "Not found"}')
            return
        selection = {s["variableCode"]: s["valueCodes"] for s in body["selection"]}
        regions, years = selection["Region"], selection["Tid"]
        if self.path.startswith("/api/v2/tables/TAB638/data?") and "1970" in years:
            self._answer(400, b'{"title": "Bad request", "detail": "no such year"}')
            return
        if "riket" in self.headers.get("User-Agent", "") or years == ["2024"]:
            regions = ["00"]
        self._answer(200, json.dumps(_dataset(regions, years)).encode("utf-8"))

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass


@pytest.fixture
def api() -> Iterator[tuple[str, list[tuple[str, dict[str, Any]]]]]:
    requests: list[tuple[str, dict[str, Any]]] = []
    handler = type("Handler", (_Handler,), {"requests": requests})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v2", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_fetch_asks_once_for_the_parties_and_the_years(api: tuple[str, list[Any]]) -> None:
    url, requests = api
    population = Population.fetch_scb([2025, 2023, 2025], api_url=url)
    assert population.at(2025) == {p: FIGURES_2025[p.code] for p in MUNICIPALITIES}
    assert population.years == (2023, 2025)
    assert len(requests) == 1
    path, body = requests[0]
    assert path == "/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2"
    assert body == query([2023, 2025])
    assert [s["variableCode"] for s in body["selection"]] == ["Region", "ContentsCode", "Tid"]
    (source,) = population.sources(2025)
    assert (source.kind, source.table, source.updated) == (
        "fetch",
        "TAB638",
        "2026-02-24T07:00:00Z",
    )
    assert source.url == url_of(url)
    assert source.fetched.endswith("Z") and len(source.fetched) == 20


def test_fetch_refusals(api: tuple[str, list[Any]]) -> None:
    url, requests = api
    with pytest.raises(
        PopulationDataError, match=r"SCB's API answered 400 Bad Request for .*no such year"
    ):
        Population.fetch_scb([1970], api_url=url)
    with pytest.raises(PopulationDataError, match="SCB's API answered 500"):
        Population.fetch_scb([2025], api_url=url.replace("/api/v2", "/broken/api/v2"))
    with pytest.raises(PopulationDataError, match="SCB's API answered 404"):
        Population.fetch_scb([2025], api_url=url + "/elsewhere")
    with pytest.raises(
        PopulationDataError, match="the dataset has no rows for Huddinge.*it has 00 Riket"
    ):
        Population.fetch_scb([2024], api_url=url)
    assert len(requests) == 4  # one request each, no retries


def test_fetch_offline_names_the_url() -> None:
    with socket.socket() as probe:  # a port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(
        PopulationDataError, match=rf"cannot reach SCB's API at http://127.0.0.1:{port}/"
    ):
        Population.fetch_scb([2025], api_url=f"http://127.0.0.1:{port}/api/v2")


@pytest.mark.parametrize(
    ("years", "options", "needle"),
    [
        ([], {}, "no years given"),
        ("2025", {}, "must be a collection of years"),
        ([2025.0], {}, "is not a year"),
        ([1900], {}, "outside 1968-"),
        ([2025], {"api_url": "file:///etc/passwd"}, "is not an http(s) URL"),
        ([2025], {"api_url": 5}, "must be a URL"),
        ([2025], {"timeout": 0}, "must be a positive number"),
    ],
)
def test_fetch_arguments_are_checked_before_any_request(
    years: Any, options: dict[str, Any], needle: str
) -> None:
    with pytest.raises(PopulationDataError, match=needle.replace("(", r"\(").replace(")", r"\)")):
        Population.fetch_scb(years, **options)


def test_the_default_is_scbs_api() -> None:
    assert url_of() == f"{SCB_API}/tables/TAB638/data?lang=sv&outputFormat=json-stat2"
    assert SCB_API.startswith("https://")


# -- the command line -----------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_fetch_then_fees_for_2026(
    api: tuple[str, list[Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _ = api
    output = tmp_path / "p.csv"
    status, out, err = run(
        capsys, "population", "fetch", "2025", "--output", str(output), "--api-url", url
    )
    assert (status, err) == (0, "")
    assert out == f"{output}: 8 uppgifter, 31 december 2025\n"
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines[1:3] == ["# table: TAB638", f"# url: {url_of(url)}"]
    assert lines[3] == "# updated: 2026-02-24T07:00:00Z"
    assert lines[4].startswith("# fetched: 2026-") or lines[4].startswith("# fetched: ")
    assert lines[5] == "code,name,year,population"

    status, out, err = run(capsys, "fees", "2026", "--population", str(output), "--format", "json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert {f["code"]: int(f["amount"]) for f in data["fees"]} == {
        code: 4 * count for code, count in FIGURES_2025.items()
    }
    assert data["population_date"] == "2025-12-31"
    assert data["population_source"].startswith(
        f"file {output}: Statistics Sweden's (SCB) API, table TAB638, updated 2026-02-24T07:00:00Z"
    )
    assert data["population_sources"][0]["url"] == url_of(url)

    status, out, _ = run(capsys, "fees", "2026", "--population", str(output))
    assert status == 0
    assert any(
        line.startswith(
            f"Källa för folkmängden: filen {output}: SCB:s API, tabell TAB638, uppdaterad 2026-02-24"
        )
        for line in out.splitlines()
    )
    # The built-in years stay: 2025's fee still weighs SCB's built-in 2024 figures.
    status, out, _ = run(capsys, "fees", "2025", "--population", str(output), "--lang", "en")
    assert out.splitlines()[-1].startswith("Population source: Statistics Sweden (SCB)")


def test_fetch_to_stdout_and_errors_exit_1(
    api: tuple[str, list[Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _ = api
    status, out, _ = run(capsys, "population", "fetch", "2025", "--output", "-", "--api-url", url)
    assert status == 0 and out.splitlines()[5] == "code,name,year,population"
    status, out, err = run(
        capsys, "population", "fetch", "1970", "--output", "x.csv", "--api-url", url
    )
    assert (status, out) == (1, "")
    assert err.startswith("sodertorn: fel: SCB:s API svarade 400 Bad Request för ")
    assert err.count("\n") == 1
    assert not Path("x.csv").exists()
    status, _, err = run(capsys, "population", "fetch", "--output", "x.csv")
    assert status == 2 and "ÅR" in err
    status, _, err = run(
        capsys,
        "population",
        "fetch",
        "2025",
        "--output",
        str(tmp_path / "no" / "p.csv"),
        "--api-url",
        url,
    )
    assert status == 1 and "kan inte skriva" in err


def test_population_from_stdin_and_repeated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "code,year,population\n" + "".join(f"{c},2025,{n}\n" for c, n in FIGURES_2025.items())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-16"))))
    status, out, _ = run(capsys, "fees", "2026", "--population", "-", "--format", "json")
    assert status == 0
    assert json.loads(out)["population_source"] == "file <stdin>"
    first = tmp_path / "a.csv"
    first.write_text(text, encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text(text.replace("0126,2025,10000", "0126,2025,10001"), encoding="utf-8")
    status, _, err = run(
        capsys, "fees", "2026", "--population", str(first), "--population", str(second)
    )
    assert status == 1
    assert "två uppgifter för Huddinge den 31 december 2025: 10000 från filen" in err
    agreeing = tmp_path / "c.csv"
    agreeing.write_text("code,year,population\n0126,2024,114304\n", encoding="utf-8")
    status, out, _ = run(
        capsys,
        "fees",
        "2026",
        "--population",
        str(first),
        "--population",
        str(agreeing),
        "--format",
        "json",
    )
    assert status == 0 and json.loads(out)["total"] == str(4 * sum(FIGURES_2025.values()))


def test_a_population_data_error_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "fees", "--population", str(tmp_path / "none.csv"))
    assert (status, out) == (1, "")
    assert "kan inte läsa folkmängdsfilen" in err and err.count("\n") == 1
    status, _, err = run(capsys, "fees", "--population", "/dev/zero", "--lang", "en")
    assert status == 1 and "not a regular file" in err


def test_fetch_that_gets_no_answer_in_time() -> None:
    with socket.socket() as server:  # listens, but never answers
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with pytest.raises(PopulationDataError) as info:
            Population.fetch_scb([2025], api_url=f"http://127.0.0.1:{port}/api/v2", timeout=0.05)
    message = str(info.value)
    assert "gave no answer within 0.05 s" in message or "timed out" in message


def test_population_without_an_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "population")
    assert (status, out) == (2, "")
    assert "ÅTGÄRD" in err and err.count("\n") == 1
    status, out, err = run(capsys, "population", "--lang", "en")
    assert (status, "ACTION" in err) == (2, True)
