"""knowledge.data_files, the one reader of the data folder's files: a pipe is refused without waiting (for reading,
and for writing with nobody reading it), a device is refused before a byte is read, a file over its cap is refused,
and JSON nested deeper than any file of ours is a ValueError, never RecursionError. Each call runs in a thread with a
deadline, so a wait on a pipe fails the test."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from knowledge import data_files


def soon(call: Callable[[], Any]) -> Any:
    """call()'s result or its exception, failing the test when it has not returned within 10 s."""
    out: dict[str, Any] = {}

    def go() -> None:
        try:
            out["value"] = call()
        except BaseException as exc:  # re-raised in the test's thread
            out["error"] = exc

    worker = threading.Thread(target=go, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "the call waited on the file"
    if "error" in out:
        raise out["error"]
    return out["value"]


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    path = tmp_path / "journal.json"
    os.mkfifo(path, 0o600)
    return path


def test_a_pipe_is_refused_without_waiting(pipe: Path) -> None:
    with pytest.raises(data_files.SpecialFileError) as raised:
        soon(lambda: data_files.load_json(pipe, 1000))
    assert str(raised.value) == f"{pipe}: not a regular file (a pipe, device, socket or folder)"
    with pytest.raises(data_files.SpecialFileError):  # opened to append (a lock file) with nobody reading it
        soon(lambda: data_files.open_regular(pipe, os.O_WRONLY | os.O_APPEND | os.O_CREAT))
    assert data_files.is_special(pipe)


def test_a_link_to_a_device_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "vectors.faiss"
    link.symlink_to("/dev/zero")
    with pytest.raises(data_files.SpecialFileError):
        soon(lambda: data_files.read_bytes(link, 1 << 30))
    assert data_files.is_special(link) and not data_files.is_special(tmp_path / "missing")


def test_a_file_over_its_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_bytes(b"[" + b"0," * 600 + b"0]")
    assert data_files.load_json(path, 2000) == [0] * 601
    with pytest.raises(data_files.TooLargeError) as raised:
        data_files.read_bytes(path, 1000)
    assert raised.value.size == 1203 and isinstance(raised.value, OSError)


@pytest.mark.parametrize("depth", [data_files.MAX_DEPTH + 1, 900, 200_000])
def test_deep_nesting_is_damaged_json(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "manifest.json"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    with pytest.raises(data_files.TooDeepError):
        data_files.load_json(path, 1 << 20)
    nested: Any = [1]
    for _ in range(data_files.MAX_DEPTH - 1):
        nested = {"k": nested}
    assert data_files.parse_json(json.dumps(nested)) == nested  # as deep as allowed: read
