"""simplemma's low-memory lemma tables kept in the cache folder, mapped rather than read.

simplemma's ``StreamMap`` holds a language's front-coded stream (German: 6.7 MB, Bokmål 3.4 MB)
and an index of one entry per 32 records: a first key and a resume seed (offset, previous key,
previous value), about 120 bytes a block as Python objects (Bokmål: 2.4 MB). Here the stream is
the first part of a file in the cache folder, mapped into memory (pages no look-up has touched
take none), and the index is packed: the keys end to end with their end offsets. A
``StreamMap`` is then made over these, so simplemma's own look-up reads them unchanged: the same
lemma for every word.

The file is ``<stream><first keys><previous keys><previous values><four offset arrays><trailer>``;
the trailer holds the sizes. A damaged or missing file means building the table again.
"""

from __future__ import annotations

import mmap
import os
import struct
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

_MAGIC = b"TCLEMMA1"
# magic; sizes of the stream, the first keys, previous keys and values; blocks; reversed keys;
# records; the first record's offset
_TRAILER = struct.Struct("<8sQQQQQQQQ")


class Packed(Sequence[bytes]):
    """Byte strings stored end to end, read as a sequence (``bisect`` searches it)."""

    __slots__ = ("_blob", "_ends")

    def __init__(self, blob: bytes, ends: array[int]) -> None:
        self._blob = blob
        self._ends = ends

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> bytes: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[bytes]: ...
    def __getitem__(self, index: int | slice) -> bytes | Sequence[bytes]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._ends)
        start = self._ends[index - 1] if index else 0
        return self._blob[start : self._ends[index]]

    def __iter__(self) -> Iterator[bytes]:
        return (self[i] for i in range(len(self)))


class Seeds(Sequence[tuple[int, bytes, bytes]]):
    """The resume seeds of a stream's blocks: ``(offset, previous key, previous value)``."""

    __slots__ = ("_keys", "_offsets", "_values")

    def __init__(self, offsets: array[int], keys: Packed, values: Packed) -> None:
        self._offsets = offsets
        self._keys = keys
        self._values = values

    def __len__(self) -> int:
        return len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> tuple[int, bytes, bytes]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[int, bytes, bytes]]: ...
    def __getitem__(
        self, index: int | slice
    ) -> tuple[int, bytes, bytes] | Sequence[tuple[int, bytes, bytes]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._offsets[index], self._keys[index], self._values[index]


def _pack(items: Sequence[bytes]) -> tuple[bytes, bytes]:
    ends = array("Q")
    total = 0
    for item in items:
        total += len(item)
        ends.append(total)
    return b"".join(items), ends.tobytes()


def layout(table: Any) -> bytes:
    """The stored form of a built ``StreamMap``."""
    firsts, first_ends = _pack(table._firsts)
    seeds = list(table._blocks)
    keys, key_ends = _pack([seed[1] for seed in seeds])
    values, value_ends = _pack([seed[2] for seed in seeds])
    offsets = array("Q", (seed[0] for seed in seeds)).tobytes()
    data = bytes(table._data)
    trailer = _TRAILER.pack(
        _MAGIC,
        len(data),
        len(firsts),
        len(keys),
        len(values),
        len(seeds),
        int(table._rev),
        table._count,
        table._pos,
    )
    return b"".join([data, firsts, keys, values, offsets, first_ends, key_ends, value_ends, trailer])


def load(path: Path) -> Any | None:
    """The ``StreamMap`` stored at ``path`` (its stream mapped), or None when missing or damaged."""
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < _TRAILER.size:
                return None
            handle.seek(size - _TRAILER.size)
            magic, stream, first, key, value, blocks, rev, count, pos = _TRAILER.unpack(
                handle.read(_TRAILER.size)
            )
            if magic != _MAGIC or size != stream + first + key + value + 32 * blocks + _TRAILER.size:
                return None
            handle.seek(stream)
            rest = handle.read(first + key + value + 32 * blocks)
            data: Any = mmap.mmap(handle.fileno(), stream, access=mmap.ACCESS_READ) if stream else b""
    except (OSError, ValueError, struct.error):
        return None
    blobs = [rest[:first], rest[first : first + key], rest[first + key : first + key + value]]
    at = first + key + value
    arrays = []
    for _ in range(4):
        part = array("Q")
        part.frombytes(rest[at : at + 8 * blocks])
        arrays.append(part)
        at += 8 * blocks
    offsets, first_ends, key_ends, value_ends = arrays
    if blocks and not (first_ends[-1] == first and key_ends[-1] == key and value_ends[-1] == value):
        return None
    table: Any = StreamMap.__new__(StreamMap)
    table._data = data
    table._rev, table._count, table._pos = bool(rev), count, pos
    table._firsts = Packed(blobs[0], first_ends)
    table._blocks = Seeds(offsets, Packed(blobs[1], key_ends), Packed(blobs[2], value_ends))
    return table
