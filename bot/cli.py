"""The command-line interface: a thin front end over the same services as the Discord bot."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import getpass
import json
import logging
import os
import sqlite3
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from bot.app import Runtime, Services, build_services, snapshot_from_folder, start_runtime
from bot.config import Settings, load_settings
from bot.documents.checks import problem_list
from bot.errors import BotError
from bot.models import ROLE_TYPES, Answer, Citation, Problem, Role
from bot.sanitize import clean_text
from bot.services.answers import Turn
from bot.services.changes import change_lines, describe_entry, when
from bot.services.gaps import find_gaps
from bot.services.lifecycle import RefreshReport
from bot.services.refresh_labels import RefreshOutcome, broken_note, refresh_label, refresh_outcome
from bot.services.roles import RoleFilter
from bot.services.snippets import trim_words
from bot.services.stats import collect_stats
from bot.storage.database import describe_failure

T = TypeVar("T")

DEFAULT_CONFIG = Path("config.yaml")
MAX_TURNS = 10  # earlier questions of a chat passed with each new one


EXIT_BUG = 70  # sysexits' EX_SOFTWARE: an unexpected error, reported in one line
EXIT_PIPE = 141  # what a shell reports for a program stopped by SIGPIPE (``| head``)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit status.

    Every failure is one line on stderr, never a traceback (``--debug`` shows it): our own
    errors exit 2, an unexpected one exits 70, a closed output pipe (``| head``) exits 141
    quietly.
    """
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        # Bytes that are not UTF-8 on stdin, or text the terminal cannot show, must not crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = bool(getattr(args, "debug", False))
    _setup_logging(debug)
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at exit
        return code
    except BotError as exc:
        _error(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE
    except (sqlite3.Error, OSError) as exc:
        if debug:
            logging.getLogger(__name__).exception("failed")
        _error(_os_failure(exc))
        return 2
    except Exception as exc:
        if debug:
            logging.getLogger(__name__).exception("unexpected error")
        _error(f"unexpected {type(exc).__name__}: {exc} (a bug: run with --debug for details)")
        return EXIT_BUG


def _error(message: str) -> None:
    """Print one line on stderr (a message's own newlines and control characters are flattened)."""
    line = " ".join(clean_text(message).split())
    with contextlib.suppress(OSError):  # stderr closed too: nothing left to tell
        print(f"error: {line}", file=sys.stderr)


def _os_failure(exc: BaseException) -> str:
    if isinstance(exc, sqlite3.Error) or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return describe_failure(exc, None)
    assert isinstance(exc, OSError)
    where = f": {exc.filename}" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def _silence_stdout() -> None:
    """After a broken pipe, send what is left to /dev/null so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _OneLineFormatter(logging.Formatter):
    """Log records as one line each: an exception's type and message, not its traceback."""

    def format(self, record: logging.LogRecord) -> str:
        exc = record.exc_info[1] if record.exc_info else None
        record = logging.makeLogRecord(record.__dict__)  # other handlers still get the traceback
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        line = super().format(record)
        if exc is not None:
            line += f" ({type(exc).__name__}: {exc})"
        return " ".join(clean_text(line).split())


def _setup_logging(debug: bool) -> None:
    handler = logging.StreamHandler()
    fmt = "%(levelname)s %(name)s: %(message)s"
    handler.setFormatter(logging.Formatter(fmt) if debug else _OneLineFormatter(fmt))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        _error(f"{message} (see '{self.prog} --help')")
        raise SystemExit(2)


def _bounded_int(low: int, high: int, what: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be a whole number, not {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be between {low} and {high}, not {text}")
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand."""
    parser = _Parser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser, knowledge: bool = True) -> None:
        p.add_argument("--config", type=Path, help="settings file (default: ./config.yaml if present)")
        p.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
        if knowledge:
            p.add_argument("--knowledge", type=Path, metavar="DIR", help="read this knowledge folder")

    p = sub.add_parser("ask", help="answer questions from the knowledge base")
    common(p)
    p.add_argument("--json", action="store_true", help="print a JSON array of answers")
    p.add_argument("question", nargs="+", help="one or more questions (quote each)")
    p.set_defaults(handler=cmd_ask)

    p = sub.add_parser("roles", help="list open roles")
    common(p)
    p.add_argument("--type", choices=ROLE_TYPES)
    p.add_argument("--org", metavar="TEXT")
    p.add_argument("--location", metavar="TEXT", help="words of the place, e.g. EMEA, Canada, Berlin")
    p.add_argument("--query", metavar="TEXT", help="words of the title, team, organisation or description")
    p.add_argument("--remote", action="store_true", help="only remote roles")
    p.add_argument("--all", action="store_true", help="include closed roles")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_roles)

    kb = sub.add_parser("kb", help="knowledge-base maintenance").add_subparsers(
        dest="kb_command", required=True, metavar="KB_COMMAND"
    )
    p = kb.add_parser("check", help="report documents, passages, roles and every problem")
    common(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_kb_check)

    p = kb.add_parser("refresh", help="re-read changed files and swap the new knowledge base in")
    common(p)
    p.add_argument("--dry-run", action="store_true", help="show what would change, apply nothing")
    p.add_argument("--force", action="store_true", help="apply despite failed checks; re-parse every file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_kb_refresh)

    p = kb.add_parser("history", help="list applied refreshes")
    common(p, knowledge=False)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_kb_history)

    p = kb.add_parser("rollback", help="restore an earlier snapshot (default: the one before)")
    common(p, knowledge=False)
    p.add_argument(
        "id",
        type=_bounded_int(1, 2**63 - 1, "the snapshot id"),
        nargs="?",
        help="snapshot id from 'kb history'",
    )
    p.set_defaults(handler=cmd_kb_rollback)

    p = kb.add_parser("gaps", help="questions declined, answered unsure or voted unhelpful, grouped")
    common(p, knowledge=False)
    p.add_argument("--days", type=_bounded_int(1, 36_500, "--days"), default=30)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_kb_gaps)

    p = kb.add_parser(
        "stats", help="how the bot is doing: questions by outcome, votes, hours, gaps, answer time"
    )
    common(p, knowledge=False)
    p.add_argument("--days", type=_bounded_int(1, 3_650, "--days"), default=30)
    p.add_argument("--json", action="store_true")
    p.add_argument("--png", type=Path, metavar="FILE", help="also draw the chart into FILE (PNG)")
    p.set_defaults(handler=cmd_kb_stats)

    p = sub.add_parser("run", help="run the Discord bot (token from DISCORD_TOKEN)")
    common(p, knowledge=False)
    p.set_defaults(handler=cmd_run)

    p = sub.add_parser("chat", help="ask questions interactively, as the bot would answer")
    common(p)
    p.set_defaults(handler=cmd_chat)

    p = sub.add_parser("eval", help="score retrieval on a question file")
    common(p)
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.add_argument("--min-hit1", type=float, default=None, metavar="X")
    p.add_argument("--min-hit3", type=float, default=None, metavar="X")
    p.add_argument("--min-abstention", type=float, default=None, metavar="X")
    p.set_defaults(handler=cmd_eval)

    p = sub.add_parser(
        "calibrate", help="fit the ranking weights and the answer/decline decision on a question file"
    )
    common(p)
    p.add_argument(
        "files", nargs="+", metavar="FILE[:KNOWLEDGE]", help="question files, each with its knowledge folder"
    )
    p.set_defaults(handler=cmd_calibrate)

    p = sub.add_parser("bench", help="benchmark retrieval on a synthetic knowledge base")
    p.add_argument("--passages", type=int, nargs="+", default=[1_000, 10_000, 100_000], metavar="N")
    p.add_argument("--queries", type=int, default=300)
    p.add_argument(
        "--documents",
        type=int,
        nargs="+",
        metavar="N",
        help="instead, benchmark the knowledge base's lifecycle over N synthetic files: "
        "parse, store, start from the store, refresh one changed file",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_bench)
    return parser


# -- shared ----------------------------------------------------------------------------------


def settings_for(args: argparse.Namespace) -> Settings:
    """Load the settings named on the command line, or ./config.yaml, or the defaults."""
    path = args.config
    if path is None and DEFAULT_CONFIG.is_file():
        path = DEFAULT_CONFIG
    return load_settings(path)


def services_for(args: argparse.Namespace) -> Services:
    """Build the services over the knowledge folder the command names (read directly)."""
    settings = settings_for(args)
    folder = args.knowledge or settings.knowledge_dir
    return build_services(settings, snapshot_from_folder(folder, settings))


async def runtime_for(
    args: argparse.Namespace, *, store_only: bool = False, writable: bool = False
) -> Runtime:
    """Open the runtime: from the stored snapshot, or from ``--knowledge DIR`` directly.

    ``ask``, ``roles`` and ``chat`` with ``--knowledge`` read that folder and leave the
    store alone; without it they answer from the stored snapshot (built on first use).
    """
    settings = settings_for(args)
    folder = getattr(args, "knowledge", None)
    if folder is not None and not store_only:
        return await start_runtime(settings, folder=folder, use_store=False)
    return await start_runtime(settings, folder=folder, writable=writable, author=cli_author())


def with_runtime(
    args: argparse.Namespace,
    body: Callable[[Runtime], Awaitable[T]],
    *,
    store_only: bool = False,
    writable: bool = False,
) -> T:
    """Open the runtime the command names (see :func:`runtime_for`), run ``body`` with it and
    close it, all in one event loop; return what ``body`` returned."""

    async def run() -> T:
        runtime = await runtime_for(args, store_only=store_only, writable=writable)
        try:
            return await body(runtime)
        finally:
            await runtime.close()

    return asyncio.run(run())


def emit_json(data: Any) -> None:
    """Print ``data`` as JSON (dates as ISO strings)."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


# -- ask / chat ------------------------------------------------------------------------------


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer each question given on the command line."""
    return with_runtime(args, lambda runtime: _ask(args, runtime))


async def _ask(args: argparse.Namespace, runtime: Runtime) -> int:
    answers = [await _answer(runtime, q) for q in args.question]
    # Printed before closing: closing waits for a question-log write that another
    # process's write lock still holds up, and the answers must not.
    if args.json:
        emit_json([a.to_json() for a in answers])
    else:
        for n, answer in enumerate(answers):
            if n:
                print()
            print(clean_text(render_answer(answer)))
    sys.stdout.flush()
    return 0


def render_answer(answer: Answer) -> str:
    """Render an answer for a terminal."""
    lines = [f"Q: {answer.question}"]
    if answer.reply is not None:
        lines.append(answer.reply)
        return "\n".join(lines)
    if answer.verdict == "unsure":
        lines.append("Not sure this answers it — the closest I found:")
    elif not answer.answered:
        if answer.others:
            lines.append(f"I don't know: the knowledge base has no documents about {' or '.join(answer.others)}.")
        else:
            lines.append("I don't know: the knowledge base has nothing that answers this.")
        if answer.suggestions:
            lines.append("Closest questions it does answer:")
            lines += [f"  - {s}" for s in answer.suggestions]
        return "\n".join(lines)
    if answer.citations:
        first, *more = answer.citations
        lines.append("")
        lines += [f"  {line}" for line in first.snippet.split("\n")]
        lines.append("")
        lines.append(f"  — {_where(first.title, first.section, first.published)}")
        if first.url:
            lines.append(f"    {first.url}")
        lines.append(f"    ({first.source}:{first.line})")
        if more:
            lines.append("See also:")
            for c in more:
                lines.append(f"  - {_where(c.title, c.section, None)} ({c.source}:{c.line})")
                lines.append(f"    {_gist(c)}")
    if answer.roles:
        lines.append(f"Open roles ({answer.listed}):" if answer.listed else "Open roles:")
        lines += [f"  - {_role_line(r)}: {r.how_to_apply}" for r in answer.roles]
        if answer.listed > len(answer.roles):
            lines.append(f"  … and {answer.listed - len(answer.roles)} more: python -m bot roles")
    if answer.matched_terms:
        lines.append(f"(matched: {', '.join(answer.matched_terms)})")
    return "\n".join(lines)


SEE_ALSO_CHARS = 120  # one line of a "see also" passage: its FAQ question, or its first words


def _gist(c: Citation) -> str:
    """What a "see also" passage is about, on one line: its FAQ question, else the start of its snippet."""
    return trim_words(" ".join((c.question or c.snippet).split()), SEE_ALSO_CHARS)


def _role_line(role: Role) -> str:
    """A role in a line: its title, organisation, place and closing date."""
    facts = [f for f in (role.org, role.location, f"closes {role.closes.isoformat()}" if role.closes else None) if f]
    return f"{role.title} ({' · '.join(facts)})" if facts else role.title


def _where(title: str, section: str | None, published: date | None) -> str:
    text = f"{title} › {section}" if section else title
    return f"{text} ({published.isoformat()})" if published else text


async def _answer(runtime: Runtime, question: str, history: Sequence[Turn] = ()) -> Answer:
    """Answer a question and record it (when a store is open), as the bot does."""
    return (await runtime.desk.ask(question, history, origin="cli")).answer


def cmd_chat(args: argparse.Namespace) -> int:
    """Read questions from the terminal until end of input or 'quit'."""
    return with_runtime(args, _chat_loop)


async def _chat_loop(runtime: Runtime) -> int:
    interactive = sys.stdin.isatty()
    if interactive:
        print("Ask a question (empty line or 'quit' to leave).")
    history: list[Turn] = []
    while True:
        try:
            line = input("> " if interactive else "")
        except EOFError:
            break
        if line.strip().casefold() in ("quit", "exit", "q") or (interactive and not line.strip()):
            break
        if not line.strip():
            continue
        try:
            answer = await _answer(runtime, line, history[-MAX_TURNS:])
            history.append(Turn(answer.question, datetime.now(UTC), answer.topic))
            print(clean_text(render_answer(answer)))
        except BotError as exc:
            print(f"error: {exc}")
        print()
    return 0


# -- roles -----------------------------------------------------------------------------------


def role_json(role: Role, stale: bool = False) -> dict[str, Any]:
    """Return the CLI's JSON form of a role (``stale``: see RoleService.is_stale)."""
    return {
        "id": role.id,
        "title": role.title,
        "type": role.type,
        "org": role.org,
        "team": role.team,
        "location": role.location,
        "remote": role.remote,
        "compensation": role.compensation,
        "apply_url": role.apply_url,
        "source": role.source,
        "posted": role.posted.isoformat() if role.posted else None,
        "closes": role.closes.isoformat() if role.closes else None,
        "status": role.status,
        "stale": stale,
    }


def cmd_roles(args: argparse.Namespace) -> int:
    """List roles matching the filters."""
    return with_runtime(args, lambda runtime: _roles(args, runtime))


async def _roles(args: argparse.Namespace, runtime: Runtime) -> int:
    service = runtime.services.roles
    flt = RoleFilter(
        args.type, args.org, args.location, args.query, include_closed=args.all, remote=args.remote
    )
    roles = service.list(flt)
    if args.json:
        emit_json([role_json(r, service.is_stale(r)) for r in roles])
        return 0
    programmes = service.by_nomination(args.type) if args.type or not roles else []
    for programme in programmes:
        print(f"{programme.title} is by nomination only: there is nothing to apply to ({programme.source}).")
    if not roles:
        print("No open roles match." if not args.all else "No roles match.")
        return 0
    for role in roles:
        print(clean_text(render_role(role, service.is_stale(role))))
    print(f"{len(roles)} {'role' if len(roles) == 1 else 'roles'}")
    return 0


def render_role(role: Role, stale: bool) -> str:
    """Render one role for a terminal: title, org · team, place, pay, dates, apply link."""
    who = " · ".join(filter(None, (role.org, role.team)))
    lines = [role.title + (f" — {who}" if who else "")]
    where = " · ".join(filter(None, (role.location, "Remote" if role.remote else None)))
    facts = " · ".join(filter(None, (role.type, where, role.compensation)))
    if facts:
        lines.append(f"  {facts}")
    dates = " · ".join(
        filter(
            None,
            (
                f"posted {role.posted.isoformat()}" if role.posted else None,
                f"closes {role.closes.isoformat()}" if role.closes else None,
                "closed" if role.status == "closed" else None,
            ),
        )
    )
    if dates:
        lines.append(f"  {dates}")
    if stale:
        lines.append("  stale: no closing date and posted long ago, it may no longer be open")
    lines.append(f"  {role.how_to_apply}")
    lines.append(f"  id: {role.id}")
    return "\n".join(lines)


# -- kb check --------------------------------------------------------------------------------


def cmd_kb_check(args: argparse.Namespace) -> int:
    """Report the knowledge base's size and every problem; exit 1 on errors."""
    services = services_for(args)
    corpus = services.holder.current.corpus
    problems = problem_list(
        corpus,
        date.today(),
        services.settings.knowledge.max_document_age_days,
        services.settings.roles.max_age_days,
    )
    errors = [p for p in problems if p.severity == "error"]
    if args.json:
        emit_json(
            {
                "documents": len(corpus.documents),
                "passages": len(corpus.passages),
                "roles": len(corpus.roles),
                "errors": len(errors),
                "warnings": len(problems) - len(errors),
                "problems": [
                    {"source": p.source, "line": p.line, "severity": p.severity, "message": p.message}
                    for p in problems
                ],
            }
        )
    else:
        print(
            f"{len(corpus.documents)} documents, {len(corpus.passages)} passages, {len(corpus.roles)} roles; "
            f"{len(errors)} errors, {len(problems) - len(errors)} warnings"
        )
        for p in problems:
            print(f"  {p}")
    return 1 if errors else 0


def cmd_run(args: argparse.Namespace) -> int:
    """Run the Discord bot."""
    from bot.discord_bot.run import run

    return run(settings_for(args))


# -- kb refresh / history / rollback / gaps --------------------------------------------------


def cmd_kb_refresh(args: argparse.Namespace) -> int:
    """Refresh the stored knowledge base from the folder."""
    report = with_runtime(
        args,
        lambda runtime: runtime.knowledge_base.refresh(by=cli_author(), dry_run=args.dry_run, force=args.force),
        store_only=True,
        writable=not args.dry_run,
    )
    if args.json:
        emit_json(report.to_json())
    else:
        print(clean_text(render_refresh(report)))
    return 1 if report.refused else 0


def cli_author() -> str:
    """Name who runs this command, for the history: the operating-system user."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment nor the password file
        name = f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown user"
    return f"{clean_text(name)} (command line)"


def refresh_state(report: RefreshReport) -> str:
    """Say in one line whether a refresh or rollback was applied, and why not."""
    line = refresh_label(report)
    outcome = refresh_outcome(report)
    if outcome is RefreshOutcome.REFUSED:
        return f"{line}: {report.refused}"
    if outcome is RefreshOutcome.UNCHANGED and report.broken:
        return f"{line}; {broken_note(len(report.broken))}"
    if outcome in (RefreshOutcome.APPLIED, RefreshOutcome.ROLLED_BACK) and report.snapshot_id is not None:
        return f"{line}. Applied as snapshot {report.snapshot_id}"
    return line


def plural(count: int, word: str) -> str:
    """Return "1 file", "2 files"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def render_refresh(report: RefreshReport) -> str:
    """Render a refresh or rollback report for a terminal."""
    lines = [f"{refresh_state(report)} ({report.seconds:.2f} s)"]
    lines.append(f"  {report.documents} documents, {report.passages} passages, {report.roles} roles")
    for label, items in change_lines(report.summary()):
        lines.append(f"  {label}: {'; '.join(items)}")
    if report.eval:
        lines.append(
            f"  questions.yaml: hit@1 {report.eval['hit@1']}, hit@3 {report.eval['hit@3']}, "
            f"abstention {report.eval['abstention']}"
        )
    if report.kind == "rollback":
        lines.append(ROLLBACK_NOTE)
    lines += problem_lines(report.problems)
    return "\n".join(lines)


ROLLBACK_NOTE = (
    "  The files in the knowledge folder are unchanged: the next refresh reads them again and "
    "re-applies what was rolled back, unless they are fixed first."
)


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """List problems for a terminal: a count line, then each with its file and line."""
    if not problems:
        return []
    errors = sum(p.severity == "error" for p in problems)
    lines = [f"  {plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')}:"]
    return lines + [f"    {p}" for p in problems]


def cmd_kb_history(args: argparse.Namespace) -> int:
    """List the applied refreshes and rollbacks."""
    entries = with_runtime(args, lambda runtime: runtime.knowledge_base.history(), store_only=True)
    if args.json:
        emit_json(
            [{"id": e.id, "at": e.at, "by": e.by, "active": e.active, "summary": e.summary} for e in entries]
        )
        return 0
    if not entries:
        print("No snapshot stored yet.")
    for e in entries:
        s = e.summary
        marker = "*" if e.active else " "
        lines = [f"{marker} {e.id:>4}  {when(e.at)}  {describe_entry(s, e.by)}"]
        lines += [f"        {label}: {'; '.join(items)}" for label, items in change_lines(s)]
        lines.append(
            f"        {s.get('documents', '?')} documents, {s.get('passages', '?')} passages, "
            f"{s.get('roles', '?')} roles"
        )
        print(clean_text("\n".join(lines)))
    if entries:
        print("(* the snapshot in use)")
    return 0


def cmd_kb_rollback(args: argparse.Namespace) -> int:
    """Restore an earlier snapshot."""
    report = with_runtime(
        args, lambda runtime: runtime.knowledge_base.rollback(args.id, by=cli_author()), store_only=True, writable=True
    )
    print(clean_text(render_refresh(report)))
    return 0


def cmd_kb_gaps(args: argparse.Namespace) -> int:
    """Show what members asked that the knowledge base could not answer."""
    gaps, rated = with_runtime(
        args, lambda runtime: find_gaps(runtime.questions, runtime.services.holder, args.days), store_only=True
    )
    if args.json:
        emit_json(
            {"days": args.days, "gaps": [g.__dict__ for g in gaps], "unhelpful": [r.__dict__ for r in rated]}
        )
        return 0
    print(
        f"What went wrong for members in the last {args.days} days (declined, unsure, voted unhelpful):"
        if gaps
        else f"Nothing went wrong for members in the last {args.days} days: no question declined, "
        "answered unsure or voted unhelpful."
    )
    for g in gaps:
        lines = [f"  {g.count:>3} × {g.question}", f"        {g.kinds()}; latest {when(g.latest)}"]
        others = [e for e in g.examples if e != g.question]
        if others:
            lines.append("        also: " + " | ".join(others))
        if g.closest:
            lines.append(
                f"        closest: {g.closest}" + (f" ({g.closest_question})" if g.closest_question else "")
            )
        print(clean_text("\n".join(lines)))  # rows stored before questions were cleaned
    if rated:
        print("Passages voted unhelpful:")
        for r in rated:
            where = f"{r.source} › {r.section}" if r.section else r.source
            print(
                clean_text(f"  {r.unhelpful:>3} unhelpful, {r.helpful} helpful: {where} (e.g. {r.example!r})")
            )
    return 0


def cmd_kb_stats(args: argparse.Namespace) -> int:
    """Show how the bot is doing, as text or JSON, and as a chart with --png."""
    stats = with_runtime(
        args, lambda runtime: collect_stats(runtime.questions, runtime.services.holder, args.days), store_only=True
    )
    if args.png is not None:
        from bot.charts import stats_png

        args.png.write_bytes(stats_png(stats))
    if args.json:
        emit_json(stats.to_json())
    else:
        print(clean_text(stats.text()))
        if args.png is not None:
            print(f"Chart written to {args.png}")
    return 0


# -- eval / bench ----------------------------------------------------------------------------


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the knowledge base on a question file; exit 1 below any floor given."""
    from bot.services.evaluation import evaluate, load_cases

    services = services_for(args)
    report = evaluate(services.answers, load_cases(args.file)).to_json()
    if args.json:
        emit_json(report)
    else:
        for key in ("hit@1", "hit@3", "mrr", "abstention"):
            value = report[key]
            print(f"{key:11s} {'n/a' if value is None else f'{value:.3f}'}")
        print(
            f"({report['answerable']} answerable, {report['unanswerable']} unanswerable questions; "
            f"answerable answered wrong: {report['answered_wrong']}, not sure: {report['unsure']}, "
            f"of which the right passage first: {report['unsure_right']}, shown at all: {report['unsure_shown']})"
        )
        if report["answerable"]:
            print(
                f"ranking alone (the best passage, whatever the verdict): right first {report['ranked@1']:.3f}, "
                f"within the best three {report['ranked@3']:.3f}"
            )
        for miss in report["misses"]:
            print(f"  miss: {miss['q']} [{miss['verdict']}]")
            cited = miss["cited"]
            if isinstance(cited, str):
                print(f"        got: {cited}")
            else:
                for c in cited[:1]:
                    where = f"{c['source']} › {c['section']}" if c["section"] else c["source"]
                    print(f"        got: {where}: {c['snippet'][:100]!r}")
    failed = []
    for key, floor in (
        ("hit@1", args.min_hit1),
        ("hit@3", args.min_hit3),
        ("abstention", args.min_abstention),
    ):
        if floor is not None and report[key] is not None and report[key] < floor:
            failed.append(f"{key} {report[key]:.3f} < {floor}")
    if failed:
        print(f"below the floor: {'; '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Fit the ranking and the decision on question files and print the figures to put in the code."""
    from bot.services.answers import AnswerService
    from bot.services.decision import FEATURES
    from bot.services.evaluation import calibrate, evaluate, load_cases

    sets = []
    for spec in args.files:
        file, _, folder = spec.partition(":")
        args.knowledge = Path(folder) if folder else args.knowledge
        sets.append((services_for(args).answers, load_cases(Path(file))))
    result = calibrate(sets)
    m = result.model
    print(f"fitted on {result.samples} questions of {', '.join(args.files)}")
    print(f"first passage right (ranking alone): {result.passage_hit1:.3f}")
    print("RANK_WEIGHTS = " + json.dumps(result.rank_weights))
    print(
        "COEFFICIENTS = "
        + json.dumps({f: round(c, 4) for f, c in zip(FEATURES, m.coefficients, strict=True)})
    )
    print(f"INTERCEPT = {m.intercept:.4f}\nANSWER_AT = {m.answer_at:.4f}\nUNSURE_AT = {m.unsure_at:.4f}")
    for (service, cases), spec in zip(sets, args.files, strict=True):
        fitted = AnswerService(service.holder, service.settings, service.roles, m, result.rank_weights)
        report = evaluate(fitted, cases).to_json()
        print(
            f"in-sample on {spec}: hit@1 {report['hit@1']:.3f}, hit@3 {report['hit@3']:.3f}, "
            f"abstention {report['abstention']:.3f}"
        )
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the retrieval benchmark."""
    from bot.bench import run_bench, run_lifecycle_bench

    if args.documents:
        return run_lifecycle_bench(args.documents, as_json=args.json)
    return run_bench(args.passages, args.queries, as_json=args.json)
