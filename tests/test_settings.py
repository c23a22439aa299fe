"""Settings resolve to absolute paths from parameters, environment and defaults, never the cwd."""

from __future__ import annotations

from pathlib import Path

from flows.settings import REPO_ROOT, load_settings


def test_defaults_live_under_pledgewatch_home(home, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.db_path == home.resolve() / "pledgewatch.duckdb"
    assert settings.output_dir == home.resolve() / "briefings"
    assert settings.outbox_dir == home.resolve() / "outbox"
    assert settings.published_db_path == home.resolve() / "published" / "pledgewatch.duckdb"
    assert settings.feeds_file == REPO_ROOT / "feeds.toml"
    assert not settings.smtp.configured


def test_environment_then_parameters_win(home, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLEDGEWATCH_DB", "relative/env.duckdb")
    monkeypatch.setenv("PLEDGEWATCH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("PLEDGEWATCH_SMTP_TO", "a@example.org, b@example.org")
    monkeypatch.setenv("PLEDGEWATCH_SMTP_PASSWORD", "hunter2")
    settings = load_settings()
    assert settings.db_path.is_absolute()
    assert settings.db_path == (tmp_path / "relative" / "env.duckdb").resolve()
    assert settings.smtp.configured and settings.smtp.recipients == (
        "a@example.org",
        "b@example.org",
    )
    assert "hunter2" not in repr(settings)
    explicit = load_settings(db_path="/srv/pw/x.duckdb")
    assert explicit.db_path == Path("/srv/pw/x.duckdb")
    assert explicit.output_dir == settings.output_dir  # untouched values stay resolved


def test_bundled_feeds_file_lists_the_real_outlets():
    from flows.feeds_config import load_feeds

    names = {feed.name for feed in load_feeds(REPO_ROOT / "feeds.toml")}
    for outlet in (
        "Euromaidan Press",
        "Kyiv Independent",
        "Defense News",
        "Breaking Defense",
        "NATO",
        "Ukrinform",
        "Ukrainska Pravda",
        "European Pravda",
        "GOV.UK",
    ):
        assert any(outlet in name for name in names), outlet
