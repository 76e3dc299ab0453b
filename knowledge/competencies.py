"""The fixed competency vocabulary shared by role packs, stories and questions.

Role YAMLs use exactly these names, so they must not be renamed. Tagging is a deterministic keyword count:
each phrase that occurs adds its weight, competencies are ranked by total evidence, ties broken by the order
of COMPETENCIES (so the same text always gets the same tags).
"""

from __future__ import annotations

import re
from functools import lru_cache

COMPETENCIES: tuple[str, ...] = (
    "strategy",
    "people_leadership",
    "hiring",
    "execution",
    "stakeholder_management",
    "conflict_resolution",
    "technical_judgment",
    "system_design",
    "ai_ml",
    "data_platform",
    "incident_response",
    "quality_reliability",
    "cost_efficiency",
    "failure_learning",
    "communication",
    "motivation",
    "mentoring",
    "prioritization",
)

# Phrases are matched as whole words, case-insensitively; a trailing "*" matches any word ending.
# fmt: off
KEYWORDS: dict[str, tuple[str, ...]] = {
    "strategy": ("strategy", "strategic", "vision", "roadmap", "build vs buy", "build versus buy", "moat",
                 "differentiat*", "long-term", "competitor*", "market", "bet", "north star", "win against"),
    "people_leadership": ("team", "teams", "organization", "org", "squad*", "manage*", "managing", "managed",
                          "morale", "culture", "led", "lead the", "leadership", "direct reports", "reorg*",
                          "performance review*", "underperform*", "structure"),
    "hiring": ("hire", "hired", "hiring", "recruit*", "interview loop", "headcount", "onboard*", "job offer",
               "candidate*"),
    "execution": ("deliver*", "shipped", "ship", "launch*", "deadline*", "milestone*", "on time", "execution",
                  "sprint*", "timeline", "implemented", "rollout", "migrat*", "built"),
    "stakeholder_management": ("stakeholder*", "executive*", "leadership team", "product manager", "pm",
                               "customer*", "partner*", "alignment", "aligned", "buy-in", "escalat*",
                               "steerco", "business", "vp", "cro", "cfo", "ceo", "sales", "revenue", "finance",
                               "advertiser*", "client*", "sponsor*", "said no", "saying no", "expectations"),
    "conflict_resolution": ("conflict*", "disagree*", "disagreement", "pushback", "push back", "tension",
                            "argu*", "compromise", "consensus", "difficult conversation"),
    "technical_judgment": ("trade-off*", "tradeoff*", "trade off", "decision", "decided", "chose",
                           "evaluated", "alternative*", "option a", "option b", "technical debt", "tech debt",
                           "refactor*", "abstraction", "framework", "benchmark*", "technology"),
    "system_design": ("design the", "architecture", "architect*", "scalab*", "scale", "scaling", "horizontal*",
                      "distributed", "concurren*", "throughput", "latency", "cache", "caching", "queue*",
                      "microservice*", "api", "backend", "multi-tenan*", "tenant*", "stateless", "sharding"),
    "ai_ml": ("llm*", "ai", "ml", "machine learning", "model", "models", "embedding*", "rag", "agent*",
              "agentic", "prompt*", "hallucinat*", "fine-tun*", "gpt*", "inference", "vector", "genai",
              "evaluation harness", "evals", "nlp", "semantic"),
    "data_platform": ("data platform*", "database*", "sql", "sqlite", "postgres*", "warehouse", "pipeline*",
                      "etl", "schema", "query", "queries", "analytics", "data model*", "knowledge graph*",
                      "isolation level*", "transaction*", "kafka", "spark", "dataframe*"),
    "incident_response": ("incident*", "outage*", "production issue", "production error", "on-call",
                          "pager*", "root cause", "postmortem*", "post-mortem*", "debug*", "diagnos*",
                          "firefight*", "rollback", "sev1", "sev-1", "error*", "locked"),
    "quality_reliability": ("test*", "quality", "reliab*", "uptime", "sla*", "slo*", "regression*",
                            "coverage", "validation", "guardrail*", "observability", "monitoring", "accuracy",
                            "idempotent", "verification"),
    "cost_efficiency": ("cost*", "budget*", "spend", "saving*", "saved", "cheaper", "free tier", "$",
                        "efficien*", "roi", "cloud bill"),
    "failure_learning": ("fail*", "mistake*", "lesson*", "learned", "learning", "in hindsight", "regret*",
                         "went wrong", "retrospective", "correction", "pivot*"),
    "communication": ("communicat*", "explain*", "present*", "documented", "documentation", "writing",
                      "wrote", "storytelling", "non-technical", "audience", "clarity"),
    "motivation": ("why this company", "why do you want", "why us", "tell me about yourself",
                   "what drives you", "passion*", "motivat*", "excited", "career", "where do you see",
                   "looking for in", "drives me", "why join"),
    "mentoring": ("mentor*", "coach*", "grow*", "career development", "sponsor*", "feedback",
                  "one-on-one*", "junior*", "develop people", "promotion*"),
    "prioritization": ("priorit*", "trade off between", "scope", "scope-cut*", "cut scope", "backlog",
                       "focus", "good enough", "must-have", "triage", "urgent", "speed and quality",
                       "speed vs", "time-constrained"),
}
# fmt: on


def _words(text: str) -> frozenset[str]:
    """A word set written as one string (easier to read than a long list literal)."""
    return frozenset(text.split())


_WEIGHTS_BOOST = {"motivation": 2.0, "conflict_resolution": 1.5, "failure_learning": 1.5, "hiring": 1.5}

# A keyword that another subject's word in front of it turns into that subject: "customer feedback" is product
# research, not mentoring; "machine learning" is no lesson learned (newcomer trial N17: a product-research story
# tagged mentoring). Keyed by (competency, keyword as written above).
_QUALIFIED_AWAY: dict[tuple[str, str], frozenset[str]] = {
    ("mentoring", "feedback"): _words("customer customers user users client clients product market beta survey app "
                                      "store partner"),
    ("failure_learning", "learning"): _words("machine deep reinforcement transfer federated supervised "
                                             "self-supervised unsupervised active continual contrastive online"),
}  # fmt: skip
# Words a keyword's stem reaches that are no evidence of its competency: a failover is a design, and "failing"
# or "fails" says how something else is doing ("everyone else is failing"), not a failure the candidate owns.
_STEM_EXCEPTIONS: dict[str, frozenset[str]] = {"failure_learning": _words("failover failovers failing fails")}


_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_DOLLAR = re.compile(r"\$\s?\d")
# "Why Acme?", "Why Acme Cloud?": why this company, asked by its name (competency_for_question's fallback reads the
# question alone the same way); a prepared card under that question is motivation, whatever its answer mentions.
_WHY_NAMED = re.compile(r"\b[Ww]hy\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}\s*\?")


class _Matcher:
    """Keyword lookup on word tokens: exact words and word prefixes via dicts, phrases via substring counts.

    One big regex alternation per competency was ~10x slower; ingestion tags hundreds of stories.
    """

    def __init__(self) -> None:
        self.exact: dict[str, list[str]] = {}
        self.prefix: dict[str, list[tuple[str, str]]] = {}  # first 3 letters -> (stem, competency)
        self.phrases: list[tuple[str, bool, str]] = []  # (words, is_prefix, competency)
        self.dollar: list[str] = []
        for name in COMPETENCIES:
            for phrase in KEYWORDS[name]:
                is_prefix = phrase.endswith("*")
                stem = phrase.rstrip("*").lower()
                if phrase == "$":
                    self.dollar.append(name)
                elif " " in stem:
                    self.phrases.append((" ".join(_TOKEN.findall(stem)), is_prefix, name))
                elif is_prefix:
                    self.prefix.setdefault(stem[:3], []).append((stem, name))
                else:
                    self.exact.setdefault(stem, []).append(name)

    def scores(self, text: str) -> dict[str, float]:
        lowered = text.lower()
        tokens = [t[:-2] if t.endswith("'s") else t for t in _TOKEN.findall(lowered)]
        hits: dict[str, int] = {}
        for at, token in enumerate(tokens):
            before = tokens[at - 1] if at else ""
            for name in self.exact.get(token, ()):
                if before not in _QUALIFIED_AWAY.get((name, token), ()):
                    hits[name] = hits.get(name, 0) + 1
            for stem, name in self.prefix.get(token[:3], ()):
                if token.startswith(stem) and token not in _STEM_EXCEPTIONS.get(name, ()):
                    hits[name] = hits.get(name, 0) + 1
        joined = f" {' '.join(tokens)} "
        for words, is_prefix, name in self.phrases:
            n = joined.count(f" {words}" if is_prefix else f" {words} ")
            if n:
                hits[name] = hits.get(name, 0) + n
        if named := len(_WHY_NAMED.findall(text)):
            hits["motivation"] = hits.get("motivation", 0) + named
        if self.dollar:
            n = len(_DOLLAR.findall(text))
            for name in self.dollar:
                if n:
                    hits[name] = hits.get(name, 0) + n
        return {name: n * _WEIGHTS_BOOST.get(name, 1.0) for name, n in hits.items()}


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    return _Matcher()


def competency_scores(text: str) -> dict[str, float]:
    """Evidence per competency: number of keyword hits (boosted for rare, telling competencies)."""
    return _matcher().scores(text)


def tag_competencies(text: str, limit: int = 3) -> list[str]:
    """The `limit` competencies with the most evidence in `text`, strongest first (deterministic)."""
    scores = competency_scores(text)
    order = {name: i for i, name in enumerate(COMPETENCIES)}
    ranked = sorted(scores, key=lambda name: (-scores[name], order[name]))
    return ranked[: max(limit, 0)]


# Fallback by question shape when no keyword fires: a question still needs a competency a role pack knows.
_SHAPE_FALLBACK: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(why (do you|are you|would you)|yourself|motivat|passion)", re.I), "motivation"),
    (re.compile(r"^\W*why\s+[\w.&'-]+\W*$", re.I), "motivation"),  # "Why Acme?"
    (re.compile(r"\b(design|architect|scale)", re.I), "system_design"),
    (re.compile(r"\b(how (does|do|would)|explain|what is|why does)", re.I), "technical_judgment"),
    (re.compile(r"\b(team|people|lead|manage|org)", re.I), "people_leadership"),
)


def competency_for_question(text: str) -> str:
    """The single competency a question probes most; never empty."""
    tags = tag_competencies(text, limit=1)
    if tags:
        return tags[0]
    for pattern, name in _SHAPE_FALLBACK:
        if pattern.search(text):
            return name
    return "execution"
