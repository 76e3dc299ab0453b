"""A missing signal asked as an interviewer would ask it, not in the rubric's wording.

Role-pack signals describe what a strong answer shows, in the third person ("Says how they tell the team whose work
is cut, such as in person"); quoting one back ("You didn't touch on this: says how they ...") reads like the rubric.
The signal becomes a question to the candidate: its examples ("such as ...") dropped, "they/their" turned to
"you/your", and its leading verb turned into the matching question.
"""

from __future__ import annotations

import re

# Words that open a "Says ..." signal with an indirect question: asked as "Tell me how you ...".
_WH = frozenset({"how", "what", "when", "why", "who", "whom", "which", "where", "whether"})
_PRONOUNS = {"they": "you", "their": "your", "theirs": "yours", "them": "you", "themselves": "yourself",
             "they're": "you're", "they'd": "you'd", "they've": "you've", "they'll": "you'll"}  # fmt: skip
# Verbs whose base form is not the third-person form minus its ending (and the few signals told in the past).
_BASE = {"has": "have", "does": "do", "goes": "go", "is": "are", "settled": "settle", "fixed": "fix",
         "built": "build", "wrote": "write", "checked": "check", "set": "set", "uses": "use", "changes": "change",
         "writes": "write", "saves": "save", "proposes": "propose", "argues": "argue", "rotates": "rotate",
         "validates": "validate", "estimates": "estimate", "measures": "measure", "describes": "describe",
         "structures": "structure", "enforces": "enforce", "captures": "capture", "requires": "require",
         "provides": "provide", "reserves": "reserve", "computes": "compute", "stores": "store",
         "calibrates": "calibrate", "evaluates": "evaluate", "vectorises": "vectorise", "profiles": "profile",
         "defines": "define", "leaves": "leave", "falls": "fall", "cites": "cite", "grounds": "ground",
         "indexes": "index", "fixes": "fix", "tries": "try", "applies": "apply", "relies": "rely"}  # fmt: skip
# Verbs that ask to be shown or told: "Can you describe ...?"
_TELL = frozenset({"describes", "explains", "lists", "gives", "quotes", "states", "shows", "compares"})
_SUCH_AS = re.compile(r",?\s+(?:such as|e\.g\.|for example|like)\b.*$", re.IGNORECASE)
# "... and compares the scores": a second verb of the signal (one with its object after it, not a plural noun).
_THIRD = re.compile(r"\b(and|or|then)\s+([a-z]+s)(?=\s+(?:the|a|an|it|them|your|its|each|every|what|how)\b)")


def _base(verb: str) -> str:
    """The base form of a third-person (or past) verb: "names" -> "name", "fixes" -> "fix"."""
    low = verb.lower()
    if low in _BASE:
        return _BASE[low]
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zes")):
        return low[:-2]
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def _second_person(text: str) -> str:
    return " ".join(_PRONOUNS.get(w.lower(), w) for w in text.split())


def ask_for(signal: str) -> str:
    """The interviewer's question for a signal the answer did not show."""
    text = _SUCH_AS.sub("", signal.strip()).rstrip(" .;:")
    words = text.split()
    if not words:
        return ""
    verb, rest = words[0], _second_person(" ".join(words[1:]))
    low = verb.lower()
    if low == "says":
        if rest and rest.split()[0].lower() in _WH:
            return f"Tell me {rest}."
        if rest.lower().startswith("you would "):  # "Says they would start by ..." -> "Would you start by ...?"
            return f"Would you {rest[len('you would '):]}?"
        return f"Would you say {rest}?"
    if low == "names":
        # "What about the initiative you pushed for and what about it failed?" reads oddly; a request to name it
        # fits every object a signal names (newcomer trial 37, N8).
        return f"Can you name {rest}?"
    if low in _TELL:
        rest = _THIRD.sub(lambda m: f"{m.group(1)} {_base(m.group(2))}", rest)
        return f"Can you {_base(verb)} {rest}?"
    if low.endswith(("s", "ed")) or low in _BASE:
        # "Runs the old and new prompts on the whole set and compares the scores": every verb to its base form.
        rest = _THIRD.sub(lambda m: f"{m.group(1)} {_base(m.group(2))}", rest)
        return f"How do you {_base(verb)} {rest}?"
    return f"What about {_second_person(text[0].lower() + text[1:])}?"  # a noun phrase ("A labelled set of ...")
