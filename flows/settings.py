"""Where PledgeWatch reads and writes, resolved once to absolute paths.

Precedence: explicit values (flow parameters, CLI flags) > environment variables > defaults.
Nothing is relative to the current directory: Prefect's process worker runs flows in a
temporary directory, so a relative path would scatter data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


class SettingsError(ValueError):
    """A setting from the environment is invalid; the message names the variable."""


def env_number(var: str, default: str, kind: type = float):
    """A numeric setting; a bad value is a SettingsError naming the variable, not a traceback."""
    value = os.environ.get(var) or default
    try:
        return kind(value)
    except ValueError:
        raise SettingsError(f"{var}: {value!r} is not a number") from None


def _data_home() -> Path:
    explicit = os.environ.get("PLEDGEWATCH_HOME")
    if explicit:
        return Path(explicit).expanduser().resolve()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return (Path(xdg) / "pledgewatch").resolve()


@dataclass(frozen=True)
class SmtpSettings:
    """SMTP delivery; host None means write the message to the outbox instead."""

    host: str | None = None
    port: int = 587
    security: str = "starttls"  # starttls, tls or none
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = "PledgeWatch <pledgewatch@localhost>"
    recipients: tuple[str, ...] = ()
    timeout: float = 30.0
    retry_delays: tuple[float, ...] = (10.0, 60.0, 300.0)  # backoff between send attempts

    @property
    def configured(self) -> bool:
        return bool(self.host and self.recipients)


@dataclass(frozen=True)
class Settings:
    """Resolved paths and delivery settings for one run."""

    home: Path
    db_path: Path
    published_db_path: Path
    output_dir: Path
    outbox_dir: Path
    feeds_file: Path
    smtp: SmtpSettings

    def with_overrides(self, **values: str | Path | None) -> Settings:
        """Apply explicit (parameter) values; None means keep the resolved one."""
        given = {k: Path(v).expanduser().resolve() for k, v in values.items() if v is not None}
        # `given` holds path fields only; mypy checks **given against every field (smtp too).
        return replace(self, **given)  # type: ignore[arg-type]


def _smtp_from_env() -> SmtpSettings:
    env = os.environ.get
    recipients = tuple(r.strip() for r in env("PLEDGEWATCH_SMTP_TO", "").split(",") if r.strip())
    return SmtpSettings(
        host=env("PLEDGEWATCH_SMTP_HOST") or None,
        port=env_number("PLEDGEWATCH_SMTP_PORT", "587", int),
        security=env("PLEDGEWATCH_SMTP_SECURITY", "starttls"),
        username=env("PLEDGEWATCH_SMTP_USERNAME") or None,
        password=env("PLEDGEWATCH_SMTP_PASSWORD") or None,
        sender=env("PLEDGEWATCH_SMTP_FROM", SmtpSettings.sender),
        recipients=recipients,
        timeout=env_number("PLEDGEWATCH_SMTP_TIMEOUT", "30"),
        retry_delays=_delays(env("PLEDGEWATCH_SMTP_RETRY_DELAYS", "10,60,300")),
    )


def _delays(value: str) -> tuple[float, ...]:
    try:
        return tuple(float(d) for d in value.split(",") if d.strip())
    except ValueError:
        var = "PLEDGEWATCH_SMTP_RETRY_DELAYS"
        raise SettingsError(f"{var}: {value!r} is not a list of seconds (10,60,300)") from None


def load_settings(**overrides: str | Path | None) -> Settings:
    """Settings from the environment, then `overrides` (e.g. db_path=...) on top."""
    home = _data_home()
    env = os.environ.get

    def path(var: str, default: Path) -> Path:
        value = env(var)
        return Path(value).expanduser().resolve() if value else default

    db_path = path("PLEDGEWATCH_DB", home / "pledgewatch.duckdb")
    settings = Settings(
        home=home,
        db_path=db_path,
        published_db_path=path("PLEDGEWATCH_PUBLISHED_DB", home / "published" / db_path.name),
        output_dir=path("PLEDGEWATCH_OUTPUT", home / "briefings"),
        outbox_dir=path("PLEDGEWATCH_OUTBOX", home / "outbox"),
        feeds_file=path("PLEDGEWATCH_FEEDS", REPO_ROOT / "feeds.toml"),
        smtp=_smtp_from_env(),
    )
    return settings.with_overrides(**overrides)
