"""The dashboard served on a free port of the loopback, as a teacher runs it (`streamlit run app.py`): one
start, health check and stop for the benchmarks and the browser tests (tests/browser_helpers.py)."""

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

REPO = Path(__file__).resolve().parents[1]
STARTUP = 60  # s, for the server to answer its health check


class ServerFailed(RuntimeError):
    """The server exited or did not answer in time; the message holds its log."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


@contextlib.contextmanager
def served(log, *, data_dir: Path | None = None, port: int | None = None, script: str = "app.py",
           options: dict[str, str] | None = None):
    """Start `streamlit run <script>` in its own process group, wait for its health check and yield
    (process, base URL); stop the whole group after. No data_dir: the bundled story only. `options`:
    Streamlit settings for this server ("runner.postScriptGC": "true"), over .streamlit/config.toml."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false",
               *(f"--{name}={value}" for name, value in (options or {}).items())]
    env = {k: v for k, v in os.environ.items() if k != "FRAMING_DATA_DIR"}
    if data_dir is not None:
        env["FRAMING_DATA_DIR"] = str(data_dir)
    server = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + STARTUP
        while not healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise ServerFailed(f"streamlit did not answer on {url} within {STARTUP} s (exit code "
                                   f"{server.poll()}):\n{log.read().decode(errors='replace')}")
            time.sleep(0.2)
        yield server, url
    finally:
        stop(server)


def stop(server: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            break
        try:
            server.wait(wait)
            break
        except subprocess.TimeoutExpired:
            continue
