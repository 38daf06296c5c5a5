"""COPY text format: deterministic uuids, escaped values and dates as text, built in bulk."""

from __future__ import annotations

import zlib
from datetime import date, timedelta

import numpy as np

NULL = r"\N"
UNIX_DAY = date(1970, 1, 1).toordinal()


def rng_for(seed: int, *parts: object) -> np.random.Generator:
    """A random stream of its own per topic (and chunk): the data of one table never shifts another's."""
    keys = [zlib.crc32(str(p).encode()) if not isinstance(p, int) else p for p in parts]
    return np.random.default_rng([seed, *keys])


def uuids(rng: np.random.Generator, n: int) -> list[str]:
    """n random version-4 uuids as 32 hex digits (PostgreSQL reads them without hyphens)."""
    raw = rng.integers(0, 256, size=(n, 16), dtype=np.uint8)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    text = raw.tobytes().hex()
    return [text[i:i + 32] for i in range(0, 32 * n, 32)]


def mapped(keys: np.ndarray, make) -> list[str]:
    """make(key) for every key, computing each distinct key's text once (dates, moments, enum values)."""
    if not len(keys):
        return []
    distinct, inverse = np.unique(keys, return_inverse=True)
    texts = [make(int(k)) for k in distinct]
    return [texts[i] for i in inverse.tolist()]


def pick(values: list[str], index: np.ndarray) -> list[str]:
    """values[i] for every i of an index array, as a list."""
    return [values[i] for i in index.tolist()]


def uuids7(rng: np.random.Generator, moments_ms: np.ndarray) -> list[str]:
    """Time-ordered uuids (version 7 layout: 48-bit Unix milliseconds, then random bits), one per moment.

    Used for the tall, append-only tables: their primary-key index then grows at its right edge, as with
    PostgreSQL 18's uuidv7(), instead of every insert landing on a random leaf page."""
    n = len(moments_ms)
    raw = rng.integers(0, 256, size=(n, 16), dtype=np.uint8)
    raw[:, :6] = np.asarray(moments_ms, dtype=">u8").view(np.uint8).reshape(n, 8)[:, 2:]
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x70
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    text = raw.tobytes().hex()
    return [text[i:i + 32] for i in range(0, 32 * n, 32)]


def unix_ms(day: int | np.ndarray, hour: int | np.ndarray = 0):
    """Milliseconds since 1970 of a day number (date.toordinal()) and hour, in UTC."""
    return ((np.asarray(day, dtype=np.int64) - UNIX_DAY) * 24 + hour) * 3_600_000


def esc(value: object) -> str:
    """One value in COPY text format (None is NULL)."""
    if value is None:
        return NULL
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


def line(*values: object) -> str:
    return "\t".join(esc(v) for v in values) + "\n"


class Days:
    """Day numbers (date.toordinal()) to ISO text, and moments of a day as timestamptz text."""

    def __init__(self, first: date, last: date) -> None:
        self.base = first.toordinal()
        self._text = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]

    def __call__(self, day: int) -> str:
        return self._text[day - self.base]

    def at(self, day: int, hour: int, minute: int = 0) -> str:
        """A moment in German local time (CET; summer time is ignored, the hour stays plausible)."""
        return f"{self._text[day - self.base]} {hour:02d}:{minute:02d}:00+01"


def months_later(day: date, months: int) -> date:
    """The same day of the month `months` later (as in the demo seed; the 1st in practice)."""
    month0 = day.month - 1 + months
    return date(day.year + month0 // 12, month0 % 12 + 1, 1) + timedelta(days=day.day - 1)
