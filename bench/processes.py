"""The bench's child processes: the synthetic corpus server and a local Prefect server,
each bounded in time, and the environment every child runs with (bench/run.py and
bench/versus.py share them)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SERVER_LIFETIME = 4 * 3600  # seconds; every server the bench starts is bounded


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    # Measure as installed: with bytecode caching. Some shells set PYTHONDONTWRITEBYTECODE,
    # which makes every start compile Prefect and WeasyPrint from source (report +0.7 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180",
        PLEDGEWATCH_FETCH_ALLOW="127.0.0.1",  # the synthetic corpus is served on loopback
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


class CorpusProcess:
    """bench.corpus serve in a child process; stops when we close its stdin (or times out)."""

    def __init__(self, cfg: dict, prerender: bool) -> None:
        cmd = [PYTHON, "-m", "bench.corpus", "serve", "--outlets", str(cfg["outlets"])]
        cmd += ["--per-outlet", str(cfg["per_outlet"]), "--seed", str(cfg["seed"])]
        cmd += ["--latency-ms", str(cfg["latency_ms"]), "--fail-rate", str(cfg["fail_rate"])]
        cmd += ["--max-seconds", str(SERVER_LIFETIME)] + (["--prerender"] if prerender else [])
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=child_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        line = self.proc.stdout.readline().strip()
        if not line.startswith("READY "):
            self.stop()
            raise RuntimeError(f"corpus server did not start: {line!r}")
        self.base_url = line.split()[1]
        self.startup_s = round(time.perf_counter() - started, 2)

    def stats(self) -> dict[str, int]:
        self.proc.stdin.write("stats\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline().split()[1:]
        return {k: int(v) for k, v in (item.split("=") for item in line)}

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class PrefectServer:
    """`prefect server start` on 127.0.0.1 (a private PREFECT_HOME), bounded by `timeout`."""

    def __init__(self, home: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.api_url = f"http://127.0.0.1:{port}/api"
        self.home = home
        home.mkdir(parents=True, exist_ok=True)
        prefect = str(Path(PYTHON).with_name("prefect"))
        cmd = ["timeout", str(SERVER_LIFETIME), prefect, "server", "start"]
        cmd += ["--host", "127.0.0.1", "--port", str(port)]
        self.log = open(home / "server.log", "w")  # noqa: SIM115 (closed in stop)
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            cmd,
            cwd=home,
            env=child_env(PREFECT_HOME=str(home), PREFECT_UI_ENABLED="false"),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(self.api_url + "/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"prefect server did not start; see {home / 'server.log'}")
            time.sleep(0.25)
        self.startup_s = round(time.perf_counter() - started, 2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)  # our own session: the server we started
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()
