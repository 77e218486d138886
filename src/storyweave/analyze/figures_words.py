"""Reading numbers as values: digits in a locale ("100.000" in German, "6,000" in English, "57 870" in French)
and spelled-out numbers ("twenty-eight thousand", "deux cents", "zweiundzwanzig", "dos mil millones")."""

from __future__ import annotations

import re

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")
# Arabic-Indic and Eastern Arabic-Indic digits, and the Arabic decimal and thousands separators.
DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬",
    "01234567890123456789,.",
)
NON_ASCII_DIGITS = re.compile("[٠-٩۰-۹]")


def parse_digits(raw: str, decimal: str, lang: str) -> float:
    """The value of a digit number as written in ``lang`` (decimal separator ``decimal``). A lone separator of the
    other kind followed by exactly three digits groups thousands ("6,000" in English, "100.000" in German);
    otherwise it is read as a decimal point ("1,5" in English text is 1.5). Arabic reads "1,500" as 1500 and
    "27,3" as 27.3."""
    s = raw.translate(_SPACES)
    dots, commas = s.count("."), s.count(",")
    if not dots and not commas:
        return float(s)
    if dots and commas:
        dec: str | None = "." if s.rfind(".") > s.rfind(",") else ","
    else:
        sep = "." if dots else ","
        head, _, tail = s.partition(sep)
        if dots + commas > 1:
            dec = None
        elif sep == decimal and not (lang == "ar" and len(tail) == 3 and head not in ("", "0")):
            dec = sep
        else:
            dec = sep if len(tail) != 3 or head in ("", "0") else None
    if dec is None:
        return float(s.replace(".", "").replace(",", ""))
    other = "," if dec == "." else "."
    return float(s.replace(other, "").replace(dec, "."))


def words_value(tokens: list[float]) -> float | None:
    """The value of a sequence of number-word values: units and tens add, a hundred multiplies what precedes it,
    a scale (>= 1000) closes a group ("two hundred thousand", "dos mil millones" = 2e9)."""
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    for v in tokens:
        if v == 100:
            current = (current or 1.0) * 100
        elif v >= 1000:
            if current == 0 and total and total < v:
                total *= v
            else:
                total += (current or 1.0) * v
            current = 0.0
        else:
            current += v
    return total + current
