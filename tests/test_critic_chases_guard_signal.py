"""A design answer that leaves out how its agent is kept from doing harm (permissions checked before an action, a person
approving a risky one) is chased on failure modes before its trade-offs, and the score does not move; stating the
guards, it is not. Driven through the CLI (a scripted offline session); the answers are our own words."""

from __future__ import annotations

from pathlib import Path

from tests.scripted_critique import main_critique

SEED = 74  # the senior-genai-engineer pack's one-question plan with this seed asks to design an agent that acts
ASKED = "Design an agent that can take actions"
DESIGN = (
    "The agent only ever refunds orders, so the requirement is narrow: support staff ask it in chat, about 2,000 "
    "refund requests a day, each answered within ten seconds. I would build it as a fixed graph of steps: look up the "
    "order, read the refund policy, draft the refund, then call the payments API. Every step and tool call goes into "
    "a trace with the order id, so when a refund looks wrong we can replay exactly what the model saw. If the payments "
    "API times out, the step retries twice and then hands the case to a person, so no refund is left half done. I "
    "chose a fixed graph over a free-running loop because each step can then be tested on its own."
)
GUARDED = (
    " Before the payments call, plain code checks that the staff member asking may refund that account; the model "
    "never decides that. Refunds above 300 euros wait until a team lead approves them in the console."
)


def test_a_design_leaving_out_its_guards_is_chased_on_failure_modes(isolated_data_dir: Path, tmp_path: Path) -> None:
    c = main_critique(tmp_path, "senior-genai-engineer", SEED, DESIGN, ASKED)
    assert c["weak_or_missing"][0] == "failure_modes", c["weak_or_missing"]
    assert "tradeoffs" in c["weak_or_missing"]
    assert c["score"] == 4


def test_a_design_stating_its_guards_is_not_chased_on_failure_modes(isolated_data_dir: Path, tmp_path: Path) -> None:
    c = main_critique(tmp_path, "senior-genai-engineer", SEED, DESIGN + GUARDED, ASKED)
    assert "failure_modes" not in c["weak_or_missing"], (c["weak_or_missing"], c["signals"]["missing"])
    assert c["score"] >= 4
