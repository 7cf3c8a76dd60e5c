"""A progress bar on stderr, in Vietnamese: chunks, results, rate, time left.

On a terminal it redraws one line; in a log (not a terminal) it prints a line every tenth of
the work, so a long load leaves a readable trace instead of thousands of lines."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from chitieu.numbers import format_number

WIDTH = 24


def duration_vi(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} giây"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} phút {seconds} giây"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} giờ {minutes} phút"


class Progress:
    def __init__(self, stream: TextIO | None = None, label: str = "Nạp dữ liệu") -> None:
        self.stream = stream or sys.stderr
        self.label = label
        self.tty = self.stream.isatty()
        self.total = 0
        self.done = 0
        self.already = 0
        self.results = 0
        self.started = 0.0
        self._last_tenth = -1
        self._bar_open = False  # a terminal's bar line not yet ended by a newline

    def start(self, total: int, already: int = 0) -> None:
        self.total, self.already, self.done = total, already, already
        self.started = time.perf_counter()
        if already:
            self.stream.write(
                f"{self.label}: bỏ qua {format_number(already)} phần đã nạp trước đó\n"
            )
        self._draw()

    def advance(self, results: int) -> None:
        self.done += 1
        self.results += results
        self._draw()

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        fraction = self.done / self.total if self.total else 1.0
        bar = "█" * int(WIDTH * fraction) + "░" * (WIDTH - int(WIDTH * fraction))
        rate = self.results / elapsed
        loaded_now = self.done - self.already
        left = ""
        if loaded_now > 0 and self.done < self.total:
            left = f" · còn khoảng {duration_vi(elapsed / loaded_now * (self.total - self.done))}"
        return (
            f"{self.label} {bar} {format_number(self.done)}/{format_number(self.total)} phần"
            f" (tỉnh, năm) · {format_number(self.results)} kết quả"
            f" · {format_number(int(rate))} kết quả/giây{left}"
        )

    def _draw(self) -> None:
        if self.tty:
            self.stream.write("\r\033[K" + self.line())
            self.stream.flush()
            self._bar_open = True
            return
        tenth = int(10 * self.done / self.total) if self.total else 10
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def note(self, text: str) -> None:
        """A line of its own (what the load does besides chunks: index rebuilds)."""
        self._close_bar()
        self.stream.write(f"{self.label}: {text}\n")
        self.stream.flush()

    def _close_bar(self) -> None:
        if self._bar_open:
            self.stream.write("\n")
            self._bar_open = False

    def finish(self) -> None:
        self._close_bar()
        elapsed = time.perf_counter() - self.started
        self.stream.write(f"{self.label}: xong sau {duration_vi(elapsed)}\n")
        self.stream.flush()
