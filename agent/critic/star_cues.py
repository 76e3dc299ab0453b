"""Sentence cues for the STAR pass (agent/critic/star.py): patterns only, compiled once.

General English cues, not phrases tuned to particular answers: tense, anchors in time and place,
result markers, verdict words, and the vocabulary of software components.
"""

from __future__ import annotations

import re

from agent.critic.text import IRREGULAR_ACTIONS, word_set
from knowledge.pattern_screen import screened

# A lived setting: past tense or an anchored time/place ("last year", "at my previous company", "when I joined").
# Irregular past forms: a setting told in the past ("sellers wrote thin listings", "the vendor sent ...").
_IRREGULAR_PAST = (
    r"was|were|had|ran|led|built|took|made|grew|kept|went|did|spent|sat|lost|fell|rose|paid|sold|wrote|sent|got|"
    r"began|brought|thought|found|told|gave|chose|broke|saw|came|became|knew|felt|left|met|won|stood|drove|held|"
    + IRREGULAR_ACTIONS
)
LIVED_CONTEXT = re.compile(
    rf"\b(?:{_IRREGULAR_PAST}|\w+[^\We]ed|ago|"
    r"last (?:year|quarter|month|spring|summer|autumn|fall|winter)|"
    r"previous|back in|in (?:19|20)\d\d|when I|at my (?:last|previous|current|old)|on (?:my|our) (?:last|previous)|"
    r"I(?:'ve| have) (?:spent|been|done|built|led|run)|my current|our current|currently|today|right now)\b"
    r"|\b(?:context|situation|background|setting)\s*[:–-]",  # a labelled fragment: "- Context: billing API, 3 teams"
    re.IGNORECASE,
)
# A stricter lived anchor for answers that are usually hypothetical or a stance (technical, leadership): a past
# tense with a person or team as its subject, or an anchor in time/place. "the bi-encoder that retrieved them" or
# "teams that were blocked" describe how things work, not a setting.
LIVED_ANCHOR = re.compile(
    r"\b(?:(?:I|we|my team|our team|the team)\s+(?:\w+ly\s+)?(?:was|were|had|ran|led|built|took|made|grew|kept|"
    r"went|did|inherited|joined|managed|owned|\w+[^\We]ed)|(?:our|my)\s+(?:[\w-]+\s+){0,3}(?:was|were|had)|ago|"
    r"last (?:year|quarter|month|spring|summer|autumn|fall|winter)|previous (?:company|job|role|team|employer)|"
    r"back in|in (?:19|20)\d\d|when I|"
    r"at my (?:last|previous|current|old)|on (?:my|our) (?:last|previous)|I(?:'ve| have) (?:spent|been|done|built|"
    r"led|run)|my current|our current|there (?:was|were)|in my (?:last|previous|current|old) \w+)\b",
    re.IGNORECASE,
)
# "On a chargeback model with 0.7% positives, class weights took recall ...": a named case told in the past.
CASE_PHRASE = re.compile(
    r"\b(?:on|at|in) (?:a|an|one|our|my) (?:[\w-]+ ){0,3}(?:model|project|system|service|product|company|client|"
    r"pipeline|feature|assistant|launch|migration|team|role|job)\b",
    re.IGNORECASE,
)
PAST_VERB = re.compile(rf"\b(?:{_IRREGULAR_PAST}|\w+[^\We]ed)\b", re.IGNORECASE)
# "I ran an organization of 60 engineers": a sentence about the size of things sets a scene even in first person.
_COUNT = r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)"
SCALE_NOUN = re.compile(
    rf"\b{_COUNT}\s*(?:k|m|million|thousand)?\s+(?:\w+\s+)?(?:engineers|people|teams|users|reports|employees|"
    r"developers|managers)\b|\b(?:organi[sz]ation|org|team|group) of\b",
    re.IGNORECASE,
)
# A tenure or a place ("I managed the data team at a logistics company for three years") sets the scene.
_SCENE = r"when|at my|last|ago|our|my team|for (?:about |over |almost |nearly )?\w+ (?:years?|months?)|at an? \w+"
# "I built an internal tool that ...", "I managed the payments team, six engineers": introducing the thing or the
# post the story is about sets the scene.
_INTRODUCES = r"an? (?:[\w-]+ ){1,4}(?:that|which|who|for)\b"
_POST = r"(?:was|had|joined|inherited|started|managed|owned|led|ran)\b"
OPENS_ACTING = re.compile(
    rf"(?:Then|So|First|Also)?,?\s*I\s+(?:also\s+|then\s+)?(?!{_POST})[a-z]+ed\b"
    rf"(?![^.]*\b(?:{_SCENE}|who|which|{_INTRODUCES})\b)|(?:Then|So|First|Also)?,?\s*I\s+(?:gave|told|sent|"
    rf"took|made|set|wrote|met|got|put|kept|cut|built)\b(?![^.]*\b(?:{_SCENE}|{_INTRODUCES})\b)"
)
# An assumed setting of a design: numbers about users, traffic, data, or explicit assumptions.
ASSUMED = re.compile(
    r"\b(?:assum\w*|let's say|suppose|say we have|given|users?|customers?|tenants?|traffic|requests?|qps|rps|"
    r"volume|peak|per (?:second|day|minute)|a day|a second|documents?|records?|calls)\b",
    re.IGNORECASE,
)

TASK = re.compile(
    r"\b(?:(?:my|our|the)\s+(?:\w+\s+)?(?:job|task|goal|role|responsibility|mandate|mission|brief|objective|remit|"
    r"ask|aim|priority|call)\s+(?:was|is|were)\b|I\s+was\s+(?:\w+\s+)?(?:asked|tasked|hired|brought|responsible|given|"
    r"charged|assigned|accountable|expected|the\s+\w+\s+(?:lead|owner))|(?:I|we)\s+(?:\w+\s+)?(?:needed|had|wanted|"
    r"set out|aimed|was asked|were asked|got asked|have|need|must|want)\s+to\b|I\s+own(?:ed)?\b|"
    r"took\s+(?:on|over|ownership)|I\s+(?:mostly\s+|mainly\s+)?worked on|"
    r"it was (?:my|on me)|to decide (?:whether|how|if)|the question was|"
    r"looking for|in my next role|what I want|I want (?:a|to|the)|the problem (?:was|is|we)|"
    r"the challenge (?:was|is)|(?:I|we) committed to|I promised|signed up to|I wanted\b|"
    # "I made uptime my main goal", "making that our focus for the half": a goal the candidate took on.
    r"mad[ei]\w* (?:it|this|that|\w+) (?:my|our) (?:\w+ )?(?:priority|goal|focus|job|mission))",
    re.IGNORECASE,
)
# In a design, the goal is the requirements ("must support", "the goal is").
DESIGN_TASK = re.compile(
    r"\b(?:requi?r\w*ments?|goals?(?:\s+is|:)|the goal|must|should\s+(?:support|handle|serve|stay|keep)|needs? to)\b",
    re.I,
)
# In a motivation answer, the task is what the candidate is looking for next.
MOTIVATION_TASK = re.compile(
    r"\b(?:looking for|I(?:'d| would) (?:like|love)|I want|opportunity|next (?:step|role|stage)|excites? me|"
    r"interested in|hoping to|grow(?:th)?|to learn|to move (?:into|from))\b",
    re.I,
)
# Concrete design/technical moves (components, mechanisms) count as action in hypothetical answers.
MECHANISM = re.compile(
    r"\b(?:cache|caching|queue|kafka|database|db|index\w*|shard\w*|replica\w*|partition\w*|load balancer|api|"
    r"gateway|worker|batch\w*|stream\w*|embedding\w*|retriev\w*|rerank\w*|vector|model|fine-?tun\w*|prompt\w*|"
    r"eval\w*|pipeline|schema|endpoint|microservice|service|store|bucket|cdn|rate limit\w*|circuit breaker|"
    r"retry|retries|fallback|timeout|idempot\w*|consisten\w*|lock\w*|hash\w*|ttl|postgres\w*|redis|s3|"
    r"feature flag|canary|rollout|rollback|metric|alert\w*|dashboard|a/b|experiment|hire|hiring|1:1|one-on-one|"
    r"roadmap|okr|process|review|rotation|on-?call|postmortem|runbook|test\w*|benchmark\w*|profil\w*)\b",
    re.IGNORECASE,
)
ROLE_CLAIM = re.compile(
    r"\b(?:I|we|my team|our team|the team)\s+(?:also\s+|mostly\s+|mainly\s+)?(?:worked (?:on|in|with)|contributed to|"
    r"was part of|were part of|was involved in|were involved in|helped (?:out )?(?:with|on))\b",
    re.IGNORECASE,
)
VAGUE_ACTION = re.compile(
    r"\b(?:worked hard|aligned|align\w* everyone|helped|supported|collaborated|communicated|focused on|made sure|"
    r"took care|handled it|did my best|stepped up|drove alignment|was involved)\b",
    re.IGNORECASE,
)
# Result cues. Markers and changes that happen to things ("latency dropped") count anywhere after the action;
# agentive verbs ("we cut", "we retired") are also actions, so they count only near the end of the answer.
# Delivery verbs (shipped, launched, rolled out, went live) end the work; they do not say what changed.
RESULT_MARK = re.compile(
    # "a pickup time later than the delivery time" compares two things; "by the end of next month" is a deadline.
    r"\b(?:as a result|result(?:ed|ing)? in|the result|the outcome|in the end|ended up|eventually|afterwards|"
    r"later(?!\s+than)|since then|from then on|by the end(?! of (?:the )?(?:next|following|coming)\b)|which meant|"
    r"that meant|led to|so now|now|no longer|never again|"
    r"stopped|dropp\w*|fell|grew|rose|increased|decreased|doubled|tripled|halved|went (?:up|down|from)|came down|"
    r"went to (?=\d|zero|nothing|none|no\b|near|almost|about|under|over)|"  # "went to the team" is a step
    r"disappeared|renewed|stayed|churned|left|recovered|passed|became|turned into|went away|improved|"
    r"better|happier|success\w*|worked|went well|landed|"
    # How a matter settled or a figure came out: "it sorted itself out in two months", "returns came in under last
    # year's", "we looked again last quarter and it held", "the spike got it down to ninety minutes".
    r"sorted (?:itself|themselves) out|settled down|came in (?:under|below|over|above|ahead|at)|"
    r"(?:it|that|this|they) held(?=\s*[.!?;]|\s*$)|got (?:it|them|this|that) (?:down |up |back )?to|"
    # A state reached or kept after the work: "checkout was back up by noon", "the two still review together",
    # "he has since taken over the rota", "not one page in the year since".
    r"(?:is|are|was|were|came|got|be) back|back (?:up|online|on track|to normal)|(?<!was )(?<!were )(?<!had )still|"
    r"(?:has|have|had) since|ever since|held up|(?:has|have) held|since(?=\s*[.!?]*\s*$)|"
    # "in the eight months since there hasn't been ...": the time since the work, and what held in it.
    r"(?:in|over|for)\s+the\s+(?:\w+\s+)?(?:days?|weeks?|months?|quarters?|years?|releases?|sprints?)\s+since|"
    r"^since (?:the|that|this)\b|"  # "Since the switch, ..." opens what followed
    # A later piece of work told after the story ("On my next project, I ..."): the lesson applied is how it came
    # out. A launch dated against the plan ("the new flow went live in week six") tells when the work landed.
    r"^\W*(?:on|in|at|for|with)\s+(?:my|our|the)\s+(?:very\s+)?next\s+(?:project|role|job|team|company|launch|release|"
    r"product|model|migration|hire|attempt)|(?:went|was|were|came)\s+live(?=,?\s+(?:in|on|by|within|after|at|ahead|"
    r"before)\b))\b",
    re.IGNORECASE,
)
RESULT_AGENT = re.compile(
    r"\b(?:cut|reduced|saved|eliminated|hit|reached|won|retained|kept|closed|"
    r"completed|finished|signed|promoted|adopted|retired|caught|replaced|removed)\b",
    re.IGNORECASE,
)
# Evaluative words: a result made only of these is a bare verdict ("things improved", "it went well").
VERDICT = word_set(
    "went well success successful great good better worked fine positive happy happier improved "
    "improve things everyone overall really very result results outcome impact landed lot much "
    "people team teams smoother pleased late bit end felt feel complex"
)
# A comparison that says what changed, without a change verb: "sellers accepted far more drafts",
# "fewer returns were tagged as wrong size", "newcomers merged much sooner".
COMPARATIVE = re.compile(
    r"\b(?:(?:far|much|many|a lot|significantly|noticeably|considerably|markedly)\s+)?(?:more|fewer|less|sooner|"
    r"faster|earlier|quicker|cheaper|shorter)\b(?!\s+than\s+(?:planned|expected|estimated))",
    re.IGNORECASE,
)
# "The meeting became forty-five minutes", "each change now came with a summary": in a sentence where the
# candidate acts, these describe the new arrangement they set up (the action), not what changed because of it.
ARRANGEMENT = frozenset({"became", "become", "turned into", "now"})
# Irregular participles too: "the reviews he had left open" is the backstory. Not "held": "we revisited it after a
# quarter; recall had held at 0.80" tells how it turned out, looking back from the revisit.
PLUPERFECT = re.compile(
    r"\bhad\s+(?:been\s+|already\s+|just\s+)?(?:\w+[^\We]ed|\w+en|grown|fallen|left|kept|lost|made|built|sent|"
    r"spent|run|gone|become|brought|bought|taught|found)\b",
    re.I,
)
# "The problem became a one-page brief", "the ask turned into a pilot": the work redefined, not what it changed.
REFRAMED = re.compile(
    r"\b(?:the|our|my|this|that)\s+(?:real\s+)?(?:problem|question|ask|goal|task|brief|idea|plan|job|focus|scope|"
    r"project)\s+(?:then\s+|soon\s+|quickly\s+)?(?:became|turned into)\b",
    re.I,
)
# "'d" is "would" before a base verb ("she'd join") but "had" before a participle ("they'd been paging").
FUTURE = re.compile(
    r"\b(?:should|would|will|'ll|could|might|hope\w*|expect\w*|plan(?:s|ning)? to|going to)\b"
    r"|['’]d\b(?!\s+(?:\w+ly\s+)?(?:been|had|done|gone|seen|made|got|taken|grown|\w+ed)\b)",
    re.I,
)
# Uncertainty about the outcome itself: "the client looked calmer, I think", "not sure the change held".
HEDGE = re.compile(
    r"\b(?:I think|I guess|I believe|I suppose|I'm not sure|I am not sure|not sure|maybe|probably|perhaps|"
    r"seem(?:ed|s)?|apparently|I hope|hopefully|whether|(?:don't|do not|didn't) know|no idea)\b",
    re.I,
)

# Run only the alternatives whose literals are in the text (knowledge.pattern_screen): the same matches, less CPU.
RESULT_MARK = screened(RESULT_MARK)
COMPARATIVE = screened(COMPARATIVE)
