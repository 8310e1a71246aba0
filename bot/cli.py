"""The command-line interface: a thin front end over the same services as the Discord bot."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from bot.app import Services, build_services, snapshot_from_folder
from bot.config import Settings, load_settings
from bot.errors import BotError
from bot.knowledge.checks import check_corpus
from bot.models import ROLE_TYPES, Answer, Role
from bot.services.roles import RoleFilter

DEFAULT_CONFIG = Path("config.yaml")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit status."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.handler(args) or 0)
    except BotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser, knowledge: bool = True) -> None:
        p.add_argument("--config", type=Path, help="settings file (default: ./config.yaml if present)")
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
    p.add_argument("--location", metavar="TEXT")
    p.add_argument("--query", metavar="TEXT")
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

    p = sub.add_parser("bench", help="benchmark retrieval on a synthetic knowledge base")
    p.add_argument("--passages", type=int, nargs="+", default=[1_000, 10_000, 100_000], metavar="N")
    p.add_argument("--queries", type=int, default=300)
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
    """Build the services over the knowledge folder the command names."""
    settings = settings_for(args)
    folder = args.knowledge or settings.knowledge_dir
    return build_services(settings, snapshot_from_folder(folder, settings))


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
    services = services_for(args)
    answers = [services.answers.ask(q) for q in args.question]
    if args.json:
        emit_json([a.to_json() for a in answers])
    else:
        for n, answer in enumerate(answers):
            if n:
                print()
            print(render_answer(answer))
    return 0


def render_answer(answer: Answer) -> str:
    """Render an answer for a terminal."""
    lines = [f"Q: {answer.question}"]
    if not answer.answered:
        lines.append("I don't know: the knowledge base has nothing that answers this.")
        if answer.suggestions:
            lines.append("Closest questions it does answer:")
            lines += [f"  - {s}" for s in answer.suggestions]
        return "\n".join(lines)
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
        lines += [f"  - {_where(c.title, c.section, None)} ({c.source}:{c.line})" for c in more]
    if answer.roles:
        lines.append("Open roles:")
        lines += [f"  - {r.title}: {r.apply_url or 'no apply link yet'}" for r in answer.roles]
    if answer.matched_terms:
        lines.append(f"(matched: {', '.join(answer.matched_terms)})")
    return "\n".join(lines)


def _where(title: str, section: str | None, published: date | None) -> str:
    text = f"{title} › {section}" if section else title
    return f"{text} ({published.isoformat()})" if published else text


def cmd_chat(args: argparse.Namespace) -> int:
    """Read questions from the terminal until end of input or 'quit'."""
    services = services_for(args)
    interactive = sys.stdin.isatty()
    if interactive:
        print("Ask a question (empty line or 'quit' to leave).")
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
            print(render_answer(services.answers.ask(line)))
        except BotError as exc:
            print(f"error: {exc}")
        print()
    return 0


# -- roles -----------------------------------------------------------------------------------


def role_json(role: Role) -> dict:
    """Return the CLI's JSON form of a role."""
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
    }


def cmd_roles(args: argparse.Namespace) -> int:
    """List roles matching the filters."""
    services = services_for(args)
    flt = RoleFilter(args.type, args.org, args.location, args.query, include_closed=args.all)
    roles = services.roles.list(flt)
    if args.json:
        emit_json([role_json(r) for r in roles])
        return 0
    if not roles:
        print("No open roles match." if not args.all else "No roles match.")
        return 0
    for role in roles:
        who = " · ".join(filter(None, (role.org, role.team)))
        where = role.location or ("Remote" if role.remote else None)
        facts = " · ".join(filter(None, (role.type, where, role.compensation)))
        print(f"{role.title}" + (f" — {who}" if who else ""))
        if facts:
            print(f"  {facts}")
        posted = f"posted {role.posted.isoformat()}" if role.posted else None
        print(f"  {role.apply_url or 'no apply link yet'}" + (f"  ({posted})" if posted else ""))
        print(f"  id: {role.id}")
    return 0


# -- kb check --------------------------------------------------------------------------------


def cmd_kb_check(args: argparse.Namespace) -> int:
    """Report the knowledge base's size and every problem; exit 1 on errors."""
    services = services_for(args)
    corpus = services.holder.current.corpus
    problems = corpus.problems + check_corpus(
        corpus, date.today(), services.settings.knowledge.max_document_age_days
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


# -- eval / bench ----------------------------------------------------------------------------


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the knowledge base on a question file; exit 1 below any floor given."""
    from bot.evaluation import evaluate, load_cases

    services = services_for(args)
    report = evaluate(services.answers, load_cases(args.file)).to_json()
    if args.json:
        emit_json(report)
    else:
        for key in ("hit@1", "hit@3", "mrr", "abstention"):
            value = report[key]
            print(f"{key:11s} {'n/a' if value is None else f'{value:.3f}'}")
        print(f"({report['answerable']} answerable, {report['unanswerable']} unanswerable questions)")
        for miss in report["misses"]:
            print(f"  miss: {miss['q']}")
            cited = miss["cited"]
            if isinstance(cited, str):
                print(f"        got: {cited}")
            else:
                for c in cited[:1]:
                    print(f"        got: {c['source']} › {c['section']}: {c['snippet'][:100]!r}")
    failed = []
    for key, floor in (("hit@1", args.min_hit1), ("hit@3", args.min_hit3), ("abstention", args.min_abstention)):
        if floor is not None and report[key] is not None and report[key] < floor:
            failed.append(f"{key} {report[key]:.3f} < {floor}")
    if failed:
        print(f"below the floor: {'; '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the retrieval benchmark."""
    from bot.bench import run_bench

    return run_bench(args.passages, args.queries, as_json=args.json)
