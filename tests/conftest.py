"""Shared fixtures: the bundled knowledge base, our own test knowledge base, services."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import Services, build_services, snapshot_from_folder
from bot.config import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
# The five seed documents, kept unchanged (README). Tests pin counts read off them by hand
# (5 documents, 19 roles, 16 of them internships, ...): the documents do not change, so a
# different count means the reading changed, which those tests are there to catch. Line
# numbers are not pinned: tests find the line with line_of().
KNOWLEDGE = ROOT / "knowledge"
EXTRA = Path(__file__).resolve().parent / "data" / "kb_extra"
DEV_QUESTIONS = Path(__file__).resolve().parent / "data" / "dev-questions.yaml"  # copy of shared/eval
EXTRA_QUESTIONS = Path(__file__).resolve().parent / "data" / "extra-questions.yaml"
MEMBERS = Path(__file__).resolve().parent / "data" / "kb_members"
MEMBERS_QUESTIONS = Path(__file__).resolve().parent / "data" / "members-questions.yaml"
HELDOUT = Path(__file__).resolve().parent / "data" / "kb_heldout"
# Two sets in members' wording written after the decision was fitted, and never fitted on:
# held-out figures, like the shared eval files' (README, "Measured").
COHORT = Path(__file__).resolve().parent / "data" / "kb_cohort"
COHORT_QUESTIONS = Path(__file__).resolve().parent / "data" / "cohort-questions.yaml"
REWORDED_QUESTIONS = Path(__file__).resolve().parent / "data" / "reworded-questions.yaml"  # over kb_heldout
# Ten documents in ten layouts of the web (<details>, accordions, <dl>, tables, numbered and
# plain-text FAQs …) with questions about them, written without running the bot: never fitted.
FORMATS = Path(__file__).resolve().parent / "data" / "kb_formats"
FORMATS_QUESTIONS = Path(__file__).resolve().parent / "data" / "formats-questions.yaml"
# Eight job postings as pasted from job boards (LinkedIn text, Greenhouse, Lever, Workable,
# JSON-LD, mojibake, an e-mail) with questions about them, written without running the bot.
JOBS = Path(__file__).resolve().parent / "data" / "kb_jobs"
JOBS_QUESTIONS = Path(__file__).resolve().parent / "data" / "jobs-questions.yaml"
# Long FAQs and pages of several roles or programmes (a 29-question FAQ, a careers page of
# five roles, two programmes in one file …), written without running the bot: never fitted.
LONG = Path(__file__).resolve().parent / "data" / "kb_long"
LONG_QUESTIONS = Path(__file__).resolve().parent / "data" / "long-questions.yaml"
# Web pages, a forwarded e-mail and a PDF's text as copied (kb_web), and three organisations
# running two or three similar programmes each (kb_siblings), with questions about them,
# written without running the bot or reading its code: never fitted.
WEB = Path(__file__).resolve().parent / "data" / "kb_web"
WEB_QUESTIONS = Path(__file__).resolve().parent / "data" / "web-questions.yaml"
SIBLINGS = Path(__file__).resolve().parent / "data" / "kb_siblings"
SIBLINGS_QUESTIONS = Path(__file__).resolve().parent / "data" / "siblings-questions.yaml"
NEAR = Path(__file__).resolve().parent / "data" / "kb_near"
NEAR_QUESTIONS = Path(__file__).resolve().parent / "data" / "near-questions.yaml"
PASTE = Path(__file__).resolve().parent / "data" / "kb_paste"
PASTE_QUESTIONS = Path(__file__).resolve().parent / "data" / "paste-questions.yaml"
LAST = Path(__file__).resolve().parent / "data" / "kb_last"
LAST_QUESTIONS = Path(__file__).resolve().parent / "data" / "last-questions.yaml"
SPARE = Path(__file__).resolve().parent / "data" / "kb_spare"
SPARE_QUESTIONS = Path(__file__).resolve().parent / "data" / "spare-questions.yaml"
OTHER = Path(__file__).resolve().parent / "data" / "kb_other"
OTHER_QUESTIONS = Path(__file__).resolve().parent / "data" / "other-questions.yaml"
MORE = Path(__file__).resolve().parent / "data" / "kb_more"
MORE_QUESTIONS = Path(__file__).resolve().parent / "data" / "more-questions.yaml"
HOLD = Path(__file__).resolve().parent / "data" / "kb_hold"
HOLD_QUESTIONS = Path(__file__).resolve().parent / "data" / "hold-questions.yaml"
RIDGE = Path(__file__).resolve().parent / "data" / "kb_ridge"
RIDGE_QUESTIONS = Path(__file__).resolve().parent / "data" / "ridge-questions.yaml"
QUAY = Path(__file__).resolve().parent / "data" / "kb_quay"
QUAY_QUESTIONS = Path(__file__).resolve().parent / "data" / "quay-questions.yaml"
WHARF = Path(__file__).resolve().parent / "data" / "kb_wharf"
WHARF_QUESTIONS = Path(__file__).resolve().parent / "data" / "wharf-questions.yaml"
PIER = Path(__file__).resolve().parent / "data" / "kb_pier"
PIER_QUESTIONS = Path(__file__).resolve().parent / "data" / "pier-questions.yaml"
COVE = Path(__file__).resolve().parent / "data" / "kb_cove"
COVE_QUESTIONS = Path(__file__).resolve().parent / "data" / "cove-questions.yaml"
INLET = Path(__file__).resolve().parent / "data" / "kb_inlet"
INLET_QUESTIONS = Path(__file__).resolve().parent / "data" / "inlet-questions.yaml"
BAY = Path(__file__).resolve().parent / "data" / "kb_bay"
BAY_QUESTIONS = Path(__file__).resolve().parent / "data" / "bay-questions.yaml"
FJORD = Path(__file__).resolve().parent / "data" / "kb_fjord"
FJORD_QUESTIONS = Path(__file__).resolve().parent / "data" / "fjord-questions.yaml"
SOUND = Path(__file__).resolve().parent / "data" / "kb_sound"
SOUND_QUESTIONS = Path(__file__).resolve().parent / "data" / "sound-questions.yaml"
DELTA = Path(__file__).resolve().parent / "data" / "kb_delta"
DELTA_QUESTIONS = Path(__file__).resolve().parent / "data" / "delta-questions.yaml"
GULF = Path(__file__).resolve().parent / "data" / "kb_gulf"
GULF_QUESTIONS = Path(__file__).resolve().parent / "data" / "gulf-questions.yaml"
REEF = Path(__file__).resolve().parent / "data" / "kb_reef"
REEF_QUESTIONS = Path(__file__).resolve().parent / "data" / "reef-questions.yaml"
BIGHT = Path(__file__).resolve().parent / "data" / "kb_bight"
BIGHT_QUESTIONS = Path(__file__).resolve().parent / "data" / "bight-questions.yaml"
SHOAL = Path(__file__).resolve().parent / "data" / "kb_shoal"
SHOAL_QUESTIONS = Path(__file__).resolve().parent / "data" / "shoal-questions.yaml"
CAPE = Path(__file__).resolve().parent / "data" / "kb_cape"
CAPE_QUESTIONS = Path(__file__).resolve().parent / "data" / "cape-questions.yaml"
SPIT = Path(__file__).resolve().parent / "data" / "kb_spit"
SPIT_QUESTIONS = Path(__file__).resolve().parent / "data" / "spit-questions.yaml"
ATOLL = Path(__file__).resolve().parent / "data" / "kb_atoll"
ATOLL_QUESTIONS = Path(__file__).resolve().parent / "data" / "atoll-questions.yaml"
LAGOON = Path(__file__).resolve().parent / "data" / "kb_lagoon"
LAGOON_QUESTIONS = Path(__file__).resolve().parent / "data" / "lagoon-questions.yaml"
ESTUARY = Path(__file__).resolve().parent / "data" / "kb_estuary"
ESTUARY_QUESTIONS = Path(__file__).resolve().parent / "data" / "estuary-questions.yaml"
STRAIT = Path(__file__).resolve().parent / "data" / "kb_strait"
STRAIT_QUESTIONS = Path(__file__).resolve().parent / "data" / "strait-questions.yaml"
FIRTH = Path(__file__).resolve().parent / "data" / "kb_firth"
FIRTH_QUESTIONS = Path(__file__).resolve().parent / "data" / "firth-questions.yaml"
MERE = Path(__file__).resolve().parent / "data" / "kb_mere"
MERE_QUESTIONS = Path(__file__).resolve().parent / "data" / "mere-questions.yaml"
SHELF = Path(__file__).resolve().parent / "data" / "kb_shelf"
SHELF_QUESTIONS = Path(__file__).resolve().parent / "data" / "shelf-questions.yaml"
MARSH = Path(__file__).resolve().parent / "data" / "kb_marsh"
MARSH_QUESTIONS = Path(__file__).resolve().parent / "data" / "marsh-questions.yaml"
FEN = Path(__file__).resolve().parent / "data" / "kb_fen"
FEN_QUESTIONS = Path(__file__).resolve().parent / "data" / "fen-questions.yaml"
DUNE = Path(__file__).resolve().parent / "data" / "kb_dune"
DUNE_QUESTIONS = Path(__file__).resolve().parent / "data" / "dune-questions.yaml"
WEIR = Path(__file__).resolve().parent / "data" / "kb_weir"
WEIR_QUESTIONS = Path(__file__).resolve().parent / "data" / "weir-questions.yaml"
TARN = Path(__file__).resolve().parent / "data" / "kb_tarn"
TARN_QUESTIONS = Path(__file__).resolve().parent / "data" / "tarn-questions.yaml"
BROOK = Path(__file__).resolve().parent / "data" / "kb_brook"
BROOK_QUESTIONS = Path(__file__).resolve().parent / "data" / "brook-questions.yaml"
GLEN = Path(__file__).resolve().parent / "data" / "kb_glen"
GLEN_QUESTIONS = Path(__file__).resolve().parent / "data" / "glen-questions.yaml"
LOCH = Path(__file__).resolve().parent / "data" / "kb_loch"
LOCH_QUESTIONS = Path(__file__).resolve().parent / "data" / "loch-questions.yaml"
DELL = Path(__file__).resolve().parent / "data" / "kb_dell"
DELL_QUESTIONS = Path(__file__).resolve().parent / "data" / "dell-questions.yaml"
MOOR = Path(__file__).resolve().parent / "data" / "kb_moor"
MOOR_QUESTIONS = Path(__file__).resolve().parent / "data" / "moor-questions.yaml"
HEATH = Path(__file__).resolve().parent / "data" / "kb_heath"
HEATH_QUESTIONS = Path(__file__).resolve().parent / "data" / "heath-questions.yaml"
GLADE = Path(__file__).resolve().parent / "data" / "kb_glade"
GLADE_QUESTIONS = Path(__file__).resolve().parent / "data" / "glade-questions.yaml"
VALE = Path(__file__).resolve().parent / "data" / "kb_vale"
VALE_QUESTIONS = Path(__file__).resolve().parent / "data" / "vale-questions.yaml"
SCREE = Path(__file__).resolve().parent / "data" / "kb_scree"
SCREE_QUESTIONS = Path(__file__).resolve().parent / "data" / "scree-questions.yaml"
KNOLL = Path(__file__).resolve().parent / "data" / "kb_knoll"
KNOLL_QUESTIONS = Path(__file__).resolve().parent / "data" / "knoll-questions.yaml"
CRAG = Path(__file__).resolve().parent / "data" / "kb_crag"
CRAG_QUESTIONS = Path(__file__).resolve().parent / "data" / "crag-questions.yaml"
CAIRN = Path(__file__).resolve().parent / "data" / "kb_cairn"
CAIRN_QUESTIONS = Path(__file__).resolve().parent / "data" / "cairn-questions.yaml"
FRESH = Path(__file__).resolve().parent / "data" / "kb_fresh"
FRESH_QUESTIONS = Path(__file__).resolve().parent / "data" / "fresh-questions.yaml"
FINAL = Path(__file__).resolve().parent / "data" / "kb_final"
FINAL_QUESTIONS = Path(__file__).resolve().parent / "data" / "final-questions.yaml"
PARAPHRASE_QUESTIONS = (
    Path(__file__).resolve().parent / "data" / "paraphrase-questions.yaml"
)  # copy of shared/eval


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The project's own config.yaml, as shipped."""
    return load_settings(ROOT / "config.yaml")


def services_over(folder: Path, settings: Settings) -> Services:
    """Services over a knowledge folder, read directly."""
    return build_services(settings, snapshot_from_folder(folder, settings))


@pytest.fixture(scope="session")
def seed_services(settings: Settings) -> Services:
    """Services over the bundled knowledge base (built once per test session)."""
    return services_over(KNOWLEDGE, settings)


@pytest.fixture(scope="session")
def extra_services(settings: Settings) -> Services:
    """Services over tests/data/kb_extra."""
    return services_over(EXTRA, settings)


@pytest.fixture(scope="session")
def members_services(settings: Settings) -> Services:
    """Services over tests/data/kb_members (members' wording; a fitting set of the decision)."""
    return services_over(MEMBERS, settings)


@pytest.fixture(scope="session")
def cohort_services(settings: Settings) -> Services:
    """Services over tests/data/kb_cohort (held out: never used to fit)."""
    return services_over(COHORT, settings)


@pytest.fixture(scope="session")
def formats_services(settings: Settings) -> Services:
    """Services over tests/data/kb_formats (FAQ layouts of the web; held out: never used to fit)."""
    return services_over(FORMATS, settings)


@pytest.fixture(scope="session")
def jobs_services(settings: Settings) -> Services:
    """Services over tests/data/kb_jobs (postings as pasted from job boards; never used to fit)."""
    return services_over(JOBS, settings)


@pytest.fixture(scope="session")
def long_services(settings: Settings) -> Services:
    """Services over tests/data/kb_long (long FAQs, several roles in one page; never used to fit)."""
    return services_over(LONG, settings)


@pytest.fixture(scope="session")
def heldout_services(settings: Settings) -> Services:
    """Services over tests/data/kb_heldout."""
    return services_over(HELDOUT, settings)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """Write a knowledge file (creating folders) and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def line_of(source: str, text: str, folder: Path = KNOWLEDGE) -> int:
    """Return the 1-based number of the one line of ``folder/source`` that contains ``text``."""
    lines = (folder / source).read_text(encoding="utf-8").splitlines()
    found = [n for n, line in enumerate(lines, 1) if text in line]
    assert len(found) == 1, f"{text!r} is on lines {found} of {source}, not on exactly one"
    return found[0]
