"""Spelled-out numbers: "forty-five", "two hundred and sixty", "a thousand", "a dozen" (used by knowledge.metrics)."""

from __future__ import annotations

import re


def _words_list(text: str) -> list[str]:
    """Words written as one string, in order."""
    return re.findall(r"\S+", text)


# Spelled-out numbers, compounds included: "forty-five", "two hundred and sixty", "a thousand", "a dozen".
_ONES = _words_list(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
)
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_MULT = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_NUM_WORD = "|".join([*_ONES, *_TENS, *_MULT])
_DIGIT_WORD = "zero|oh|one|two|three|four|five|six|seven|eight|nine"
# "one point two million", "ninety-nine point nine five": a decimal said digit by digit after "point".
_DECIMAL = (
    rf"(?=[a-z-]{{1,30}}\s+point\s)(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_ONES[1:10])}))?|{'|'.join(_ONES)})"
    rf"\s+point(?:\s+(?:{_DIGIT_WORD}))+(?:\s+(?:{'|'.join(_MULT)}))?"
)
WORD_NUMBER = re.compile(
    rf"\b(?P<num>{_DECIMAL}|a dozen|a couple of|(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion)\b))?"
    rf"(?:{_NUM_WORD})(?:(?:\s*-\s*|\s+and\s+|\s+)(?:{_NUM_WORD}))*"
    # "nine and a half thousand", "two and a half million": the half belongs to the multiplier that follows
    rf"(?:\s+and\s+a\s+half\s+(?:{'|'.join(_MULT)}))?)\b(?!-)",
    re.IGNORECASE,
)
_DIGITS_SAID = {w: i for i, w in enumerate(_ONES[:10])} | {"oh": 0}
_WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_ONES)} | {k: float(v) for k, v in _TENS.items()}


def word_value(phrase: str) -> float:
    """The value of a spelled-out number: "two hundred and sixty" -> 260, "forty-five" -> 45."""
    low = phrase.lower()
    if low in ("a dozen", "a couple of"):
        return 12.0 if low == "a dozen" else 2.0
    if " point " in f" {low} ":
        whole, _, rest = low.partition(" point ")
        digits = [w for w in rest.split() if w not in _MULT]
        scale = next((_MULT[w] for w in rest.split() if w in _MULT), 1.0)
        fraction = "".join(str(_DIGITS_SAID[w]) for w in digits)
        return (word_value(whole) + float(f"0.{fraction}")) * scale
    total, current = 0.0, 0.0
    low = re.sub(r"\band a half (?=\w)", "point-five ", low)
    for w in re.findall(r"point-five|[a-z]+", low):
        if w == "point-five":
            current += 0.5
            continue
        if w in _WORD_VALUES:
            current += _WORD_VALUES[w]
        elif w == "hundred":
            current = max(current, 1.0) * 100
        elif w in _MULT:
            total += max(current, 1.0) * _MULT[w]
            current = 0.0
    return total + current


# A written number with an optional scale: "640k", "$4.2M", "1.5 million", "38".
_DIGITS = re.compile(
    r"(?<![\w.])[$€£]?(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(?P<s>k|m|bn|thousand|million|billion)(?![a-z]))?",
    re.IGNORECASE,
)
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


def spoken_numbers(text: str) -> set[float]:
    """Every number of `text` however it is said, bare ones included ("against fourteen", "it was 12"): digits as
    written and with their scale applied ("$4.2M" -> 4.2 and 4,200,000), and spelled-out numbers."""
    out: set[float] = set()
    for m in _DIGITS.finditer(text):
        v = float(m.group("n").replace(",", ""))
        out |= {v, v * _SCALES.get((m.group("s") or "").lower(), 1.0)}
    # a scale word after digits ("1.5 million") was read with them above
    out |= {v for m in WORD_NUMBER.finditer(text)
            if (v := word_value(m.group("num"))) and not re.search(r"\d\s*$", text[: m.start()])}  # fmt: skip
    return out
