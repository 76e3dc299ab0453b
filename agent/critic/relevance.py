"""Relevance: does the answer address the question asked, or another question of the role pack far better?

Two views of fit, against every question of the role pack. Meaning: each sentence of the answer is compared with
each question, read with its signals (the critic's sentence vectors, semantic.py; features.TOPIC_SIGNALS); the fit
is the mean of the whole-answer similarity and the two best sentences' similarity. Words: the answer's share of each
question's distinctive words (lexical.py: the question and its signals, weighted by how rare each word is in the
pack). The answer is off topic when another question of the
pack fits its meaning better than the asked one AND the asked question's words fit it less than half as well as the
best other question's words: a polished story that shares one word ("budget", "pipeline") with the question asked
and the rest with another question. Either view alone misfires (a story told in other words than the question's;
a same-word, different-subject answer the embedder calls close), so both must agree; and an answer that covers
more than half of the asked question's signals (signals.py) is on topic whatever its words (not for motivation
questions, whose signals any work story brushes against). A motivation
question answered with no reason for wanting the role at all is off topic too (a work story told to "why this
role?"). When the question that fits best is a sibling of the asked one (same competency) the answer is partial, not
off topic, unless it sits squarely on the sibling (_sibling_led). A technical or design question that names a model
(MODEL_SUBJECT) answered at length without naming one is off topic, whatever words it shares; so is a story question
whose object is an AI system (AI_OBJECT) answered by a story naming no model nor anything such a system does. A question
outside any role pack has no rivals to compare with: only the non-answer check applies. A story that shows nothing of
the asked question nor of the questions it leans toward, and that static meaning and MiniLM both put far from the asked
one, is off topic with no question named (unplaced): a pack covers some subjects, not all; so is a story told to a
technical question that shows none of its signals, even weakly (bare): they are the mechanisms it asks about. Both views
read the story's own sentences, not one that restates the question (FRAME_WORDS).
Thresholds were chosen on the tuned labelled set (python -m evals.calibrate); the blind figures are in the README.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from agent.critic import lexical
from agent.critic.nonanswer import WRONG_ASKED, WRONG_TOLD
from agent.critic.question import QuestionInfo
from agent.critic.schema import Relevance
from agent.critic.semantic import Semantic
from agent.critic.signals import SignalHit
from agent.critic.text import STOPWORDS, Sentence, stem, word_set, words

# (other questions whose meaning fits the answer better than the asked one's, by how much the best of them fits
# better, the asked question's word fit as a share of the best other question's): the stronger the meaning
# evidence, the less the words need to say. Off topic when any row holds.
EVIDENCE = ((1, 0.0, 0.45), (2, 0.08, 0.60))
# An answer that shows none of the question's signals, and whose meaning another question fits better, is off topic
# when the asked question's words fit it less than this share of that question's words; or, when its words favour
# the asked question no more than another (share < 1), when at least FAR_AHEAD other questions fit its meaning
# better and the best of them by FAR_MARGIN (a night's outage told to "a serious disagreement with a peer").
UNSHOWN_SHARE = 0.80
FAR_AHEAD = 4
FAR_MARGIN = 0.07
# A sibling (same competency) leads by meaning: the answer is partial, not off topic, when the asked question's word
# fit is at least this share of the best other-competency question's (_sibling_led): the share below which
# EVIDENCE's first row calls the words another question's.
SIBLING_WORDS = 0.45
# The other questions whose signals are checked before an answer is called theirs (features.py): the best few by
# meaning and the best few by words.
LEADERS = 3
SAME_QUESTION = 0.80  # pack questions this close to the asked one are the same question, not a rival
# A reason for wanting the role: what a motivation answer is made of, however generic.
MOTIVE = re.compile(
    r"\b(?:this (?:role|team|company|job|position|opportunity|mission|product)|your (?:team|company|product|"
    r"mission|platform|customers|users|work)|you(?:'re| are| have| do)|I(?:'m| am) (?:looking|excited|drawn|keen|"
    r"interested|ready)|I want|I'd (?:like|love)|I would (?:like|love)|why (?:now|here|this)|next (?:step|role|"
    r"chapter)|career|looking for|excite[sd]?|appeal\w*|attract\w*|motivat\w*|passion\w*|grow|learn)\b",
    re.IGNORECASE,
)
# What a question about models names its subject with: a technical or design question that names one and an answer
# of some length that names none is about another system (a build pipeline's speed told to a question about a
# training step's, a web page's rollout to a model version's), however many words of the question it shares.
MODEL_SUBJECT = re.compile(
    r"\b(?:models?|LLMs?|ML|machine learning|GenAI|training|trained|inference|predict\w*|embedd\w*|tokens?|prompts?|"
    r"classifiers?|GPUs?|labels?|labell?ed|fine-?tun\w*|retriev\w*|RAG|agents?|evals?|evaluation|weights|neural|"
    r"transformers?|datasets?|recall|precision|accuracy)\b",
    re.IGNORECASE,
)
# A story question whose object is an AI system ("an AI feature you owned", "the LLM feature you are proudest of",
# "an ML or LLM feature you took to production") asks about that system: a story of some length that names no model
# nor anything such a system does (an assistant, a summary, a draft, a forecast) tells of another system, however
# well it tells it (a batch bill cut told to a question about an AI feature that misbehaved). A question that names a
# model as one place among others ("a customer, a report or a model") leaves the subject open and is not matched.
AI_OBJECT = re.compile(
    r"\b(?:AI|LLM|ML|GenAI)(?: or (?:AI|LLM|ML|GenAI))? (?:features?|systems?|products?|assistants?|agents?|"
    r"applications?)\b"
)
AI_TOLD = re.compile(
    r"\b(?:AI|assistants?|copilots?|chat ?bots?|bots?|summar\w*|suggest\w*|recommend\w*|generat\w*|hallucinat\w*|"
    r"forecast\w*|detectors?|rerank\w*|draft\w*|rewrit\w*|translat\w*|transcri\w*|classif\w*|extract\w*|Q&A|"
    r"question[- ]answering)\b",
    re.IGNORECASE,
)
# A question that asks for something that went wrong (a failure of the candidate's own: "an approach you pushed for
# that did not work out") is answered by such a story whatever its subject; the subject is the candidate's choice.
FAILURE_ASKED = re.compile(rf"\b(?:{WRONG_ASKED})\b", re.IGNORECASE)  # nonanswer's words, but "slipped"
# How a story says it went wrong: "it did not work", "the pilot failed", "I was wrong", "we dropped it", "we rolled
# it back", "nobody used it", "it fell flat".
# Or owns the error ("my misjudgement", "I misread the teams") or tells how it was stopped ("I made the call to pause
# it", "we halted the rollout"): a failure told in a director's words names neither "failed" nor "wrong".
FAILURE_TOLD = re.compile(
    rf"\b(?:{WRONG_TOLD}|misjudg\w*|misread|(?:I|we) (?:dropped|abandoned|"
    r"scrapped|shelved|killed|reverted|rolled back|wound down|paused|halted|stopped|cancell?ed|called off|unwound) "
    r"(?:it|the|that|this)|(?:call|decision|decided) to (?:pause|halt|stop|cancel|drop|abandon|scrap|shelve|kill|"
    r"revert|roll back|wind down|call off|unwind) (?:it|the|that|this)|fell (?:short|apart|flat)|"
    r"never (?:took off|caught on)|"
    r"(?:rolled|pulled|took) (?:it|that|this|them) (?:back|out)|(?:nobody|no one|almost nobody) used)\b",
    re.IGNORECASE,
)
# A question that asks for a disagreement ("a time you disagreed with a teammate", "a conflict between two
# engineers") is answered by one whatever its subject: the technical matter argued over is the candidate's choice.
CONFLICT_ASKED = re.compile(r"\b(?:disagree\w*|conflicts?|argu\w*|push(?:ed)? back)\b", re.IGNORECASE)
# How a story gives another party's position: "my VP wanted to buy", "a teammate proposed", "she insisted on", with
# the party's name after its role ("my teammate Anika wanted").
OTHER_STANCE = re.compile(
    r"\b(?:teammate|colleague|peer|VP|CTO|CPO|CEO|boss|manager|director|lead|leader|head of \w+|PM|owner|engineer|"
    r"architect|he|she|they)\s+(?:(?-i:[A-Z][a-z]+)\s+)?(?:(?:really|strongly|initially|originally|still)\s+)?"
    r"(?:wanted|proposed|pushed for|"
    r"preferred|insisted|argued|suggested|favou?red|was set on|was convinced|planned to|asked (?:us|me) to)\b",
    re.IGNORECASE,
)
# How it gives the opposing one: "I disagreed", "I thought the demo set was too easy", "I pushed back", "we disagreed",
# or the candidate's own position beside the other's ("I wanted a classifier of our own").
OPPOSED = re.compile(
    r"\b(?:I (?:disagreed|pushed back|objected|argued|was against|was(?:n't| not) convinced|had (?:doubts|concerns)|"
    r"(?:wanted|preferred|favou?red|proposed)\b|"
    r"did(?:n't| not) agree|thought (?:it|that|this|the|we|our|his|her|their)\b)|(?:we|they) disagreed|"
    r"disagreement|(?:the )?other (?:one|engineer|side) (?:wanted|preferred|argued))",
    re.IGNORECASE,
)
# A disagreement question that names an engineer as the other party ("a teammate", "another engineer", "two engineers
# on your team") asks about a disagreement between engineers; a story whose opening sets the candidate against someone
# outside engineering ("our head of sales", "the CFO", "a customer") tells another kind of disagreement, however well.
ENGINEER_PARTY = re.compile(
    r"\b(?:teammates?|another engineer|other engineers?|engineers on your team|two engineers)\b", re.IGNORECASE
)
# A customer is a party only as one who wants or asks something ("a customer insisted", "our client asked for"):
# "a near miss could hand a customer the wrong answer" says who a design serves, not who argued.
OUTSIDE_PARTY = re.compile(
    r"\b(?:CEO|CFO|COO|CPO|CMO|board|head of (?!engineering\b|platform\b|data\b|ML\b|AI\b)\w+|"
    r"(?:sales|marketing|finance|legal|support|operations) (?:lead|leader|head|director|manager|VP|team)|"
    r"(?:customers?|clients?)(?=\s+(?:\w+\s+)?(?:wanted|asked|insisted|demanded|pushed|expected|refused|threatened|"
    r"complained|was|were)\b))\b",
    re.IGNORECASE,
)
# An engineer named by seniority or by what they designed counts too ("another senior on the team", "our tech lead").
ENGINEER_WORDS = re.compile(
    r"\b(?:engineers?|teammates?|developers?|colleagues?|(?:another|a fellow|other) seniors?|tech lead|staff)\b",
    re.IGNORECASE,
)
# A disagreement question that names a peer ("a peer director or product leader") is not answered by a disagreement
# with the candidate's own superior ("our CEO", "the founder", "the board"), which is managing up.
PEER_PARTY = re.compile(r"\bpeers?\b", re.IGNORECASE)
PEER_WORDS = re.compile(r"\b(?:peers?|directors?|head of \w+|product (?:lead|leader|manager)|VP|counterpart)\b",
                        re.IGNORECASE)  # fmt: skip
SUPERIOR = re.compile(r"\b(?:CEO|founders?|board|my boss|my manager)\b", re.IGNORECASE)
# A question that asks for something the candidate or their team built and shipped ("a feature you took from idea
# to production", "the feature you are proudest of shipping", "the most complex project your team delivered"): its
# subject is the candidate's choice, as a disagreement's or a failure's is.
DELIVERY_ASKED = re.compile(
    r"\b(?:feature|project|system|product|tool)\b[^.?]{0,40}\b(?:you|your team)\b[^.?]{0,40}\b(?:took|shipp\w*|"
    r"built|deliver\w*|launch\w*|proudest)\b"
    # Or a delivery held to a date ("a delivery with a fixed deadline ... what did you ship?"): what was due is theirs.
    r"|\bdeliver\w*\b[^?]{0,60}\bdeadline\b|\bwhat did you (?:ship|deliver)\b",
    re.IGNORECASE,
)
# A question that asks for criticism the candidate received and what they changed ("the most useful critical
# feedback you have received"): what the criticism was about is the candidate's choice.
FEEDBACK_ASKED = re.compile(
    r"\b(?:feedback|criticism)\b[^?]{0,40}\b(?:you (?:have )?(?:received|got|were given)|given to you)\b",
    re.IGNORECASE,
)
# How a story tells it: someone tells the candidate ("she told me", "he pointed out that my ...", a quoted remark
# put to them), and what the candidate does differently since ("every review I give now ...", "since then").
TOLD_ME = re.compile(
    r"\b(?:told|asked|warned|showed|reminded) me\b|\bpointed out\b|\bgave me (?:\w+ )?(?:feedback|notes?|advice)\b",
    re.IGNORECASE,
)
CHANGED_SINCE = re.compile(
    r"\b(?:now|since then|ever since|from then on|these days|changed|I (?:stopped|started) \w+ing)\b",
    re.IGNORECASE,
)
# How a story says it was built and shipped: "I built it all", "my team rebuilt the tool", "it went live in the
# quarter", "we rolled it out to every region", "turned it on for everyone", "three months after launch". Not "to
# production" alone: "my pull requests were too big to review before they went to production" tells a habit.
DELIVERY_TOLD = re.compile(
    r"\b(?:(?:I|we|my team|the team)\s+(?:\w+\s+){0,2}?(?:built|rebuilt|shipped|launched|delivered|deployed|released|"
    r"rolled (?:it |this |that )?out)|went live|(?:turned|switched) (?:it|this|that) on for|"
    r"(?:after|at|since) (?:the )?launch)\b",
    re.IGNORECASE,
)
# A question that asks for an incident in production ("a production incident on your team's services", "a time an
# AI feature you owned misbehaved in production") is answered by one whatever broke: what went wrong or how it came
# to light ("it started quoting prices that did not exist", "a customer reported ...") and what was done about it ("I
# turned the feature off", "we rolled it back", "traced it to a cache key"). What broke is the candidate's choice,
# within what the question names (AI_OBJECT is checked first).
INCIDENT_ASKED = re.compile(r"\b(?:production|incident|outage)\b", re.IGNORECASE)
WENT_WRONG = re.compile(
    r"\b(?:broke|broken|went down|outage|incident|errors?|wrong|fail(?:ed|ing|ures?)|crash\w*|bugs?|corrupt\w*|"
    r"stopped (?:\w+ing|working)|started \w+ing|misbehav\w*|degraded|spiked?|reported|flagged|complained|alerts?|"
    r"paged|screenshot|noticed|(?:told|emailed|messaged|showed) us|wrote in)\b",
    re.IGNORECASE,
)
MITIGATED = re.compile(
    r"\b(?:(?:turned|switched|shut) (?:\w+ ){0,3}off|disabled|rolled (?:\w+ )?back|revert\w*|traced (?:\w+ ){0,3}to|"
    r"root cause|hot-?fix\w*|patched|the cause was|caused by|(?:I|we) (?:found|fixed) (?:the|that|it)|mitigat\w*)\b",
    re.IGNORECASE,
)
# Asked for an incident, a story can open on a planned event instead: a launch, a migration, a move out of a data
# centre, a drill or a game day. Those are told in the question's nouns (production, services, the org, a rollback
# rehearsed) and can be polished and measured; they are still not something that broke. The opening names the planned
# event (PLANNED_EVENT) and tells nothing breaking (BROKE), and no sentence tells the incident (incident_told).
PLANNED_EVENT = re.compile(
    r"\b(?:drills?|game ?days?|rehears\w*|dry[- ]runs?|exercises?|migrat\w*|exit(?:s|ed|ing)?|cut-?overs?|"
    r"launch\w*|rollouts?|upgrades?)\b",
    re.IGNORECASE,
)
BROKE = re.compile(
    r"\b(?:broke|broken|went down|going down|down for|outages?|fail(?:ed|ing|ures?)|crash\w*|bugs?|wrong|errors?|"
    r"stopped|started \w+ing|stale|tim(?:ing|ed) out|corrupt\w*)\b",
    re.IGNORECASE,
)
# A question that asks about a time the team carried too much ("your team was overloaded. What did you change?") is
# answered by a story whose opening tells the load, in whatever words ("swamped", "drowning", "every request went
# through me", "weekends"), and that tells a change the candidate made to it (split the group, paused intake, dropped
# a project, scrapped a shared rota, deleted noisy alerts). Not a change of another kind: a stretched team that then
# hired someone tells a hire (no LOAD_CHANGED).
LOAD_ASKED = re.compile(r"\b(?:overloaded|overwork\w*|stretched|burn(?:ed|t)?[- ]?out|burnout)\b", re.IGNORECASE)
LOAD_TOLD = re.compile(
    r"\b(?:overloaded|overwork\w*|swamped|drowning|stretched(?: thin)?|underwater|buried|burn\w*[- ]?out|burnout|"
    r"exhausted|tired|too much|more than we could|weekends|overtime|late nights|every night|most nights|"
    r"(?:every|each|all) (?:request|decision|call|question)s?\b[^.]{0,40}\b(?:through|on|to) me)\b",
    re.IGNORECASE,
)
LOAD_CHANGED = re.compile(
    r"\b(?:I|we)\s+(?:\w+\s+){0,2}?(?:split|broke|reorgani[sz]ed|restructured|paused|postponed|dropped|cut|deferred|"
    r"stopped|froze|moved|handed|removed|pushed back|said no|renegotiated|cancell?ed|shrank|narrowed|delayed|scrapped|"
    r"replaced|deleted|trimmed|capped|reassigned|rebalanced|retired)\b",
    re.IGNORECASE,
)
LOAD_OPENING = 2  # the sentences that must tell the load: a story that only passes through it tells something else
# A question about the candidate's one-on-ones ("what do your one-on-ones look like?") is answered by a description
# of a meeting held with each person on a cadence ("every Monday, half an hour with each of my engineers"), however
# weak its content: a status walk-through of tickets is a poor one-on-one, not another question's answer.
MEETING_ASKED = re.compile(r"\b(?:one-on-ones?|one on ones?|1:1s?|1-on-1s?|skip-levels?)\b", re.IGNORECASE)
MEETING_TOLD = re.compile(
    r"\b(?:one-on-ones?|one on ones?|1:1s?|1-on-1s?|skip-levels?)\b|\b(?:with|for) each (?:of (?:my|our|the) )?"
    r"(?:\w+ )?(?:engineers?|reports?|people|person|directs?|(?:team )?members?|developers?)\b",
    re.IGNORECASE,
)
CADENCE = re.compile(
    r"\b(?:every|each) (?:\w+ )?(?:day|week|fortnight|month|Monday|Tuesday|Wednesday|Thursday|Friday)s?\b|"
    r"\b(?:once|twice) a (?:week|month|fortnight)\b|\b(?:weekly|fortnightly|biweekly|monthly)\b|"
    r"\b(?:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays)\b",
    re.IGNORECASE,
)
# A question that asks how the candidate tells what is worth learning in a fast-moving field ("what is worth learning
# and what is noise") is answered by the filter they apply ("I only spend time on it if I can test it against our
# own eval", "I judge each by whether ...") with something they tried, adopted or ignored: a practice told with its
# example, in whatever field's nouns the example uses (latency, accuracy, a model's price).
LEARNING_ASKED = re.compile(r"\b(?:worth (?:learning|adopting|trying|your time)|keep(?:ing)? up with|what is noise)\b",
                            re.IGNORECASE)  # fmt: skip
LEARNING_FILTER = re.compile(
    r"\bI\s+(?:\w+\s+){0,2}?(?:only|filter|judge|decide|drop|ignore|skip|try|test|check|ask)\w*\b[^.]*"
    r"\b(?:if|whether|unless|by|against)\b",
    re.IGNORECASE,
)
LEARNING_TRIED = re.compile(r"\b(?:tried|tested|ran|prototyped|passed|failed|dropped|ignored|adopted|kept|skipped)\b",
                            re.IGNORECASE)  # fmt: skip
# A question that asks for explaining something to people who are not engineers ("explaining the limits of an AI
# system to a non-technical stakeholder"): its subject, the system explained, is the candidate's choice.
EXPLAIN_ASKED = re.compile(
    r"\bexplain\w*\b[^?]*\b(?:non-?technical|not engineers|non-?engineers|stakeholders?|business|executives?)\b",
    re.IGNORECASE,
)
# How a story tells that explanation: what the audience expected ("the sales lead assumed it would ...", "finance
# thought the forecast was exact") and what the candidate showed or told them ("I walked her through twenty cases",
# "I told them plainly that ...").
EXPECTED = re.compile(
    r"\b(?:expected|assumed|thought|believed|was sure|were sure|hoped|wanted it to|asked (?:me|us) (?:whether|if|"
    r"why))\b",
    re.IGNORECASE,
)
# Or a party outside engineering and what they wanted of the system ("our VP of Product wanted it for every
# customer", "the head of sales pushed for a launch"): who the story is about and what they expected, in the words
# a story uses rather than the question's.
PARTY_WISH = re.compile(
    r"\b(?:VP|CEO|CFO|COO|CPO|CMO|CRO|founder|board|executives?|head of (?!engineering\b|platform\b)\w+|"
    r"(?:sales|marketing|finance|legal|support|operations|business|product|account) (?:lead|leader|head|director|"
    r"manager|VP|team|owner|people)|product managers?|PM|customers?|clients?|stakeholders?)\b[^.!?]{0,25}?"
    r"\b(?:wanted|expected|assumed|asked for|pushed (?:for|to)|insisted|was counting on|promised|was set on)\b"
    # Or whoever the audience is, named with what they wanted in a clause of its own ("the dispatchers, who wanted a
    # single number"): the question's "people who were not engineers" are of every trade, no list names them all.
    r"|\b[a-z]\w+s, who (?:wanted|expected|assumed|asked for|were counting on|hoped for)\b",
    re.IGNORECASE,
)
# A wish is only the question's "expected more" when the story also says where the system fell short of it ("the
# notes were right 79% of the time", "it made up tasks", "it misses the unusual ones"): a CFO who wanted a cheaper
# bill, met with usage logs, is a cost story.
SHORTFALL = re.compile(
    r"\b(?:invent\w*|made up|makes? up|hallucinat\w*|wrong|errors?|mistakes?|fail\w*|miss(?:es|ed|ing)?|limits?|"
    r"limitations?|could(?:n't| not)|can(?:not|'t)|short of|below (?:the|our)|not (?:good|accurate|reliable) enough|"
    r"accura\w*|(?:\d+|\w+) (?:percent|%|of (?:ten|\d+)) of the time)\b",
    re.IGNORECASE,
)
SHOWN_TO = re.compile(
    r"\bI\s+(?:\w+\s+)?(?:showed|explained|told|walked|went through|sat (?:down )?with|put|took|pulled|drew|picked|"
    r"chose|demoed|demonstrated|laid out|played)\b",
    re.IGNORECASE,
)
# A retold story of the candidate's notes that the story index matched to the asked question stands on topic when
# static vectors place it on another question (features.py): they place a story told in its own words loosely. But
# the index only says the story is the bank's best for this question, not that this question is the story's best:
# with a handful of stories, a cost story is the best there is for a design question. MiniLM (the index's own
# model) reads the whole answer against every question of the pack (each read with its signals); when at least
# NOTES_AHEAD other questions fit it better than the asked one, the story answers another question. Retold stories
# labelled on topic in critic_dev8 had 0 or 1 question ahead by MiniLM (static vectors: up to 14); an off-topic
# retelling (newcomer30 N8) 8; a cost story of an LLM feature told to "the LLM feature you are proudest of", which
# a human may call on topic, 4. Not for a question whose subject is the candidate's choice (open_subject): there the
# whole answer's meaning is its subject, which says nothing of whether it tells what was asked (a disagreement with
# a sales VP over a launch date reads as a deadline story, 12 questions ahead). The same check keeps a story that
# names none of the asked question's signals from passing as half an answer to a two-part question (features.py).
NOTES_AHEAD = 6
# A sentence of the answer that shares this many topical words (shared_topic) with the question restates it: the
# meaning and word views (judge) read the other sentences, when two or more are left. Words since stop 37: an
# off-topic story opened by a sentence echoing the question had its word share lifted past EVIDENCE's bounds by
# that sentence alone (tuned off topic 0.846 -> 0.872, critic_dev9 0.917 -> 1.000, critic_dev12 0.625 -> 0.750,
# nothing else moved). A polished story told to another
# question is often framed by the question's own words at its start or end, which pulled its meaning toward the
# question asked. Chosen on the tuned set and critic_dev .. critic_dev8 together: 3 changes nothing on the tuned set
# and moves three off-topic check-set stories to off topic (critic_dev6, critic_dev8) with no on-topic answer
# moved; 2 catches more but calls on-topic check-set answers off topic (critic_dev2, critic_dev7, critic_dev8).
FRAME_WORDS = 3
PARAPHRASED = 2  # signals named only in the answer's own words (paraphrase.py) that show an answer is about this one
SUBJECT_WORDS = 20  # shorter replies are judged by the non-answer check and the meaning of what they say
# Everyday words a question and an unrelated answer share without being about the same thing.
_GENERIC = word_set(
    "time team work made make tell describ walk give exampl would could your how what when where which why"
)


@dataclass(frozen=True)
class RelevanceResult:
    """The verdict, the sentence that best answers the asked question, and the question it fits instead."""

    label: Relevance
    fit: float  # fit to the asked question
    rival_fit: float  # best fit to another question of the pack
    best_sentence: int | None  # index of the sentence closest to the asked question
    instead: str | None = None  # the pack question the answer fits better
    instead_competency: str | None = None
    rival_sentence: int | None = None  # the sentence closest to that question
    ahead: int = 0  # other questions of the pack whose meaning fits the answer better than the asked one's
    word_share: float = 1.0  # the asked question's word fit as a share of the best other question's
    sibling: bool = False  # partial because a question of the same competency leads (_sibling_led)
    missing_ask: str | None = None  # partial because this ask of a several-part question is never covered (asks.py)
    leaders: tuple[int, ...] = ()  # the other questions (indexes into info.others) that fit its meaning best
    disclaimed: str | None = None  # the opening sentence saying the story is not about the asked subject (disclaim.py)
    party: str | None = None  # the opening sentence naming a party outside engineering (outside_party)
    turned: str | None = None  # the sentence announcing a turn to another story (disclaim.turned_away)
    planned: str | None = None  # the opening telling a planned event to an incident question (planned_told)


def _roots(text: str) -> set[str]:
    return {stem(w)[:5] for w in words(text) if len(w) > 2 and w not in STOPWORDS} - _GENERIC


def shared_topic(question: str, answer: str) -> int:
    """Topical words (roots) the answer shares with the question."""
    return len(_roots(question) & _roots(answer))


def topic_share(text: str, other: str) -> float:
    """The share of `text`'s topical words (roots) that `other` uses too (1.0 for a text with none)."""
    mine = _roots(text)
    return len(mine & _roots(other)) / len(mine) if mine else 1.0


def _fit(sent_vecs: np.ndarray, answer_vec: np.ndarray, q_vecs: np.ndarray) -> np.ndarray:
    """Fit of the answer to each question: whole-answer cosine and the mean of its two best sentences."""
    whole = q_vecs @ answer_vec
    top = np.sort(sent_vecs @ q_vecs.T, axis=0)[::-1][: min(2, len(sent_vecs))]
    return 0.5 * whole + 0.5 * top.mean(axis=0)


def judge(info: QuestionInfo, sents: list[Sentence], sent_vecs: np.ndarray | None, asked_vec: np.ndarray | None,
          pack_vecs: np.ndarray | None, shape: str, lived: bool) -> RelevanceResult:  # fmt: skip
    """The relevance verdict for an answer whose sentences are `sents` (vectors `sent_vecs`)."""
    text = " ".join(s.text for s in sents)
    if shape == "motivation" and lived and not MOTIVE.search(text):
        return RelevanceResult("off_topic", 0.0, 0.0, None, instead_competency="a past project")
    if (shape in ("technical", "system_design") and MODEL_SUBJECT.search(info.text) and not MODEL_SUBJECT.search(text)
            and len(words(text)) >= SUBJECT_WORDS):  # fmt: skip
        return RelevanceResult("off_topic", 0.0, 0.0, None, instead_competency="another system")
    if (shape == "story" and AI_OBJECT.search(info.text) and not MODEL_SUBJECT.search(text)
            and not AI_TOLD.search(text) and len(words(text)) >= SUBJECT_WORDS):  # fmt: skip
        return RelevanceResult("off_topic", 0.0, 0.0, None, instead_competency="another system")
    if sent_vecs is None or asked_vec is None or not len(sent_vecs) or not info.in_pack:
        return RelevanceResult("on_topic", 0.0, 0.0, None)
    # Meaning is read from the story's own sentences: a frame that restates the question ("bad data reaching a
    # customer is something I think about a lot") says nothing of what the story is about (FRAME_WORDS).
    body = [i for i, s in enumerate(sents) if shared_topic(info.text, s.text) < FRAME_WORDS]
    if len(body) < min(2, len(sents)) or len(body) == len(sents):
        body = list(range(len(sents)))
    everything, sent_vecs = sent_vecs, sent_vecs[body]
    answer_vec = _unit_mean(sent_vecs)
    fit = float(_fit(sent_vecs, answer_vec, asked_vec[None, :])[0])
    best_sentence = int(np.argmax(everything @ asked_vec))
    if pack_vecs is None or not len(info.others):
        return RelevanceResult("on_topic", fit, 0.0, best_sentence)
    fits = _fit(sent_vecs, answer_vec, pack_vecs)
    rivals = [k for k in range(len(info.others)) if float(pack_vecs[k] @ asked_vec) < SAME_QUESTION
              and _answers_form(info.others[k][2], shape, lived)]
    if not rivals:
        return RelevanceResult("on_topic", fit, 0.0, best_sentence)
    k = max(rivals, key=lambda j: float(fits[j]))
    ahead = sum(1 for j in rivals if float(fits[j]) > fit)
    margin = float(fits[k]) - fit

    def _off(asked_words: float, other_words: list[float]) -> bool:
        best = max(other_words[j] for j in rivals)
        return best > 0 and any(ahead >= n and margin >= m and asked_words < r * best for n, m, r in EVIDENCE)

    # Words are read from the story's own sentences too: echoing the question is not telling what it asks for.
    asked_words, other_words = lexical.fits(info, " ".join(sents[i].text for i in body))
    best_words = max(other_words[j] for j in rivals)
    off = _off(asked_words, other_words)
    named = _named_rival(rivals, fits, other_words)
    label: Relevance = "off_topic" if off else "on_topic"
    if off and _sibling_led(info, rivals, k, fits, fit, asked_words, other_words):
        # A sibling leads: partial, unless only the frame's removal made the words point away; then it is judged as
        # before the frame was left out of the words (on topic here, far_off and shows_none in features.py).
        label, named = "partial", k
        if len(body) < len(sents) and not _off(*lexical.fits(info, text)):
            label = "on_topic"
    text_k, competency, _ = info.others[named]
    return RelevanceResult(
        label, fit, float(fits[k]), best_sentence, instead=text_k,
        instead_competency=competency, rival_sentence=body[int(np.argmax(sent_vecs @ pack_vecs[named]))], ahead=ahead,
        word_share=asked_words / best_words if best_words > 0 else 1.0, sibling=label == "partial",
        leaders=tuple(dict.fromkeys([*sorted(rivals, key=lambda j: -float(fits[j]))[:LEADERS],
                                     *sorted(rivals, key=lambda j: -other_words[j])[:LEADERS]])),
    )  # fmt: skip


def ahead_exactly(info: QuestionInfo, sents: list[Sentence], sem: Semantic, weight: float) -> int | None:
    """How many other questions of the pack (not the same question in other words, SAME_QUESTION) fit the whole
    answer better than the asked one by `sem`'s vectors, each question read with `weight` x its signals (features.
    TOPIC_SIGNALS); None when the vectors are not there."""
    if not info.in_pack or not info.others or not sents:
        return None
    vecs = sem.vectors([s.text for s in sents])
    asked = sem.topic(info.text, info.signals, weight)
    groups = info.other_signals or tuple(() for _ in info.others)
    others = [sem.topic(t, g, weight) for (t, _c, _t), g in zip(info.others, groups, strict=True)]
    if vecs is None or not len(vecs) or asked is None or any(v is None for v in others):
        return None
    answer = _unit_mean(vecs)
    fit = float(answer @ asked)
    return sum(1 for v in others if v is not None and float(v @ asked) < SAME_QUESTION and float(v @ answer) > fit)


def _unit_mean(vecs: np.ndarray) -> np.ndarray:
    """The answer's vector: the mean of its sentences' unit vectors, made unit length."""
    mean = vecs.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-9)


def open_subject(info: QuestionInfo) -> bool:
    """The question asks for a kind of event whose subject is the candidate's choice: a disagreement (conflict_told)
    or a failure of their own (failure_told)."""
    return _asks_conflict(info) or _asks_failure(info)


def _asks_failure(info: QuestionInfo) -> bool:
    """Its competency is learning from failure and its text asks what did not work."""
    return info.competency == "failure_learning" and bool(FAILURE_ASKED.search(info.text))


def _asks_conflict(info: QuestionInfo) -> bool:
    """Its competency is conflict resolution and its text asks for a disagreement."""
    return info.competency == "conflict_resolution" and bool(CONFLICT_ASKED.search(info.text))


def _answers_form(rival_type: str, shape: str, lived: bool) -> bool:
    """Whether an answer of this form can answer a rival question at all: a design question asks for a design, so a
    lived story told to a story question answers no design question of the pack, however close its subject is; nor
    any motivation question, which asks for a reason for wanting something (a re-org told to "your team was
    overloaded" is not an answer to "how would your team describe you as a manager?", whatever words they share)."""
    if lived and rival_type == "motivation" and shape != "motivation":
        return False
    return not (lived and rival_type == "system_design" and shape not in ("system_design", "technical"))


def _sibling_led(info: QuestionInfo, rivals: list[int], best: int, fits: np.ndarray, fit: float, asked_words: float,
                 other_words: list[float]) -> bool:  # fmt: skip
    """Partial, not off topic: the question that fits the answer's meaning best is a sibling of the asked one (same
    competency); questions of other competencies fit it better than the asked one too (the sentence vectors did not
    place it precisely); and its words do not point outside the competency (the asked question's word fit is at
    least SIBLING_WORDS of the best other-competency question's). Off topic needs meaning and words to point
    elsewhere; here they point only to a neighbour of the asked question (a story about mislabelled data told to a
    question about bad data hurting a model, while the pack's labelling question leads). A sharp interviewer probes
    what is missing, never caps it as another question's answer. Still off topic: an answer that only the sibling
    fits better (placed squarely on the sibling's subject), or whose words fit another competency far better (a
    speed-up told to a data-quality question)."""
    if info.competency == "general" or info.others[best][1] != info.competency:
        return False
    elsewhere = [j for j in rivals if info.others[j][1] != info.competency]
    if not any(float(fits[j]) > fit for j in elsewhere):
        return False
    return asked_words >= SIBLING_WORDS * max(other_words[j] for j in elsewhere)


def _named_rival(rivals: list[int], fits: np.ndarray, words: list[float]) -> int:
    """The question the answer fits instead, as the note names it: the best by both views together (the lowest sum
    of its rank by meaning and its rank by words; meaning breaks a tie). Meaning alone named a neighbour at times (an
    incident story "is about data platform" because a data-pipeline question sits close to it), and either view alone
    misfires in the ways the module docstring says."""
    by_meaning = sorted(rivals, key=lambda j: -float(fits[j]))
    by_words = sorted(rivals, key=lambda j: -words[j])
    rank = {j: by_meaning.index(j) + by_words.index(j) for j in rivals}
    return min(by_meaning, key=lambda j: rank[j])


def shows_none(rel: RelevanceResult, hits: list[SignalHit], shape: str) -> bool:
    """Off topic though it shares the question's words: not one of the question's signals is shown, another question
    of the pack fits its meaning better, and that question's words fit it clearly better too (a pipeline that ran
    late told to a question about bad data reaching a customer: "data", "pipeline" and "report" are shared, what the
    question asks for is not there). Not for motivation questions (any work story brushes against them)."""
    subject = [h for h in hits if not h.measured]  # a measured outcome says how well, not what about
    # One signal said in other words may be a chance match of a story sharing the question's words; two are not.
    own = sum(1 for h in subject if h.named and h.paraphrased)
    shown = any(h.named and not h.paraphrased for h in subject) or own >= PARAPHRASED
    far = rel.ahead >= FAR_AHEAD and rel.rival_fit - rel.fit >= FAR_MARGIN and rel.word_share < 1.0
    return (
        shape != "motivation" and len(subject) >= 2 and not shown
        and rel.ahead >= 1 and (rel.word_share < UNSHOWN_SHARE or far)
    )  # fmt: skip


# A story that shows no signal of the asked question and none of the questions its meaning and words lean toward
# (unplaced) is off topic when at least UNPLACED_AHEAD other questions fit its meaning better, the best of them by
# UNPLACED_MARGIN, and the asked question's words fit it less than UNPLACED_SHARE of the best other question's (and
# MiniLM agrees, features.py). Chosen on the tuned set and critic_dev..critic_dev12: of the nine answers there that
# show nothing of the asked question or its rivals, the one labelled off topic sits 30 questions and 0.19 away, the
# on-topic ones at most 15 and 0.12 away, or 21 and 0.16 with the asked question's words (share 0.92); a hiring
# story told to an incident question (newcomer36 N5), 23 and 0.17.
UNPLACED_AHEAD = 16
UNPLACED_MARGIN = 0.15
UNPLACED_SHARE = 0.45


def bare(hits: list[SignalHit]) -> bool:
    """Not one of at least two signals saying what the question is about is shown: not named, not said in the
    answer's own words, not even on weak evidence (a measured outcome says how well, not what about)."""
    subject = [h for h in hits if not h.measured]
    return len(subject) >= 2 and not any(h.covered or h.named or h.paraphrased or h.weak for h in subject)


def unplaced(rel: RelevanceResult, hits: list[SignalHit], shape: str) -> bool:
    """Off topic though no other question of the pack claims it: nothing of the asked question's signals is shown,
    not even in the answer's own words or on weak evidence, and meaning and words both put it far from the asked
    question. A pack covers some subjects, not all: a story outside all of them (a hiring drive told to a question
    about a model misbehaving in production) answers no pack question, and still not the one asked. Not for
    motivation questions (any work story brushes against them)."""
    subject = [h for h in hits if not h.measured]
    return (
        shape != "motivation" and len(subject) >= 2 and not any(h.covered for h in subject)
        and rel.ahead >= UNPLACED_AHEAD and rel.rival_fit - rel.fit >= UNPLACED_MARGIN
        and rel.word_share < UNPLACED_SHARE
    )  # fmt: skip


# An answer far from the asked question by meaning (far_off). Chosen on the tuned set and critic_dev..critic_dev5:
# ahead 4-5 and margin 0.10-0.12 give the same judgments (ahead 8 loses one off-topic story of critic_dev5, margin
# 0.08 takes two strong tuned answers off topic); the word-share bound keeps a tuned answer whose words favour the
# asked question by half again on topic.
FAR_OFF_AHEAD = 5
FAR_OFF_MARGIN = 0.10
FAR_OFF_NAMED = 1
FAR_OFF_SHARE = 1.25


def far_ahead(rel: RelevanceResult) -> bool:
    """At least FAR_OFF_AHEAD other questions of the pack fit the answer's meaning better than the asked one, the
    best of them by FAR_OFF_MARGIN."""
    return rel.ahead >= FAR_OFF_AHEAD and rel.rival_fit - rel.fit >= FAR_OFF_MARGIN


def far_off(rel: RelevanceResult, hits: list[SignalHit]) -> bool:
    """Off topic though it shares the question's words: at least FAR_OFF_AHEAD other questions of the pack fit its
    meaning better than the asked one, the best of them by FAR_OFF_MARGIN; its words favour the asked question by
    less than FAR_OFF_SHARE; and it names at most FAR_OFF_NAMED of the asked question's signals, by the signal's
    words or its example's (a speed-up of a hosted-model feature told to a question about its token cost). Not for
    plan questions (features.py): a plan for the first months reads like the pack's strategy and vision questions.
    A question of the same competency and type named instead counts too: that speed-up told to the cost question is
    the case this rule is for (stop 37 tried exempting such neighbours and lost it)."""
    named = sum(1 for h in hits if h.named and not h.measured and not h.paraphrased)
    return far_ahead(rel) and named <= FAR_OFF_NAMED and rel.word_share < FAR_OFF_SHARE


def failure_told(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The sentence that tells how it went wrong, when the question asks for a failure of the candidate's own (its
    competency is learning from failure and its text asks what did not work); None otherwise."""
    if not _asks_failure(info):
        return None
    return next((s for s in sents if FAILURE_TOLD.search(s.text)), None)


def delivery_told(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The sentence that tells the thing was built or shipped, when the question asks for something the candidate
    or their team delivered (DELIVERY_ASKED; not a question asking what went wrong, failure_told's); None
    otherwise."""
    if not DELIVERY_ASKED.search(info.text) or FAILURE_ASKED.search(info.text):
        return None
    return next((s for s in sents if DELIVERY_TOLD.search(s.text)), None)


def feedback_told(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The sentence in which someone tells the candidate their criticism, when the question asks for feedback the
    candidate received (FEEDBACK_ASKED) and a later sentence says what they do differently since (CHANGED_SINCE);
    None otherwise."""
    if not FEEDBACK_ASKED.search(info.text):
        return None
    told = next((i for i, s in enumerate(sents) if TOLD_ME.search(s.text)), None)
    if told is None or not any(CHANGED_SINCE.search(s.text) for s in sents[told + 1 :]):
        return None
    return sents[told]


def incident_told(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The sentence that tells what went wrong (or how it came to light), when the question asks for an incident in
    production (its competency is incident response, INCIDENT_ASKED) and a sentence tells what was done about it
    (MITIGATED); None otherwise."""
    if info.competency != "incident_response" or not INCIDENT_ASKED.search(info.text):
        return None
    if not any(MITIGATED.search(s.text) for s in sents):
        return None
    return next((s for s in sents if WENT_WRONG.search(s.text)), None)


def planned_told(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The opening sentence, when the question asks for an incident in production (as incident_told) and the answer
    opens on a planned event (PLANNED_EVENT) that it does not say broke (BROKE), and tells no incident anywhere
    (incident_told finds none); None otherwise."""
    if not sents or info.competency != "incident_response" or not INCIDENT_ASKED.search(info.text):
        return None
    first = sents[0]
    if not PLANNED_EVENT.search(first.text) or BROKE.search(first.text) or incident_told(info, sents) is not None:
        return None
    return first


def overload_told(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The opening sentence that tells the load, when the question asks about a team carrying too much (LOAD_ASKED)
    and a sentence tells a change made to it (LOAD_CHANGED); None otherwise."""
    if not LOAD_ASKED.search(info.text) or not any(LOAD_CHANGED.search(s.text) for s in sents):
        return None
    return next((s for s in sents[:LOAD_OPENING] if LOAD_TOLD.search(s.text)), None)


def meeting_told(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The sentence that tells a meeting held with each person on a cadence, when the question asks about the
    candidate's one-on-ones (MEETING_ASKED); None otherwise."""
    if not MEETING_ASKED.search(info.text):
        return None
    return next((s for s in sents if MEETING_TOLD.search(s.text) and CADENCE.search(s.text)), None)


def learning_told(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The sentence that states the candidate's filter, when the question asks how they tell what is worth learning
    (LEARNING_ASKED) and a sentence tells something tried, adopted or ignored (LEARNING_TRIED); None otherwise."""
    if not LEARNING_ASKED.search(info.text) or not any(LEARNING_TRIED.search(s.text) for s in sents):
        return None
    return next((s for s in sents if LEARNING_FILTER.search(s.text)), None)


def explaining_told(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The sentence in which the candidate shows or tells the audience, when the question asks for explaining to
    people who are not engineers (EXPLAIN_ASKED) and the story tells one (_explained); None otherwise."""
    return _explained(sents) if EXPLAIN_ASKED.search(info.text) else None


def _explained(sents: list[Sentence]) -> Sentence | None:
    """The sentence in which the candidate shows or tells the audience, when the story also says what they expected
    (EXPECTED, or a party outside engineering and what they wanted, PARTY_WISH, with where the system fell short,
    SHORTFALL); None otherwise."""
    wished = any(PARTY_WISH.search(s.text) for s in sents) and any(SHORTFALL.search(s.text) for s in sents)
    if not (wished or any(EXPECTED.search(s.text) for s in sents)):
        return None
    return next((s for s in sents if SHOWN_TO.search(s.text)), None)


def conflict_told(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The sentence that gives another party's position, when the question asks for a disagreement (its competency
    is conflict resolution and its text asks for one) and the answer tells one: that position and an opposing one
    (the candidate's or a second party's); None otherwise."""
    if not _asks_conflict(info):
        return None
    other = next((s for s in sents if OTHER_STANCE.search(s.text)), None)
    if other is None:
        return None
    opposed = any(OPPOSED.search(s.text) for s in sents) or sum(len(OTHER_STANCE.findall(s.text)) for s in sents) >= 2
    return other if opposed else None


def shows_signals(hits: list[SignalHit]) -> bool:
    """More than half of the question's signals are named: the answer shows what this question asks for. Only named
    evidence (SignalHit.named) overrules meaning and words agreeing that the answer is about another question."""
    return bool(hits) and 2 * sum(1 for h in hits if h.named) > len(hits)


def outside_party(info: QuestionInfo, sents: list[Sentence]) -> Sentence | None:
    """The opening sentence (of the first two) that names a party the question does not ask about, when the question
    asks for a disagreement with an engineer (ENGINEER_PARTY: a party outside engineering, OUTSIDE_PARTY) or with a
    peer (PEER_PARTY: the candidate's own superior, SUPERIOR), and the opening names none of the asked kind; None
    otherwise."""
    if not _asks_conflict(info):
        return None
    if ENGINEER_PARTY.search(info.text):
        asked, other = ENGINEER_WORDS, OUTSIDE_PARTY
    elif PEER_PARTY.search(info.text):
        asked, other = PEER_WORDS, SUPERIOR
    else:
        return None
    opening = sents[:2]
    if any(asked.search(s.text) for s in opening):
        return None
    return next((s for s in opening if other.search(s.text)), None)
