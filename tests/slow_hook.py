"""Make a moment of a child process certain: a `sitecustomize` on its path slows one function and leaves a file.

A pty test that stops the program "while X runs" cannot hit X by timing (a loaded machine moves it by seconds).
`slow_call` writes a sitecustomize.py that, when the named module is first imported, wraps one of its functions
(or a class's method): the first call whose arguments meet `condition` creates the mark file, then sleeps in 10 ms
steps (a signal is handled between them) before the real call (or after it: `after`). The test waits for the mark
and sends its signal, or does what must happen meanwhile and ends the pause at once with `release(mark)`.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

_FINDER = """
import importlib.abc, importlib.util, os, sys, time
class _Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name != {module!r}:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
{body}
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, _Hook())
"""


def _hook(module: str, body: str) -> str:
    """A sitecustomize that runs `body` (the code of exec_module(module), where run(module) executes the real
    module) in place of `module`'s import, once."""
    return _FINDER.format(module=module, body=textwrap.indent(textwrap.dedent(body).strip("\n"), " " * 12))


_SLOW_CALL = """
run(module)
owner = module
for part in {owner!r}:
    owner = getattr(owner, part)
real = getattr(owner, {name!r})
def slow(*args, **kwargs):
    mark = os.environ["SLOW_CALL_MARK"]
    if os.path.exists(mark) or not ({condition}):
        return real(*args, **kwargs)
    result = real(*args, **kwargs) if {after} else None
    open(mark, "w").close()  # the moment is here: the test sends its signal now
    for _ in range({steps}):
        if os.path.exists(mark + "-go"):  # release(mark)
            break
        time.sleep(0.01)
    return result if {after} else real(*args, **kwargs)
setattr(owner, {name!r}, slow)
"""


def slow_call(
    folder: Path, module: str, target: str, condition: str = "True", seconds: float = 1.0, after: bool = False
) -> tuple[dict[str, str], Path]:
    """Write the hook into `folder` (made here) for `target` ("function" or "Class.method") of `module`;
    `condition`: a Python expression over `args` and `kwargs` (for a method, args[0] is the instance); `after`:
    the pause (and the mark) come once the real call has returned, not before it.
    Returns the environment the child needs and the mark file it creates when the slow call starts."""
    folder.mkdir(parents=True, exist_ok=True)
    *owner, name = target.split(".")
    steps = max(1, round(seconds / 0.01))
    code = _hook(module, _SLOW_CALL.format(owner=owner, name=name, condition=condition, steps=steps, after=after))
    (folder / "sitecustomize.py").write_text(code, encoding="utf-8")
    mark = folder / "slow-call-started"
    return {"PYTHONPATH": str(folder), "SLOW_CALL_MARK": str(mark)}, mark


def release(mark: Path) -> None:
    """End the pause whose start made `mark` now, instead of after its `seconds`."""
    mark.with_name(mark.name + "-go").touch()


_SLOW_IMPORT = """
mark = os.environ["SLOW_CALL_MARK"]
open(mark, "w").close()  # in sys.modules, still empty: the test's moment
for _ in range({steps}):
    if os.path.exists(mark + "-go"):  # release(mark)
        break
    time.sleep(0.01)
run(module)
"""


def slow_import(folder: Path, module: str, seconds: float = 1.0) -> tuple[dict[str, str], Path]:
    """As slow_call, for the import of `module` itself: the mark is made while the module is in sys.modules but its
    code has not run yet (a partially initialized module), then the import waits `seconds` before running it."""
    folder.mkdir(parents=True, exist_ok=True)
    code = _hook(module, _SLOW_IMPORT.format(steps=max(1, round(seconds / 0.01))))
    (folder / "sitecustomize.py").write_text(code, encoding="utf-8")
    mark = folder / "slow-call-started"
    return {"PYTHONPATH": str(folder), "SLOW_CALL_MARK": str(mark)}, mark


_PAUSE_HOOK = """
import ctypes
# input() calls PyOS_InputHook after it has written its prompt and before it reads: pause() there waits for a signal
ctypes.c_void_p.in_dll(ctypes.pythonapi, "PyOS_InputHook").value = ctypes.cast(
    ctypes.CDLL(None).pause, ctypes.c_void_p
).value
"""


def signal_before_read(folder: Path) -> dict[str, str]:
    """A child whose input() waits, once its prompt is written and before its read starts, for a signal: the test's
    signal lands there for certain (a loaded machine hits that moment by chance). Returns the child's environment."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(_PAUSE_HOOK, encoding="utf-8")
    return {"PYTHONPATH": str(folder)}


_SLOW_FSYNC = """
import os, re, time
_fsync = os.fsync
def _slow_fsync(fd):
    try:
        path = os.readlink(f"/proc/self/fd/{{fd}}")
    except OSError:
        path = ""
    mark = os.environ["SLOW_CALL_MARK"]
    if os.path.exists(mark) or not re.search({pattern!r}, path):
        return _fsync(fd)
    _fsync(fd)  # the temp file is whole on disk; its rename into place has not happened
    open(mark, "w").close()
    for _ in range({steps}):
        if os.path.exists(mark + "-go"):  # release(mark)
            break
        time.sleep(0.01)
os.fsync = _slow_fsync
"""


def slow_fsync(folder: Path, pattern: str, seconds: float = 1.0) -> tuple[dict[str, str], Path]:
    """As slow_call, for the fsync of a file whose path matches the regular expression `pattern`
    (knowledge.paths.write_private: a temp file written whole, not yet renamed into place): the mark is made once
    the fsync is done, then it waits `seconds`. Returns the child's environment and the mark file."""
    folder.mkdir(parents=True, exist_ok=True)
    code = _SLOW_FSYNC.format(pattern=pattern, steps=max(1, round(seconds / 0.01)))
    (folder / "sitecustomize.py").write_text(code, encoding="utf-8")
    mark = folder / "slow-call-started"
    return {"PYTHONPATH": str(folder), "SLOW_CALL_MARK": str(mark)}, mark
