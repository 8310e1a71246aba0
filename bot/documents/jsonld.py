"""schema.org ``JobPosting`` read from a page's JSON-LD, as job boards embed it.

Greenhouse, Lever, Workable, LinkedIn and most career sites put a ``JobPosting`` in a
``<script type="application/ld+json">``: on its own, in a list, or inside an ``@graph``.
It states the title, dates, employer, place, remote work and pay the page shows, so it is
read before anything is guessed from the page's text.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from bs4 import BeautifulSoup
from dateutil import parser as dateparser

# schema.org employmentType values -> our role types (others say nothing we list).
EMPLOYMENT_TYPES = {
    "FULL_TIME": "full-time",
    "PART_TIME": "part-time",
    "CONTRACTOR": "contract",
    "CONTRACT": "contract",
    "TEMPORARY": "contract",
    "INTERN": "internship",
    "INTERNSHIP": "internship",
}
UNITS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


@dataclass(frozen=True, slots=True)
class JobPosting:
    """What a JSON-LD ``JobPosting`` states (None where it says nothing)."""

    title: str | None = None
    posted: date | None = None
    closes: date | None = None
    employment_type: str | None = None
    org: str | None = None
    location: str | None = None
    remote: bool | None = None
    compensation: str | None = None
    apply_url: str | None = None
    description: str | None = None  # plain text
    line: int | None = None


def read_job_postings(soup: BeautifulSoup, offset: int = 0) -> list[JobPosting]:
    """Return every JobPosting in the JSON-LD scripts of ``soup`` (broken JSON is skipped)."""
    out: list[JobPosting] = []
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        text = script.string or script.get_text()
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
        line = (getattr(script, "sourceline", None) or 1) + offset
        for item in _items(data):
            out.append(_posting(item, line))
    return out


def _items(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Return the JobPosting objects in a JSON-LD value (top level, lists, ``@graph``)."""
    if depth > 5:
        return []
    if isinstance(data, list):
        return [found for item in data for found in _items(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    types = data.get("@type")
    types = types if isinstance(types, list) else [types]
    if any(isinstance(t, str) and t.rsplit("/", 1)[-1] == "JobPosting" for t in types):
        return [data]
    return _items(data.get("@graph"), depth + 1) if "@graph" in data else []


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _name(value: Any) -> str | None:
    """A Thing's name: ``{"name": ...}``, or the text itself."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _date(value: Any) -> date | None:
    text = _text(value)
    if not text:
        return None
    try:
        return dateparser.isoparse(text).date()
    except (ValueError, OverflowError):
        try:
            return dateparser.parse(text).date()
        except (ValueError, OverflowError):
            return None


def _address(place: Any) -> str | None:
    if isinstance(place, str):
        return _text(place)
    if not isinstance(place, dict):
        return None
    address = place.get("address", place)
    if isinstance(address, str):
        return _text(address)
    if not isinstance(address, dict):
        return _name(place)
    parts = [_name(address.get(k)) for k in ("addressLocality", "addressRegion", "addressCountry")]
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen) or _name(place)


def _places(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        text = _address(v) if not isinstance(v, str) else _text(v)
        if text and text not in out:
            out.append(text)
    return out


def _amount(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(str(value).replace(",", ""))
    except ValueError:
        return None
    return f"{number:,.0f}" if number >= 100 or number.is_integer() else f"{number:,.2f}"


def salary(value: Any) -> str | None:
    """Format a ``baseSalary`` MonetaryAmount: "$140,000–$175,000 per year", "CAD 150,000 per year"."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, dict):
        return None
    currency = (_text(value.get("currency")) or "").upper()
    amount = value.get("value")
    unit = None
    if isinstance(amount, dict):
        unit = _text(amount.get("unitText"))
        low, high = amount.get("minValue"), amount.get("maxValue")
        single = amount.get("value")
    else:
        low = high = None
        single = amount
    unit = unit or _text(value.get("unitText"))
    symbol = SYMBOLS.get(currency)

    def money(number: Any) -> str | None:
        text = _amount(number)
        if text is None:
            return None
        if symbol:
            return f"{symbol}{text}"
        return f"{currency} {text}" if currency else text

    low_text, high_text = money(low), money(high)
    shown: str | None
    if low_text and high_text and low_text != high_text:
        shown = f"{low_text}–{high_text[len(currency) + 1 :] if currency and not symbol else high_text}"
    else:
        shown = low_text or high_text or money(single)
    if not shown:
        return None
    per = UNITS.get((unit or "").upper())
    return f"{shown} per {per}" if per else shown


def _posting(item: dict[str, Any], line: int) -> JobPosting:
    employment = item.get("employmentType")
    kinds = employment if isinstance(employment, list) else [employment]
    kinds = [EMPLOYMENT_TYPES.get(str(k).upper().replace("-", "_").replace(" ", "_")) for k in kinds if k]
    kind = next((k for k in kinds if k), None)
    remote = None
    location_type = item.get("jobLocationType")
    if isinstance(location_type, str) and "TELECOMMUTE" in location_type.upper():
        remote = True
    places = _places(item.get("jobLocation"))
    required = [p for p in (_name(v) for v in _as_list(item.get("applicantLocationRequirements"))) if p]
    location = " / ".join(places) or None
    if remote and required and not location:
        location = ", ".join(required)
    apply_url = _text(item.get("url")) or _text(item.get("sameAs"))
    contact = item.get("applicationContact")
    if not apply_url and isinstance(contact, dict):
        apply_url = _text(contact.get("url"))
    description = _text(item.get("description"))
    if description and "&lt;" in description:
        description = html.unescape(description)  # HTML escaped once more inside the JSON
    if description and "<" in description:
        description = " ".join(BeautifulSoup(description, "html.parser").get_text("\n").split()) or None
    return JobPosting(
        title=_text(item.get("title")) or _text(item.get("name")),
        posted=_date(item.get("datePosted")),
        closes=_date(item.get("validThrough")),
        employment_type=kind,
        org=_name(item.get("hiringOrganization")),
        location=location,
        remote=remote,
        compensation=salary(item.get("baseSalary")) or salary(item.get("estimatedSalary")),
        apply_url=apply_url,
        description=description,
        line=line,
    )


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else ([] if value is None else [value])
