from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from bot.errors import ConfigError


def test_shipped_config_equals_defaults(settings: Settings) -> None:
    # config.yaml documents every default; drift between the two would mislead moderators
    defaults = Settings()
    assert settings.retrieval == defaults.retrieval
    assert settings.answers == defaults.answers
    assert settings.synonyms == defaults.synonyms
    assert settings.equivalents == defaults.equivalents


def test_missing_keys_take_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("answers:\n  snippet_chars: 300\n")
    s = load_settings(path)
    assert s.answers.snippet_chars == 300
    assert s.answers.max_question_chars == Settings().answers.max_question_chars
    assert s.knowledge_dir == tmp_path / "knowledge"  # relative to the config file


def test_unknown_key_is_named_with_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("retrieval:\n  see_also_min_coverge: 0.5\n")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert "retrieval.see_also_min_coverge" in str(err.value)
    assert "retrieval.see_also_min_coverage" in str(err.value)


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("retrieval:\n  see_also_min_coverage: 2\n", "retrieval.see_also_min_coverage", "between"),
        ("answers:\n  snippet_chars: many\n", "answers.snippet_chars", "number"),
        ("discord:\n  public_replies: 'yes'\n", "discord.public_replies", "true or false"),
        ("synonyms: pay\n", "synonyms", "list"),
        ("answers: 3\n", "answers", "mapping"),
        ("discord:\n  shards: many\n", "discord.shards", "off, auto or a number"),
        ("discord:\n  shards: 0\n", "discord.shards", "off, auto or a number"),
        ("discord:\n  shards: true\n", "discord.shards", "off, auto or a number"),
        ("discord:\n  help_channels: 12\n", "discord.help_channels", "list"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, text: str, key: str, words: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert key in str(err.value) and words in str(err.value)


def test_invalid_yaml_gives_line(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("retrieval:\n  k1: [1,\n")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert f"{path}:" in str(err.value) and "invalid YAML" in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.yaml")


@pytest.mark.parametrize(("value", "count"), [("off", 0), ("no", 0), ("'off'", 0), ("auto", None), ("4", 4)])
def test_shards_off_auto_or_a_number(tmp_path: Path, value: str, count: int | None) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(f"discord:\n  shards: {value}\n")
    assert load_settings(path).discord.shard_count == count
