"""Property-based fuzzing of the document readers and the question path (Hypothesis).

Time budget: every test has a fixed number of examples (5,800 inputs in all) and a deadline of
2 s per example (3 s for a question), so the whole file runs in about 10-15 s on one core of the
CI machine. ``FUZZ_EXAMPLES=20`` multiplies the examples for a longer hunt (about 2 minutes).
"""

from __future__ import annotations

import os
import re
import string
from datetime import timedelta

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import Services
from bot.discord_bot.render import TOTAL, answer_embed, escape, link_text, link_url
from bot.documents.decode import binary_reason, decode_bytes
from bot.documents.frontmatter import FrontMatterError, split_front_matter
from bot.documents.loader import FileResult, parse_file
from bot.documents.urls import safe_url
from bot.errors import QuestionError

SCALE = float(os.environ.get("FUZZ_EXAMPLES", "1"))


def budget(examples: int, deadline_ms: int = 2000) -> settings:
    """A bounded run: ``examples`` inputs, none slower than ``deadline_ms``."""
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=timedelta(milliseconds=deadline_ms),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


SUFFIXES = st.sampled_from(["doc.md", "doc.markdown", "doc.txt", "doc.html", "doc.htm"])
CONTROL = "".join(chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x202E, 0x2066))
WORDS = st.text(alphabet=string.ascii_letters + " éß—’?!.,:;*_`#[]()<>@&|\\\"'\t" + CONTROL, max_size=60)
URLS = st.one_of(
    st.text(max_size=40),
    st.builds(
        lambda host, path: f"https://{host}/{path}",
        st.from_regex(r"[a-z]{1,10}\.[a-z]{2,4}", fullmatch=True),
        WORDS,
    ),
    st.sampled_from(
        ["javascript:alert(1)", "http://", "https://x.org/) [@everyone](http://evil.example)", "ftp://x.org"]
    ),
)


def check_result(result: FileResult) -> None:
    """What every parse must satisfy, whatever the input."""
    assert isinstance(result, FileResult)
    for problem in result.problems:
        assert isinstance(problem.message, str) and problem.message
        assert problem.severity in ("warning", "error")
    if result.document is not None:
        assert result.document.url is None or safe_url(result.document.url) == result.document.url
        for passage in result.passages:
            assert passage.text.strip()
            passage.text.encode("utf-8")  # storable


@budget(1000)
@given(data=st.binary(max_size=3000), name=SUFFIXES)
def test_random_bytes_never_crash_a_reader(data: bytes, name: str) -> None:
    check_result(parse_file(name, data, 900))
    binary_reason(data)
    decode_bytes(data)


@budget(400)
@given(
    text=st.text(max_size=2000), name=SUFFIXES, bom=st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252"])
)
def test_random_unicode_never_crashes_a_reader(text: str, name: str, bom: str) -> None:
    check_result(parse_file(name, text.encode(bom, errors="replace"), 900))


def markdown_block() -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 7), WORDS),
        st.builds(lambda q, a: f"- **{q}?** {a}", WORDS, WORDS),
        st.builds(lambda t, u: f"[{t}]({u})", WORDS, URLS),
        st.builds(lambda d, t: "> " * d + t, st.integers(0, 40), WORDS),
        st.builds(lambda d, t: "  " * d + "- " + t, st.integers(0, 40), WORDS),
        st.builds(lambda t: f"```\n{t}\n```", WORDS),
        st.builds(lambda t, u: f'<a href="{u}">{t}</a>', WORDS, URLS),
        WORDS,
    )


YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), WORDS, st.dates(), URLS),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(WORDS, inner, max_size=4)),
    max_leaves=20,
)
FRONT_MATTER = st.one_of(
    st.dictionaries(
        st.sampled_from(["title", "url", "published", "kind", "org", "roles", "other"]),
        YAML_VALUES,
        max_size=6,
    ).map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.text(max_size=300),  # anything at all between the fences
    st.sampled_from(
        ["a: &x [*x]", "published: 2024-02-30", "x: " + "[" * 200, "a: !!python/object:os.system ls"]
    ),
)


@budget(600)
@given(
    front=st.one_of(st.none(), FRONT_MATTER), blocks=st.lists(markdown_block(), max_size=25), name=SUFFIXES
)
def test_random_markdown_structure_never_crashes(front: str | None, blocks: list[str], name: str) -> None:
    body = "\n\n".join(blocks)
    text = f"---\n{front}\n---\n{body}" if front is not None else body
    check_result(parse_file(name, text.encode("utf-8", errors="surrogatepass"), 900))


TAGS = st.sampled_from(
    ["div", "p", "ul", "li", "h1", "h2", "a", "b", "table", "tr", "td", "script", "nav", "span", "pre"]
)


def html_tree() -> st.SearchStrategy[str]:
    leaf = st.one_of(WORDS, st.builds(lambda u, t: f'<a href="{u}">{t}</a>', URLS, WORDS))
    return st.recursive(
        leaf,
        lambda inner: st.builds(
            lambda tag, kids, close: f"<{tag}>" + "".join(kids) + (f"</{tag}>" if close else ""),
            TAGS,
            st.lists(inner, max_size=4),
            st.booleans(),
        ),
        max_leaves=40,
    )


@budget(400)
@given(tree=html_tree(), depth=st.integers(0, 400))
def test_random_html_never_crashes(tree: str, depth: int) -> None:
    html = "<html><head><title>T</title></head><body>" + "<div>" * depth + tree + "</body></html>"
    check_result(parse_file("page.html", html.encode(), 900))


@budget(800)
@given(raw=st.text(max_size=300))
def test_front_matter_is_read_or_refused_with_a_line(raw: str) -> None:
    try:
        fm = split_front_matter(f"---\n{raw}\n---\nbody")
    except FrontMatterError as exc:
        assert exc.line is None or exc.line >= 1
        assert str(exc)
    else:
        assert isinstance(fm.data, dict)


@budget(1000)
@given(value=URLS)
def test_safe_urls_cannot_break_a_link(value: str) -> None:
    url = safe_url(value)
    if url is not None:
        assert url.lower().startswith(("http://", "https://"))
        assert not any(c in url for c in " \t\n()<>\"'`\\")
        assert link_url(url) == url  # accepted by the renderer's own check too


QUESTIONS = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.sampled_from(
            [
                "residency",
                "part-time",
                "intern",
                "apply",
                "fee",
                "?",
                "\x1b[2J",
                "\udcff",
                "<@&1>",
                "@everyone",
            ]
        ),
        max_size=12,
    ).map(" ".join),
)


@pytest.mark.parametrize("which", ["seed_services", "extra_services"])
def test_random_questions_get_an_answer_or_a_clear_refusal(
    which: str, request: pytest.FixtureRequest
) -> None:
    services: Services = request.getfixturevalue(which)

    @budget(400, deadline_ms=3000)
    @given(question=QUESTIONS)
    def check(question: str) -> None:
        try:
            answer = services.answers.ask(question)
        except QuestionError as exc:
            assert str(exc)
            return
        answer.question.encode("utf-8")  # storable and printable
        assert not any(c in answer.question for c in CONTROL)
        embed = answer_embed(answer)
        assert len(embed) <= TOTAL
        rendered = str(embed.title) + str(embed.description)
        assert "@everyone" not in rendered and not re.search(r"<[@#][!&]?\d", rendered)

    check()


@budget(800)
@given(text=st.text(max_size=200))
def test_escaped_text_mentions_no_one(text: str) -> None:
    inside = link_text(text)
    for run in re.finditer(r"(\\*)[\[\]]", inside):  # no bracket can end a masked link early
        assert len(run.group(1)) % 2 == 1, inside
    out = escape(text)
    assert "@everyone" not in out and "@here" not in out
    assert not re.search(r"<[@#][!&]?\d", out)  # no user, role or channel mention can render
