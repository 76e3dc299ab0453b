"""Where the tool keeps its files: the user's data directory (platformdirs), overridable.

INTERVIEWER_DATA_DIR overrides the location (tests point it at a temp dir).
A candidate's answers are private: the data dir is 0700 and everything the process creates is 0600/0700
(the process umask is tightened on first use), whatever the user's umask.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from functools import lru_cache
from pathlib import Path

APP_NAME = "mock-interviewer"
PACKAGE_DIR = Path(__file__).resolve().parent


class DataDirError(ValueError):
    """The data directory cannot be used (a file is in the way, no permission); the message names it."""


def private_umask() -> None:
    """Files and folders this process creates from now on are readable by their owner only."""
    os.umask(os.umask(0o077) | 0o077)


_SETTING = {"name": "INTERVIEWER_DATA_DIR"}


def name_data_dir_setting(name: str) -> None:
    """Say which setting chose the data folder (`--data-dir` when the session's option did), so a message about the
    folder names what the user typed (sweep 35 B22: "check INTERVIEWER_DATA_DIR" to one who had set no variable)."""
    _SETTING["name"] = name


def data_dir_setting() -> str:
    """The setting that chose the data folder: INTERVIEWER_DATA_DIR unless name_data_dir_setting() said otherwise."""
    return _SETTING["name"]


def data_dir_path(given: str | None = None) -> Path:
    """The data folder `given` names (else INTERVIEWER_DATA_DIR's, else the platform's), absolute, not created."""
    override = given or os.environ.get("INTERVIEWER_DATA_DIR")
    if override:
        return Path(override).expanduser().absolute()  # printed paths (reports) must work from any folder
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The user's data directory for indexes, sessions, reports; created (0700) on first use."""
    private_umask()
    path = data_dir_path()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
        if info.st_mode & 0o077 and info.st_uid == os.getuid():
            # made by an older version (or by hand) under umask 022; on a read-only mount it stays as it is: its
            # sessions are still listed and read, and the checks say "read-only" (stop 43: "cannot use data folder")
            with contextlib.suppress(OSError):
                path.chmod(info.st_mode & 0o700)
        if not os.access(path, os.R_OK | os.X_OK):  # another user's folder: "PermissionError: …" at its first file
            raise DataDirError(_unpermitted(path))
    except (FileExistsError, NotADirectoryError):
        raise DataDirError(_not_a_folder(path)) from None
    except PermissionError as exc:
        raise DataDirError(_unpermitted(path, exc)) from None
    except OSError as exc:
        raise DataDirError(f"cannot use data folder {path}: {exc.strerror or exc}") from None
    return path


def data_dir_problem() -> str | None:
    """Why data_dir() would refuse the data folder, found without creating it (a listing of a folder not made yet
    makes none), else None: the folder's path, or the nearest part of it that exists, is not a folder (a file, a
    link to nothing, a link loop). Stop 42: --list-sessions said "No saved sessions yet. Start one with: ..." for a
    data folder under a file, and the command it offered then failed."""
    path = data_dir_path()
    probe = path
    while not os.path.lexists(probe) and probe.parent != probe:
        probe = probe.parent
    if os.path.lexists(probe) and not probe.is_dir():
        return _not_a_folder(path)
    return None


def _unpermitted(path: Path, exc: OSError | None = None) -> str:
    """The one line for a data folder this user may not read (another user's, or mode 000; stop 43: "error:
    PermissionError: [Errno 13] …" from the session, a traceback from agent.progress)."""
    where = f" ({exc.filename})" if exc is not None and exc.filename and str(exc.filename) != str(path) else ""
    return (f"cannot use data folder {path}: permission denied{where}; this user may not read it (check "
            f"{data_dir_setting()}, or its owner and permissions)")  # fmt: skip


def _not_a_folder(path: Path) -> str:
    """The one line for a data folder that is a file, under one, or a link to nothing."""
    return f"data folder {path} is not a folder (check {data_dir_setting()})"


def temp_name(path: Path, hidden: bool = False) -> Path:
    """A temp file beside `path`, unique per writer (process id, then a random token): two threads or two
    processes saving the same file never share a temp file. Named NAME.PID-TOKEN.tmp so a stale one can be
    traced to its (dead) writer."""
    return path.with_name(f"{'.' if hidden else ''}{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def write_private(path: Path, data: str | bytes) -> None:
    """Write `path` atomically (temp file, fsync, rename) with mode 0600: a reader, or a crash mid-write,
    sees the old file or the new one, never an empty or half-written one."""
    payload = data.encode("utf-8", errors="replace") if isinstance(data, str) else data
    tmp = temp_name(path, hidden=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def samples_dir() -> Path:
    """The bundled sample story bank of a fictional candidate."""
    return PACKAGE_DIR / "samples"


@lru_cache(maxsize=4096)
def is_sample(source: str) -> bool:
    """Whether a story's source document is the bundled sample bank (a fictional candidate's, not the user's).

    Also true for an index built from the bank at another checkout path: the package's own samples folder.
    Cached per source: resolving both paths walks the file system (~0.15 ms), and every turn asks it of its stories."""
    path = Path(source)
    try:
        if path.resolve().is_relative_to(_samples_resolved()):
            return True
    except OSError:
        pass
    return path.parent.name == "samples" and path.parent.parent.name == "knowledge" and path.is_absolute()


@lru_cache(maxsize=1)
def _samples_resolved() -> Path:
    return samples_dir().resolve()


def roles_dir() -> Path:
    """The bundled role packs."""
    return PACKAGE_DIR / "roles"


def link_problem(path: Path) -> str | None:
    """What is wrong with `path` when it is (or passes through) a link that loops or points nowhere, in the words
    every path option uses ("a link that loops back on itself", "a link to X, which does not exist"), else None:
    such a path was called "not found", "unknown role" or "File exists" (sweep27 S5, S16)."""
    import errno

    try:
        path.resolve(strict=True)
        return None
    except RuntimeError:  # pathlib: "Symlink loop from ..."
        return "a link that loops back on itself"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link that loops back on itself"
    if not path.is_symlink():
        return None  # simply missing (or unreadable): the caller's own words
    try:
        target = path.resolve()
    except (RuntimeError, OSError):
        return "a link that loops back on itself"
    return None if target.exists() else f"a link to {target}, which does not exist"


def index_folder_problem(given: str) -> str | None:
    """Why --index `given` cannot hold the story index (a file where the folder, or one of its parents, should be),
    else None (sweep25 S7: it embedded everything, then said "(File exists); it will be rebuilt next time")."""
    path = Path(given).expanduser()
    if problem := link_problem(path):  # a loop or a dangling link: said as such, not "File exists" (sweep27 S5)
        return f"--index {given} is {problem}: give a folder for the story index"
    if _is_default_root(path):  # its entries are the indexes of each embedder, not files of the user's (sweep29 S6)
        return (f"--index {given} is the default story index folder, which holds one index per embedder: leave "
                "--index out to use it, or give an empty or new folder for the story index")
    for part in (path, *path.parents):
        if part.is_dir():
            return _foreign_files(given, path) if part == path else None
        if part.exists():
            if part == path:
                return f"--index {given} is a file, not a folder: give a folder for the story index"
            return f"--index {given}: {part} is a file, not a folder: give a folder for the story index"
    return None


INDEX_FILES = ("vectors.faiss", "docstore.json", "manifest.json")  # knowledge.index_store's files


def _is_default_root(path: Path) -> bool:
    """`path` is the data dir's index/ folder (knowledge.index_cache.default_index_dir makes one folder per
    embedder in it)."""
    try:
        return path.resolve() == (data_dir() / "index").resolve()
    except (OSError, RuntimeError, DataDirError):
        return False


def _foreign_files(given: str, folder: Path) -> str | None:
    """A folder holding files the story index did not write is not an index folder: saving the index there would
    replace a file of the user's (sweep28 S11: a web app's manifest.json was overwritten without a word)."""
    from knowledge import data_files
    from knowledge.index_store import MANIFEST_BYTES

    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return None  # unreadable: the save says why
    foreign = [n for n in names if not n.lstrip(".").startswith(INDEX_FILES)]
    odd = [n for n in names if n in INDEX_FILES and (folder / n).exists() and not (folder / n).is_file()]
    if odd:  # a pipe there hung the read of the index for ever (sweep28 S15)
        return (f"--index {given}: {odd[0]} there is not a regular file (a pipe, device or socket); nothing was "
                "written there: give an empty or new folder for the story index")
    manifest = folder / "manifest.json"
    if not foreign and manifest.is_file():
        try:
            data = data_files.load_json(manifest, MANIFEST_BYTES)
            if not (isinstance(data, dict) and "version" in data and "embedder" in data):
                foreign = ["manifest.json"]  # valid JSON, but not a story index's manifest
        except (OSError, UnicodeDecodeError, ValueError):
            pass  # a damaged manifest of an index: rebuilt, as ever
    if not foreign:
        return None
    shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
    return (f"--index {given} holds files that are not a story index's ({shown}); nothing was written there: give "
            "an empty or new folder for the story index")
