import getpass
import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import DEV_QUESTIONS, KNOWLEDGE, line_of, write


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json_contract(capsys) -> None:
    code, out, _ = run(
        capsys,
        "ask",
        "--knowledge",
        str(KNOWLEDGE),
        "--json",
        "Is there a fee to join the residency program?",
        "What is the best recipe for banana bread?",
    )
    assert code == 0
    data = json.loads(out)
    assert [a["answered"] for a in data] == [True, False]
    first = data[0]["citations"][0]
    assert set(first) == {"source", "title", "url", "section", "snippet", "score"}
    assert first["source"] == "hf-ai-research-residency.md"
    assert "no fees" in first["snippet"]
    assert data[1]["citations"] == []


def test_ask_plain_output(capsys) -> None:
    code, out, _ = run(capsys, "ask", "--knowledge", str(KNOWLEDGE), "Do Hugging Face employees get equity?")
    assert code == 0
    assert "company equity" in out and "hf-ml-engineer-optimization-emea.md" in out


def test_source_paths_use_slashes_relative_to_folder(tmp_path: Path, capsys) -> None:
    write(
        tmp_path,
        "team/handbook.md",
        "# Handbook\n\n## Holidays\n\nStaff get 25 days of paid holiday each year.\n",
    )
    code, out, _ = run(
        capsys, "ask", "--knowledge", str(tmp_path), "--json", "How many holiday days do staff get?"
    )
    assert code == 0
    assert json.loads(out)[0]["citations"][0]["source"] == "team/handbook.md"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ask", "--knowledge", "/no/such/folder", "hello"], "knowledge folder not found"),
        (["ask", "--knowledge", str(KNOWLEDGE), "  "], "empty"),
        (["ask", "--knowledge", str(KNOWLEDGE), "why " * 200], "too long"),
        (["ask", "--config", "/no/such/config.yaml", "hello"], "config file not found"),
    ],
)
def test_bad_input_is_one_line_error(capsys, argv, message) -> None:
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unreadable_config_is_one_line_error(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "config.yaml"
    bad.write_text("answers:\n  snippet_chars: lots\n")
    code, _, err = run(capsys, "ask", "--config", str(bad), "hello")
    assert code == 2 and "answers.snippet_chars" in err


def test_roles_json_contract(capsys) -> None:
    code, out, _ = run(
        capsys,
        "roles",
        "--knowledge",
        str(KNOWLEDGE),
        "--json",
        "--type",
        "internship",
        "--org",
        "Open Source",
    )
    assert code == 0
    roles = json.loads(out)
    assert len(roles) == 5
    assert set(roles[0]) == {
        "id",
        "title",
        "type",
        "org",
        "team",
        "location",
        "remote",
        "compensation",
        "apply_url",
        "source",
        "posted",
        "closes",
        "status",
        "stale",
    }
    assert all(r["team"] == "Open Source" and r["status"] == "open" for r in roles)


def test_roles_say_an_apply_address_as_an_e_mail(capsys, tmp_path: Path) -> None:
    write(
        tmp_path,
        "cook.txt",
        "Relief Cook\nBlue Harbour Galley\n\nLocation: Oban\nSalary: £13.50 an hour\nJob type: Part-time\n"
        "Closing date: 30 June 2030\n\nAbout the role\nYou will cook for our crews.\n\n"
        "How to apply\nEmail your CV to crewing@blueharbour.example.org quoting BH-17.\n",
    )
    code, out, _ = run(capsys, "roles", "--knowledge", str(tmp_path))
    assert code == 0
    assert "  by e-mail to crewing@blueharbour.example.org" in out.splitlines()


def test_roles_query_and_location(capsys) -> None:
    _, out, _ = run(capsys, "roles", "--knowledge", str(KNOWLEDGE), "--json", "--location", "EMEA")
    assert [r["title"] for r in json.loads(out)] == [
        "Machine Learning Engineer in the Optimization team - EMEA remote"
    ]


def test_kb_check_reports_counts_and_problems(capsys) -> None:
    code, out, _ = run(capsys, "kb", "check", "--knowledge", str(KNOWLEDGE), "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["documents"], data["passages"] > 30, data["roles"], data["errors"]) == (5, True, 19, 0)
    messages = [f"{p['source']}:{p['line']} {p['message']}" for p in data["problems"]]
    # the Fellowship FAQ repeats the Residency's benefits question, and breaks a link over lines
    repeated = line_of("hf-fellowship-program.md", "Will I receive benefits during the Residency?")
    assert any(
        "FAQ question repeated" in m and m.startswith(f"hf-fellowship-program.md:{repeated}")
        for m in messages
    )
    broken = line_of("hf-fellowship-program.md", "[one-pager of the Fellowship](")
    assert any(
        "malformed Markdown link" in m and m.startswith(f"hf-fellowship-program.md:{broken}")
        for m in messages
    )


def test_kb_check_fails_on_broken_file(tmp_path: Path, capsys) -> None:
    write(tmp_path, "ok.md", "# Fine\n\nA perfectly fine document.\n")
    write(tmp_path, "broken.md", "---\ntitle: ok\nkind: nonsense\n---\nBody\n")
    code, out, _ = run(capsys, "kb", "check", "--knowledge", str(tmp_path))
    assert code == 1
    assert "broken.md:3: error: 'kind' must be one of" in out


def test_eval_command(capsys) -> None:
    code, out, _ = run(
        capsys, "eval", str(DEV_QUESTIONS), "--knowledge", str(KNOWLEDGE), "--json", "--min-hit1", "0.8"
    )
    data = json.loads(out)
    assert (
        code == 0 and data["hit@1"] >= 0.8 and set(data) >= {"hit@1", "hit@3", "mrr", "abstention", "misses"}
    )
    code, _, err = run(
        capsys, "eval", str(DEV_QUESTIONS), "--knowledge", str(KNOWLEDGE), "--min-hit1", "1.01"
    )
    assert code == 1 and "below the floor" in err


def test_eval_names_a_miss_by_its_file_when_the_passage_has_no_section(tmp_path, capsys) -> None:
    kb = tmp_path / "kb"
    write(kb, "notes.txt", "Volunteers meet every Tuesday evening at the Eastgate library, from 6 to 8 pm.\n")
    questions = write(tmp_path, "q.yaml", '- q: when do volunteers meet\n  source: elsewhere\n  evidence: ["Tuesday"]\n')
    code, out, _ = run(capsys, "eval", str(questions), "--knowledge", str(kb))
    assert code == 0 and "got: notes.txt: 'Volunteers meet" in out and "None" not in out


def test_chat_reads_questions_until_end_of_input(monkeypatch, capsys) -> None:
    import io

    monkeypatch.setattr(
        "sys.stdin",
        io.StringIO("Is the fellowship deadline?\n\nWhat is the best pizza?\nquit\nnever asked\n"),
    )
    code, out, _ = run(capsys, "chat", "--knowledge", str(KNOWLEDGE))
    assert code == 0
    assert "ongoing" in out and "I don't know" in out and "never asked" not in out


def store_config(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    config = tmp_path / "config.yaml"
    config.write_text("knowledge_dir: knowledge\ndatabase: data/bot.db\n")
    return config


def test_store_mode_refresh_history_rollback_and_gaps(tmp_path: Path, capsys) -> None:
    config = str(store_config(tmp_path))
    code, out, _ = run(capsys, "ask", "--config", config, "--json", "Is there a dress code?")
    assert code == 0 and json.loads(out)[0]["answered"] is False
    write(
        tmp_path / "knowledge",
        "dress.md",
        "# Dress code\n\n## Is there a dress code?\n\nNo, wear what you like.\n",
    )
    write(tmp_path / "knowledge", "bad.md", "---\nkind: memo\n---\nx\n")
    code, out, _ = run(capsys, "kb", "refresh", "--config", config, "--json")
    data = json.loads(out)
    assert code == 0 and data["applied"] and data["added"] == ["dress.md"] and data["broken"] == ["bad.md"]
    assert any(e["source"] == "bad.md" and e["line"] == 2 for e in data["errors"])
    code, out, _ = run(capsys, "ask", "--config", config, "Is there a dress code?")
    assert "wear what you like" in out
    code, out, _ = run(capsys, "kb", "history", "--config", config, "--json")
    history = json.loads(out)
    assert [set(h) for h in history] == [{"id", "at", "by", "active", "summary"}] * 2
    assert history[0]["by"] == f"{getpass.getuser()} (command line)"
    assert history[0]["summary"]["added"] == ["dress.md"] and history[0]["summary"]["kind"] == "refresh"
    code, out, _ = run(capsys, "kb", "rollback", "--config", config)
    assert code == 0 and f"Rolled back to the files of snapshot {history[1]['id']}" in out
    assert "documents removed: dress.md" in out and "files in the knowledge folder are unchanged" in out
    code, out, _ = run(capsys, "kb", "history", "--config", config)
    lines = out.splitlines()
    assert lines[0].startswith(f"*    {history[0]['id'] + 1}") and "rollback to the files of snapshot" in lines[0]
    assert "documents removed: dress.md" in out and "by " + getpass.getuser() in out
    code, out, _ = run(capsys, "kb", "gaps", "--config", config, "--json")
    gaps = json.loads(out)["gaps"]
    assert gaps[0]["question"] == "Is there a dress code?" and gaps[0]["count"] == 1


def test_corrupt_database_is_one_line_error(tmp_path: Path, capsys) -> None:
    config = store_config(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "bot.db").write_bytes(b"garbage" * 500)
    code, _, err = run(capsys, "ask", "--config", str(config), "hello")
    assert code == 2 and "kb refresh" in err and len(err.strip().splitlines()) == 1


def test_see_also_in_the_terminal_says_what_each_passage_is_about() -> None:
    # where it is, then its FAQ question, or the first words of its snippet, on one line
    from bot.cli import render_answer
    from bot.models import Answer, Citation

    closest = Citation("guide.md", "Lab guide", None, "Hours", "The lab opens at 8.", 1.0, 3)
    faq = Citation("faq.md", "Lab FAQ", None, "FAQ", "Can I bring a guest?\nYes, with a badge.", 1.0, 9, question="Can I bring a guest?")
    long = Citation("guide.md", "Lab guide", None, "Safety", "Goggles are required " + "in every room " * 20, 1.0, 14)
    text = render_answer(Answer("can my friend visit?", False, (closest, faq, long), verdict="unsure"))
    lines = text.split("\n")
    assert lines[1].startswith("Not sure this answers it")
    at = lines.index("See also:")
    assert lines[at + 1] == "  - Lab FAQ › FAQ (faq.md:9)"
    assert lines[at + 2] == "    Can I bring a guest?"
    assert lines[at + 3] == "  - Lab guide › Safety (guide.md:14)"
    assert lines[at + 4].startswith("    Goggles are required in every room") and lines[at + 4].endswith("…")
    assert len(lines[at + 4]) <= 4 + 120
