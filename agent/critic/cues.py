"""Cue patterns for what design, technical and stance answers should contain: trade-offs, requirements, failure
modes and reasons. General English and engineering vocabulary, compiled once; `find` returns the first sentence."""

from __future__ import annotations

import re

from agent.critic.text import Sentence
from knowledge.pattern_screen import screened

# "Fetched both pages at once rather than in sequence", "agreed the scope first instead of later": the same steps in a
# better order or at a better time give nothing up, so the contrast is not a trade-off (an alternative weighed with its
# price).
_NOT_ORDER = (
    r"(?!\s+(?:one after (?:the other|another)|in (?:sequence|series|turn)|sequentially|serially|"
    r"(?:after|later|afterwards)\b))"
)
_CUES: dict[str, re.Pattern[str]] = {
    "tradeoffs": re.compile(
        r"\b(?:trade-?offs?|at the (?:cost|expense) of|(?:instead of|rather than)" + _NOT_ORDER + r"|versus|vs\.?|"
        r"downsides?|"
        r"upsides?|on the other hand|the price|costs? (?:more|less)|sacrific\w*|compromis\w*|pros and cons|"
        r"alternatives?|cheaper|simpler|chose \w+ over|over-?engineer\w*|overkill|worth it|not worth|"
        r"in exchange|balanc\w*|but (?:it|that|this|the|you|we|then)\b"
        # A cost stated without the word: "cheap but lowers recall", "the cost is latency", "I'd accept that",
        # "fine for compliance, too slow for chat".
        r"|(?:cheap|fast|quick|simple|easy|accurate|precise|flexible|robust|safe|slow|expensive|costly|complex)\w*"
        r"\s*,?\s*but\b|but\s+(?:\w+\s+)?(?:lowers?|hurts?|costs?|adds?|loses?|slows?|locks?|limits?|doubles?|"
        r"triples?|needs?|requires?|misses|drops?|sacrifices?|gives? up|breaks?)\b"
        r"|the (?:cost|price|catch|downside|penalty) (?:is|was|being|here)\b"
        r"|(?:I'd|I would|we'd|we would|I'll|I will) (?:happily |gladly )?(?:accept|tolerate|live with|pay)\b"
        r"|(?:fine|acceptable|ok|okay|good enough|great|ideal)\s+for\b[^.!?]{0,80}?\b(?:not|too\s+\w+|wrong|"
        r"unacceptable)\s+for\b)",
        re.IGNORECASE,
    ),
    "requirements": re.compile(
        r"\b(?:requirements?|users?|qps|rps|requests? per|latency|p9[059]|sla|slo|throughput|availability|"
        r"consisten\w*|must|needs? to (?:support|handle|serve|be)|assum\w*|read-heavy|write-heavy|budget|"
        r"constraints?|functional|non-functional|clarify|scope|goals?|tenants?|peak|traffic)\b",
        re.IGNORECASE,
    ),
    "failure_modes": re.compile(
        r"\b(?:fail\w*|failover|fall(?:s|ing)? back|retr(?:y|ies|ied)|backpressure|back-pressure|degrad\w*|outages?|"
        r"single points?|"
        r"circuit[- ]breakers?|fallbacks?|timeouts?|redundan\w*|recover\w*|dead[- ]letter|idempoten\w*|"
        r"roll ?backs?|crash\w*|goes down|went down|is down|network partitions?|brownout|overload\w*|"
        r"rate[- ]limit\w*|disaster|replay|drift|hallucinat\w*|guardrails?|alert\w*|on-?call"
        # A rollback or a halted release said in plain words: "it halts the rollout on its own", "going back is one
        # setting that sends everyone to the old version".
        r"|(?:halt|pause|stop|abort)\w* the (?:rollout|release|deploy\w*|launch)"
        r"|(?:go|goes|going|went|switch\w*|send\w*|point\w*|revert\w*)(?: \w+)? back to the (?:old|previous|last)\b"
        r"|(?:sends?|sending|switch\w*|revert\w*)(?: \w+)? to the (?:old|previous|last) (?:version|model|release))\b",
        re.IGNORECASE,
    ),
    "rationale": re.compile(
        r"(?:\b(?:because|so that|since|the reason|which means|meaning|that's why|this is why|in order to|"
        r"given that|to avoid|to keep|to make sure|to prevent|otherwise|that way|this lets|which lets|lets us|"
        r"gives us|which gives|the point|the risk|this means|the cost of|worth|pays off)\b|,\s*so\b|"
        r"(?:^|[.;:]\s*)So\b"
        # Criteria stated before the choice: "I weigh three questions: ...", "my criteria are ...", "I decide on
        # two things".
        r"|\b(?:criteri(?:a|on)|(?:I|we) (?:weigh|ask|look at|check|decide on|judge (?:it )?(?:on|by)) "
        r"(?:two|three|four|five|a few) (?:questions|things|factors|tests|criteria))"
        # A property that makes the option good or bad ("a regex list is easy to bypass", "too slow for chat"): a
        # reason without "because".
        r"|\b(?:easy|easier|hard|harder|cheap|cheaper|safe|safer|risky|simple|simpler|impossible|trivial|costly)\s+to\s+"
        r"(?!be\b)\w+|\btoo\s+(?:slow|expensive|costly|risky|brittle|fragile|complex|big|small|weak|late)\s+(?:to|for)\b)",
        re.IGNORECASE,
    ),
}
# Run only the alternatives whose literals are in the text (knowledge.pattern_screen): the same matches, less CPU
# (not "requirements": its words are in most answers, and the screen costs more than it saves there).
_CUES = {cue: screened(pattern) if cue != "requirements" else pattern for cue, pattern in _CUES.items()}


# Contrast words that weigh nothing: a point waved aside ("..., but that's a minor thing"), a first impression
# corrected ("looks low, but the baseline ..."), wanting set against having to ("something teams choose rather than
# have to use"). Said so, the word gives no option up for another.
_DISMISSED = re.compile(
    r"\s*(?:that|it|this)(?:['’]s| is)\s+(?:(?:kind of|sort of|a bit|really|more|just|honestly)\s+)?(?:secondary|"
    r"minor|a (?:minor |small )?detail|a side (?:issue|point)|less important|not (?:the point|important|a priority|a "
    r"big deal|critical)|another (?:story|topic|conversation))\b",
    re.I,
)
_APPEARANCE = re.compile(r"\b(?:sounds?|looks?|seems?)\s+(?:\w+\s+)?\w+\s*,?\s*$", re.I)
_WANT_NOT_MUST = re.compile(r"\s+(?:have|having|need|needing)\s+to\b", re.I)


def _weighs(text: str, m: re.Match[str]) -> bool:
    """The trade-off cue `m` weighs one thing against another (not a contrast that gives nothing up)."""
    said = m.group(0).lower()
    if said.startswith("but") and (_DISMISSED.match(text, m.start() + 3) or _APPEARANCE.search(text, 0, m.start())):
        return False
    return not (said.startswith("rather than") and _WANT_NOT_MUST.match(text, m.end()))


def find(cue: str, sents: list[Sentence]) -> Sentence | None:
    """The first sentence with the cue, or None."""
    if cue == "tradeoffs":
        return next((s for s in sents if any(_weighs(s.text, m) for m in _CUES[cue].finditer(s.text))), None)
    return next((s for s in sents if _CUES[cue].search(s.text)), None)
