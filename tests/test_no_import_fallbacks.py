"""A broken import of our own code must fail loudly: no test skips on it, no module falls back silently.

Third-party packages may still be optional (with a message that names them); our own modules may not.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OURS = ("agent", "knowledge", "evals", "prompts", "tests")
SKIP_WORDS = ("not there yet", "not bundled yet", "not available in this install")


def _ours(module: str | None) -> bool:
    return bool(module) and str(module).split(".")[0] in OURS


def _imports_in(nodes: list[ast.stmt]) -> list[str]:
    found: list[str] = []
    for node in nodes:
        for sub in ast.walk(node):
            if isinstance(sub, ast.ImportFrom) and sub.level == 0:
                found.append(sub.module or "")
            elif isinstance(sub, ast.Import):
                found += [alias.name for alias in sub.names]
    return found


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = [handler.type] if not isinstance(handler.type, ast.Tuple) else list(handler.type.elts)
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names)


def _python_files() -> list[Path]:
    return [p for top in OURS for p in (REPO / top).rglob("*.py") if ".venv" not in p.parts]


def test_no_try_except_import_error_around_our_own_modules() -> None:
    offenders = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Try) and any(_catches_import_error(h) for h in node.handlers):
                where = f"{path.relative_to(REPO)}:{node.lineno}"
                offenders += [f"{where} ({m})" for m in _imports_in(node.body) if _ours(m)]
    assert offenders == []


def test_no_test_skips_when_our_own_code_is_missing() -> None:
    offenders = []
    for path in (REPO / "tests").glob("*.py"):
        if path.name == Path(__file__).name:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "importorskip" and node.args
                    and isinstance(node.args[0], ast.Constant) and _ours(str(node.args[0].value))):  # fmt: skip
                offenders.append(f"{path.name}:{node.lineno} importorskip({node.args[0].value!r})")
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                offenders += [f"{path.name}:{node.lineno} {w!r}" for w in SKIP_WORDS if w in node.value]
    assert offenders == []
