"""The parties' year-end population from Statistics Sweden's PxWebApi 2.0, on request.

This is the only place the library touches the network, and only when
:meth:`Population.fetch_scb <sodertorn.Population.fetch_scb>` or ``sodertorn population
fetch`` is called. One POST to table TAB638 ("Folkmängd efter region, civilstånd, ålder
och kön. År 1968–"), measure BE0101N1, the eight parties and the years asked; marital
status, age and sex are left out of the query, so SCB eliminates them (sums them to
totals). The response is read as any JSON-stat2 file is, so a category that is not a
total is refused, and it must hold every party for every year asked. No retries: an
error says what happened, and the caller decides.

From reference year 2025 SCB adds a small controlled random uncertainty to every
published figure; the municipalities need not sum to their county. The fee uses each
municipality's own published figure, as fetched.
"""

from __future__ import annotations

import datetime
import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sodertorn import _checks
from sodertorn._version import __version__
from sodertorn.errors import PopulationDataError, message
from sodertorn.parties import MUNICIPALITIES
from sodertorn.population._cells import some_of
from sodertorn.population._reading import MAX_BYTES
from sodertorn.population.jsonstat import load_json, parse_jsonstat
from sodertorn.population.provenance import PopulationSource

if TYPE_CHECKING:
    from sodertorn.population._cells import Loaded

__all__ = ["CONTENTS", "SCB_API", "TABLE", "fetch_scb", "query", "url_of"]

SCB_API = "https://statistikdatabasen.scb.se/api/v2"
"""The base URL of SCB's PxWebApi 2.0."""

TABLE = "TAB638"
"""Folkmängd efter region, civilstånd, ålder och kön. År 1968– (BE0101N1)."""

CONTENTS = "BE0101N1"
"""The measure: Folkmängd (population on 31 December)."""

_FIRST_YEAR = 1968


def url_of(api_url: str | None = None) -> str:
    """The data URL of table TAB638 under *api_url* (default :data:`SCB_API`)."""
    base = SCB_API if api_url is None else api_url
    if not isinstance(base, str):
        raise PopulationDataError.of(
            "api_url {url} must be a URL such as {example}", url=repr(base), example=SCB_API
        )
    parsed = urllib.parse.urlsplit(base.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise PopulationDataError.of(
            "api_url {url} is not an http(s) URL; expected such as {example}",
            url=repr(base),
            example=SCB_API,
        )
    return f"{base.strip().rstrip('/')}/tables/{TABLE}/data?lang=sv&outputFormat=json-stat2"


_YEAR = _checks.whole(PopulationDataError, what=message("a year")).worded(
    message("year {value} is not a year such as 2025")
)


def _years(years: Iterable[int]) -> list[int]:
    if isinstance(years, (str, bytes)) or not isinstance(years, Iterable):
        raise PopulationDataError.of(
            "years {years} must be a collection of years, such as [2025]", years=repr(years)
        )
    chosen = list(years)
    this_year = datetime.date.today().year
    for year in chosen:
        if not _FIRST_YEAR <= _YEAR.check(year, "year") < this_year + 1:
            raise PopulationDataError.of(
                "year {year} is outside {first}-{last}, the year-ends SCB can have published",
                year=str(year),
                first=str(_FIRST_YEAR),
                last=str(this_year),
            )
    if not chosen:
        raise PopulationDataError.of("no years given; expected one or more, such as 2025")
    return sorted(set(chosen))


def query(years: Iterable[int]) -> dict[str, Any]:
    """The PxWebApi 2.0 selection: the eight parties, BE0101N1 and *years*.

    >>> query([2025])["selection"][2]
    {'variableCode': 'Tid', 'valueCodes': ['2025']}
    """
    return {
        "selection": [
            {"variableCode": "Region", "valueCodes": [p.code for p in MUNICIPALITIES]},
            {"variableCode": "ContentsCode", "valueCodes": [CONTENTS]},
            {"variableCode": "Tid", "valueCodes": [str(y) for y in _years(years)]},
        ]
    }


def fetch_scb(years: Iterable[int], *, api_url: str | None = None, timeout: float = 30.0) -> Loaded:
    """The eight parties' population on 31 December of each of *years*, from SCB.

    Every count's source is the fetch: the URL, the table, SCB's ``updated`` time and
    when it was fetched (UTC). Offline, on an HTTP error, a timeout, or a response
    without every party and year, :class:`~sodertorn.PopulationDataError` says so.
    """
    chosen = _years(years)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise PopulationDataError.of(
            "timeout {timeout} must be a positive number of seconds", timeout=repr(timeout)
        )
    url = url_of(api_url)
    body = json.dumps(query(chosen)).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": f"sodertorn/{__version__}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        detail = ""
        try:
            detail = error.read(300).decode("utf-8", "replace").strip()
        except OSError:  # pragma: no cover - the body is gone with the connection
            detail = ""
        if detail:
            raise PopulationDataError.of(
                "SCB's API answered {code} {reason} for {url}: {detail}",
                code=str(error.code),
                reason=str(error.reason),
                url=url,
                detail=" ".join(detail.split())[:200],
            ) from None
        raise PopulationDataError.of(
            "SCB's API answered {code} {reason} for {url}",
            code=str(error.code),
            reason=str(error.reason),
            url=url,
        ) from None
    except urllib.error.URLError as error:
        raise PopulationDataError.of(
            "cannot reach SCB's API at {url} ({reason}); check the network connection, or "
            "download the table as a file and load that",
            url=url,
            reason=str(getattr(error.reason, "strerror", None) or error.reason),
        ) from None
    except TimeoutError:
        raise PopulationDataError.of(
            "SCB's API at {url} gave no answer within {timeout} s; try again later",
            url=url,
            timeout=f"{timeout:g}",
        ) from None
    except (OSError, http.client.HTTPException) as error:
        raise PopulationDataError.of(
            "the connection to SCB's API at {url} failed ({kind}: {reason})",
            url=url,
            kind=type(error).__name__,
            reason=str(error),
        ) from None
    if len(data) > MAX_BYTES:
        raise PopulationDataError.of(
            "SCB's API sent more than {size} bytes", source=url, size=str(MAX_BYTES)
        )
    parsed = load_json(data, url)
    updated = parsed.get("updated") if isinstance(parsed, Mapping) else None
    origin = PopulationSource(
        kind="fetch",
        url=url,
        table=TABLE,
        updated=updated if isinstance(updated, str) else "",
        fetched=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    population = parse_jsonstat(parsed, source=url, parties=MUNICIPALITIES, origin=origin)
    missing = [
        f"{party.name} {year}"
        for year in chosen
        for party in MUNICIPALITIES
        if (party, year) not in population.counts
    ]
    if missing:
        raise PopulationDataError.of(
            "the response lacks {missing}; SCB may not have published that year yet (late "
            "February of the next year)",
            source=url,
            missing=some_of(missing, 8),
        )
    return population
