"""Role packs: the bundled packs are complete and sharp; custom packs load; bad packs fail with one clear line."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from knowledge.models import QUESTION_TYPES
from knowledge.roles import COMPETENCIES, RoleFileError, UnknownRoleError, available_roles, load_role
from prompts import render

BUNDLED = ["ai-engineer", "director", "engineering-manager", "senior-genai-engineer"]

CUSTOM = """\
name: data-lead
title: Data Engineering Lead
competencies:
  data_platform: 2
  my_own_competency: 1
opening: "Welcome to the {role_title} interview."
questions:
  - id: pipelines
    text: How do you keep batch pipelines reliable?
    type: technical
    competency: data_platform
    signals: [Monitoring, Ownership]
  - text: Tell me about something only your team could have done.
    competency: my_own_competency
"""


def test_the_four_bundled_roles_are_available() -> None:
    assert available_roles() == BUNDLED


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_pack_is_complete(name: str) -> None:
    pack = load_role(name)
    assert pack.name == name and pack.title and pack.description
    assert len(pack.questions) >= 30
    assert len(pack.competencies) >= 6
    assert all(w > 0 for w in pack.competencies.values())
    assert set(pack.competencies) <= set(COMPETENCIES), "bundled packs use only the shared vocabulary"
    assert {q.competency for q in pack.questions} == set(pack.competencies), "every weighted competency is asked"
    ids = [q.id for q in pack.questions]
    assert len(ids) == len(set(ids))
    assert len({q.text.lower() for q in pack.questions}) == len(ids), "no repeated question text"
    for q in pack.questions:
        assert 2 <= len(q.signals) <= 4, q.id
        assert q.text.rstrip().endswith(("?", ".")), q.id
        assert q.source == name


@pytest.mark.parametrize("name", BUNDLED)
def test_every_question_type_a_pack_uses_has_at_least_three_questions(name: str) -> None:
    counts = Counter(q.type for q in load_role(name).questions)
    assert set(counts) <= set(QUESTION_TYPES)
    assert {"behavioral", "motivation"} <= set(counts)
    assert all(n >= 3 for n in counts.values()), counts


def test_leadership_roles_ask_leadership_and_design_questions() -> None:
    for name in ("director", "engineering-manager"):
        types = {q.type for q in load_role(name).questions}
        assert {"leadership", "system_design", "technical"} <= types
    assert "system_design" in {q.type for q in load_role("ai-engineer").questions}


@pytest.mark.parametrize("name", BUNDLED)
def test_opening_and_closing_render_with_the_role_title(name: str) -> None:
    pack = load_role(name)
    opening = render(pack.opening, role_title=pack.title, count=5)
    assert opening and "{" not in opening
    assert render(pack.closing, role_title=pack.title)


def test_question_line_points_at_the_question_in_the_file() -> None:
    pack = load_role("director")
    lines = Path(pack.source).read_text(encoding="utf-8").splitlines()
    for q in pack.questions[:5]:
        assert q.line is not None and f"id: {q.id}" in lines[q.line - 1]


def test_names_are_forgiving_about_case_spaces_and_unique_prefixes() -> None:
    assert load_role("Engineering Manager").name == "engineering-manager"
    assert load_role(" DIRECTOR ").name == "director"
    assert load_role("senior").name == "senior-genai-engineer"


def test_unknown_role_error_lists_the_available_roles() -> None:
    with pytest.raises(UnknownRoleError) as exc:
        load_role("chief-wizard")
    message = str(exc.value)
    assert "chief-wizard" in message
    assert all(name in message for name in BUNDLED)
    assert "\n" not in message
    assert isinstance(exc.value, ValueError)


def test_a_too_short_or_empty_name_is_unknown_not_a_guess() -> None:
    with pytest.raises(UnknownRoleError):
        load_role("e")
    with pytest.raises(UnknownRoleError):
        load_role("")


def test_custom_yaml_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "lead.yml"
    path.write_text(CUSTOM, encoding="utf-8")
    pack = load_role(str(path))
    assert pack.name == "data-lead" and pack.title == "Data Engineering Lead"
    assert [q.source for q in pack.questions] == ["data-lead", "data-lead"]
    assert pack.questions[1].id.startswith("tell-me-about-something-only")
    assert pack.questions[1].type == "behavioral"
    assert pack.questions[1].line == 13
    assert render(pack.opening, role_title=pack.title) == "Welcome to the Data Engineering Lead interview."


def test_custom_file_without_name_is_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "platform-lead.yaml"
    path.write_text(CUSTOM.replace("name: data-lead\ntitle: Data Engineering Lead\n", ""), encoding="utf-8")
    pack = load_role(str(path))
    assert pack.name == "platform-lead" and pack.title == "Platform Lead"


def test_edits_to_a_custom_file_are_picked_up_and_callers_cannot_corrupt_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "lead.yaml"
    path.write_text(CUSTOM, encoding="utf-8")
    first = load_role(str(path))
    first.questions.clear()
    assert len(load_role(str(path)).questions) == 2
    path.write_text(CUSTOM.replace("Data Engineering Lead", "Head of Data"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_role(str(path)).title == "Head of Data"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("name: x\nquestions: [\n  - broken", "invalid YAML at line"),
        ("- just\n- a list\n", "expected a mapping"),
        (CUSTOM.replace("competency: data_platform", "competency: plumbing"), "'plumbing' is not in the pack"),
        (CUSTOM.replace("  - text: Tell", "  - id: pipelines\n    text: Tell"), "duplicate question id"),
        (CUSTOM.replace("data_platform: 2", "data_platform: 0"), "weights must be > 0"),
        (CUSTOM.replace("type: technical", "type: trivia"), "questions.0.type"),
        (CUSTOM.replace("questions:", "qestions:"), "unknown key(s) qestions"),
        (CUSTOM.replace("    signals:", "    signal:"), "unknown key(s) signal"),
        (CUSTOM.replace("{role_title}", "{company}"), "unknown variable(s) company"),
        (CUSTOM.replace("{role_title}", "{"), "opening: expected '}'"),
        (CUSTOM.replace("data_platform: 2", "data_platform: high"), "competencies.data_platform"),
        (CUSTOM.split("questions:")[0] + "questions: []\n", "'questions' must be a non-empty list"),
    ],
)
def test_invalid_role_file_gives_one_line_naming_the_file(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad-role.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RoleFileError) as exc:
        load_role(str(path))
    message = str(exc.value)
    assert "bad-role.yaml" in message
    assert reason in message
    assert "\n" not in message


def test_bad_question_error_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(CUSTOM.replace("competency: my_own_competency", "competency: nope"), encoding="utf-8")
    with pytest.raises(RoleFileError, match=r"line 13"):
        load_role(str(path))


def test_missing_or_unreadable_role_file(tmp_path: Path) -> None:
    with pytest.raises(RoleFileError, match="role file not found"):
        load_role(str(tmp_path / "nowhere.yaml"))
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(RoleFileError, match="not UTF-8"):
        load_role(str(latin))
