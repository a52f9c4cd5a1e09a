"""Plotly figures to PNG through Kaleido 1.x and a Chromium already on the machine.

Kaleido never downloads anything here: the browser is named explicitly (never its or choreographer's
download helpers, never their local-download search), plotly.js comes from the installed plotly
package and MathJax is off (Kaleido would fetch it from a CDN). Where no browser is found,
`PngUnavailable` says what to install.

Starting Chromium takes seconds, so one Kaleido stays open on an event loop of its own and each call
hands it a figure (a few tenths of a second once it runs). Kaleido's own sync server does the same,
but a caller waits on it without a time limit (for ever if the browser never started) and results
share one queue between callers; here each call has its own future and a deadline, and a failure
closes the browser so that the next call starts afresh.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import shutil
import threading
from pathlib import Path

import plotly
import plotly.graph_objects as go

from framing.render.charts import on_white

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")  # Debian's package
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER_ENV = "BROWSER_PATH"  # the variable choreographer (Kaleido's browser driver) reads
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
START_SECONDS = 60
RENDER_SECONDS = 60
MISSING = ("PNG export needs Chromium: on Debian/Ubuntu `sudo apt install chromium`; "
           "the HTML handout and CSVs work without it.")


class PngUnavailable(RuntimeError):
    """No PNG can be made here: no browser, or the browser failed; the message says which."""


def find_browser() -> str | None:
    """The browser to use: $BROWSER_PATH if it names a program, else Debian's Chromium, else the
    first Chromium or Chrome on PATH."""
    on_path = (shutil.which(name) or "" for name in BROWSER_NAMES)
    candidates = [os.environ.get(BROWSER_ENV, ""), str(SYSTEM_CHROMIUM), *on_path]
    return next((path for path in candidates if path and os.path.isfile(path) and os.access(path, os.X_OK)), None)


def figure_png(figure: go.Figure, *, width: int, height: int, scale: float = 1) -> bytes:
    """The figure drawn as a PNG of width*scale by height*scale pixels."""
    browser = find_browser()
    if browser is None:
        raise PngUnavailable(MISSING)
    opts = {"format": "png", "width": int(width), "height": int(height), "scale": scale}
    return _renderer.render(browser, on_white(figure), opts)


class _Renderer:
    """One Kaleido (one Chromium) kept open on a background event loop, used by one call at a time."""

    def __init__(self):
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None
        self._browser = ""

    def render(self, browser: str, figure: go.Figure, opts: dict) -> bytes:
        with self._lock:
            try:
                if self._kaleido is None or browser != self._browser:
                    self._close()
                    self._start(browser)
                return self._run(self._kaleido.calc_fig(figure, opts=opts), RENDER_SECONDS)
            except Exception as error:  # a browser that failed once is not trusted again
                self._close()
                reason = error.args[0] if error.args else ""  # choreographer's first line; the rest is advice
                raise PngUnavailable(f"Chromium at {browser} could not draw the chart ({type(error).__name__}: "
                                     f"{reason}). The HTML handout and CSVs work without it.") from error

    def close(self) -> None:
        with self._lock:
            self._close()

    def _start(self, browser: str) -> None:
        import kaleido  # imported here: it starts nothing, but pages that never export need not load it

        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="kaleido", daemon=True).start()

        async def opened():
            chart_browser = kaleido.Kaleido(path=browser, plotlyjs=str(PLOTLY_JS), mathjax=False,
                                            timeout=RENDER_SECONDS)
            await chart_browser.open()
            return chart_browser

        self._kaleido = self._run(opened(), START_SECONDS)
        self._browser = browser

    def _run(self, coroutine, seconds: float):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(seconds)

    def _close(self) -> None:
        if self._kaleido is not None:
            with contextlib.suppress(Exception):  # closing a broken browser may fail too; the loop goes anyway
                self._run(self._kaleido.close(), 15)
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._loop, self._kaleido, self._browser = None, None, ""


_renderer = _Renderer()
atexit.register(_renderer.close)
