"""Pagefind's bundle made reproducible: the files it writes in hash-map order, re-encoded
sorted (a small reader and writer of the CBOR subset its data files use)."""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import Any

_SIGNATURE = b"pagefind_dcd"


def canonical_bundle(files: dict[str, bytes]) -> dict[str, bytes]:
    """The bundle with Pagefind's hash-map orders sorted, so the same pages give the same bytes.

    Pagefind 1.5 writes each filter's values, the list of filters in each language's
    ``pf_meta`` and the languages in ``pagefind-entry.json`` in hash-map order. These files
    are re-encoded sorted and renamed after their content, the way Pagefind names them. Any
    layout this does not recognise leaves the bundle as Pagefind wrote it.
    """
    try:
        renamed: dict[str, str] = {}
        out = {rel: data for rel, data in files.items() if not rel.startswith("filter/") and ".pf_meta" not in rel}
        for rel, data in files.items():
            if rel.startswith("filter/"):
                name, values = _unpack(data)
                lang = rel[len("filter/") :].split("_", 1)[0]
                payload = _cbor([name, sorted(([v, sorted(pages)] for v, pages in values), key=lambda x: x[0])])
                renamed[rel[len("filter/") : -len(".pf_filter")]] = new = f"{lang}_{_digest(payload, 7)}"
                out[f"filter/{new}.pf_filter"] = _pack(payload)
        languages: dict[str, str] = {}
        for rel, data in files.items():
            if rel.endswith(".pf_meta"):
                meta = _unpack(data)
                meta[3] = sorted(([name, renamed[old]] for name, old in meta[3]), key=lambda x: x[0])
                payload = _cbor(meta)
                old_hash = rel[len("pagefind.") : -len(".pf_meta")]
                languages[old_hash] = new = f"{old_hash.split('_', 1)[0]}_{_digest(payload, 10)}"
                out[f"pagefind.{new}.pf_meta"] = _pack(payload)
        entry = json.loads(files["pagefind-entry.json"])
        for info in entry["languages"].values():
            info["hash"] = languages[info["hash"]]
        entry["languages"] = dict(sorted(entry["languages"].items()))
        out["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return dict(sorted(out.items()))
    except (ValueError, KeyError, IndexError, TypeError, OSError, EOFError):
        return files


def _digest(payload: bytes, length: int) -> str:
    return hashlib.sha256(payload).hexdigest()[:length]


def _pack(payload: bytes) -> bytes:
    return gzip.compress(_SIGNATURE + payload, mtime=0)


def _unpack(data: bytes) -> Any:
    raw = gzip.decompress(data)
    if not raw.startswith(_SIGNATURE):
        raise ValueError("not a Pagefind data file")
    value, end = _uncbor(raw, len(_SIGNATURE))
    if end != len(raw):
        raise ValueError("trailing bytes")
    return value


def _uncbor(buf: bytes, i: int) -> tuple[Any, int]:
    """Decode the CBOR subset Pagefind's metadata and filter files use: integers, strings, arrays."""
    major, info = buf[i] >> 5, buf[i] & 31
    i += 1
    if info < 24:
        arg = info
    elif info <= 27:
        size = 1 << (info - 24)
        arg, i = int.from_bytes(buf[i : i + size], "big"), i + size
    else:
        raise ValueError("unsupported CBOR item")
    if major == 0:
        return arg, i
    if major in (2, 3):
        chunk = buf[i : i + arg]
        return (chunk.decode("utf-8") if major == 3 else bytes(chunk)), i + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, i = _uncbor(buf, i)
            items.append(item)
        return items, i
    raise ValueError("unsupported CBOR item")


def _cbor(value: object) -> bytes:
    if isinstance(value, bool) or value is None:
        raise ValueError("unsupported value")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_cbor(item) for item in value)
    raise ValueError("unsupported value")


def _head(major: int, arg: int) -> bytes:
    """A CBOR item head in its shortest form (as Pagefind's encoder writes it)."""
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("integer too large")
