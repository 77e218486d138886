"""Figures scored against gold in the newsquant layout (issue 9, item 8).

Each row has ``text``, ``lang`` and gold ``figures`` (``value``, ``unit``, ``normalized_unit``, ``start``/``end``
of the number expression; a range has its first value in ``value`` and ``value_end``). A predicted figure matches
a gold one of the same row when the values are equal (relative tolerance 1e-6) and the spans overlap; a gold
figure without a span (``start`` null: the annotation did not fit the text) matches on its value alone. Each
prediction and each gold figure is matched at most once, greedily in gold order, preferring a prediction whose
unit also matches. Ranges need nothing special: both sides use the first value and a span over the range.

Value+unit: a matched pair also agrees on its unit when the prediction's unit (or, for a count, its counted noun
``what``) normalises to the gold ``unit`` or ``normalized_unit``: currency signs, codes and names to one code
("$", "US$", "dollars", "USD" -> USD; "PS", "£", "pound sterling" -> GBP), "%", "percent", "per cent", "pc" to
"%", measure names and symbols to one symbol ("kilometers", "km" -> km), a rate to its first part ("$ per
gallon" -> USD), and other words to their last word in the singular ("first-team players" ~ "players"). A gold
unit of "-" (none) agrees with a prediction without a unit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from storyweave.analyze.base import Analyser, ArticleText

_CANON_GROUPS = {
    "USD": "$|us$|usd|dollar|dollars|us dollars|u.s. dollars|$ us|us $|$us|greenback",
    "EUR": "€|eur|euro|euros",
    "GBP": "£|gbp|ps|pound sterling|pounds sterling|sterling|$ sterling",
    "JPY": "¥|jpy|y|yen|japanese yen|y=",
    "AUD": "$a|a$|aud|australian dollar|australian dollars",
    "HKD": "hk$|hkd|hong kong dollar",
    "ILS": "ils|shekel|shekels",
    "MYR": "rm|myr|malaysian ringgit|ringgit",
    "DKK": "dkk|danish krone|danish crowns|danish crown",
    "HRK": "kn|hrk|croatian kuna|kuna",
    "GBX": "p|pence|penny|gbx",
    "%": "%|percent|per cent|pc|pct|percentage|percent-owned|&",
    "bp": "bp|bps|basis point|basis points",
    "pp": "pp|percentage point|percentage points",
    "km": "km|kilometre|kilometer|kilometres|kilometers",
    "m": "m|metre|meter|metres|meters",
    "mi": "mi|mile|miles",
    "ft": "ft|foot|feet|ft-long",
    "in": "in|inch|inches|″",
    "yd": "yd|yard|yards",
    "kg": "kg|kilogram|kilograms|kilos",
    "g": "g|gram|grams",
    "mg": "mg|milligram|milligrams",
    "lb": "lb|lbs|pound-mass|pounds",
    "l": "l|litre|liter|litres|liters",
    "ml": "ml|millilitre|milliliter",
    "mph": "mph|mile per hour|miles per hour",
    "km/h": "km/h|km/hr|kilometre per hour",
    "mpg": "mpg|mile per gallon|miles per gallon",
    "hp": "hp|bhp|horsepower|brake horsepower",
    "kW": "kw|kilowatt|kilowatts",
    "W": "w|watt|watts",
    "GW": "gw|gigawatt|gigawatts",
    "MW": "mw|megawatt|megawatts",
    "°C": "°c|c|celsius|degrees celsius|degree celsius",
    "°F": "°f|f|fahrenheit|degrees fahrenheit",
    "°": "°|degree|degrees",
    "Hz": "hz|hertz",
    "GPa": "gpa|gigapascal|gigapascals",
    "nm": "nm|nanometer|nanometre",
    "μm": "μm|µm|micrometre|micrometer",
    "mm": "mm|millimeter|millimetre",
    "m²": "m²|m2|sq m|square metre|square meter",
    "ft³": "ft³|cubic foot|cubic feet",
    "mi²": "mi²|square mile|square miles",
    "GB": "gb|gigabyte|gigabytes",
    "dB": "db|decibel|decibels",
    "min": "min|minute|minutes",
    "s": "s|second|seconds",
    "h": "h|hour|hours",
    "year": "year|years|yr|yrs|year-old|year of age",
    "V": "v|volt|volts",
    "bbl": "bbl|barrel|barrels|barrel of oil|barrels of oil",
}
_CANON = {form: key for key, forms in _CANON_GROUPS.items() for form in forms.split("|")}
_RATE = re.compile(r"\s+(?:per|a|an)\s+.*$")


def unit_key(unit: str | None) -> str | None:
    """One spelling for a unit, a currency or a counted noun (see the module docstring)."""
    if unit is None:
        return None
    s = re.sub(r"\s+", " ", unit.strip().lower())
    if s in ("", "-"):
        return None
    if s in _CANON:
        return _CANON[s]
    s = _RATE.sub("", s)
    if s in _CANON:
        return _CANON[s]
    last = s.split(" ")[-1]
    if last in _CANON:
        return _CANON[last]
    if len(last) > 3 and last.endswith("ies"):
        return last[:-3] + "y"
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        return last[:-1]
    return last


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b)) or abs(a - b) < 1e-9


def _unit_ok(pred: Any, gold: dict[str, Any]) -> bool:
    gold_keys = {unit_key(gold.get("unit")), unit_key(gold.get("normalized_unit"))} - {None}
    if not gold_keys:
        return pred.unit is None
    key = unit_key(pred.unit) if pred.unit else unit_key(pred.what)
    return key in gold_keys


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def score_figures(
    rows: Iterable[dict[str, Any]], finder: Analyser, details: list | None = None
) -> dict[str, Any]:
    """Value precision/recall/F1 and value+unit F1 of ``finder`` on rows with gold ``figures`` (see the module
    docstring); ``details``, when given, receives one ``(row id, gold, prediction)`` triple per gold figure and
    per unmatched prediction (None on the missing side), for error analysis."""
    n_gold = n_pred = tp = tp_unit = 0
    by_alignment: Counter[str] = Counter()
    found_by_alignment: Counter[str] = Counter()
    for row in rows:
        gold = row.get("figures")
        if not isinstance(gold, list):
            continue
        article = ArticleText(text=row["text"], title=row.get("title"), lang=row.get("lang"))
        pred = list(finder.analyse(article))
        n_gold += len(gold)
        n_pred += len(pred)
        used: set[int] = set()
        for g in sorted(gold, key=lambda g: g.get("start") is None):
            candidates = [
                j
                for j, p in enumerate(pred)
                if j not in used
                and _same(p.value, float(g["value"]))
                and (g.get("start") is None or (p.start < g["end"] and g["start"] < p.end))
            ]
            alignment = g.get("alignment") or "?"
            by_alignment[alignment] += 1
            if not candidates:
                if details is not None:
                    details.append((row.get("id"), g, None))
                continue
            best = next((j for j in candidates if _unit_ok(pred[j], g)), candidates[0])
            used.add(best)
            tp += 1
            found_by_alignment[alignment] += 1
            unit_ok = _unit_ok(pred[best], g)
            tp_unit += unit_ok
            if details is not None:
                details.append((row.get("id"), g, pred[best]))
        if details is not None:
            details.extend((row.get("id"), None, p) for j, p in enumerate(pred) if j not in used)
    value = _prf(tp, n_pred, n_gold)
    unit = _prf(tp_unit, n_pred, n_gold)
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "matched": tp,
        "matched_with_unit": tp_unit,
        **value,
        "unit_precision": unit["precision"],
        "unit_recall": unit["recall"],
        "unit_f1": unit["f1"],
        "recall_by_alignment": {
            k: round(found_by_alignment[k] / v, 4)
            for k, v in sorted(by_alignment.items(), key=lambda x: -x[1])
        },
    }
