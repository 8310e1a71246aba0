"""The question log stores where an answer cited as "source#section": one type reads and writes it."""

from __future__ import annotations

import pytest

from bot.storage.questions import CitedPlace, _sources


@pytest.mark.parametrize(
    ("place", "text"),
    [
        (CitedPlace("a.md", "Eligibility"), "a.md#Eligibility"),
        (CitedPlace("a.md"), "a.md#"),
        (CitedPlace("dir/a.md", "C# and F#"), "dir/a.md#C# and F#"),
    ],
)
def test_a_place_round_trips_through_its_stored_form(place: CitedPlace, text: str) -> None:
    assert place.to_text() == text
    assert CitedPlace.from_text(text) == place


def test_stored_lists_read_as_places_and_damaged_ones_as_empty() -> None:
    assert _sources('["a.md#x", "b.md#", "c.md"]') == [
        CitedPlace("a.md", "x"),
        CitedPlace("b.md"),
        CitedPlace("c.md"),
    ]
    assert _sources("[broken") == [] and _sources('{"a": 1}') == [] and _sources(None) == []
