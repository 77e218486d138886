"""The user's search language, checked and rewritten as a safe SQLite FTS5 query.

Plain words are all required, as before: ``flood kerala``. On top of that, FTS5's own operators:
``apple OR boeing``, ``apple AND pie``, ``apple NOT pie``, ``"new york"`` (a phrase), ``seis*`` (a prefix) and
parentheses for grouping. Operators are upper case, as in FTS5; ``or`` is a plain word. Precedence is FTS5's:
NOT binds tightest, then AND (also between adjacent terms), then OR.

Every word and phrase is re-quoted, so punctuation in a word (``U.S.``, ``covid-19``, ``title:x``) never reaches
FTS5 as syntax; diacritics fold in the tokenizer (``unicode61 remove_diacritics 2``) on both sides. The result
is passed to SQLite only as a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyweave.errors import QueryError

_OPERATORS = ("AND", "OR", "NOT")
_EXAMPLE = 'e.g. flood kerala, apple OR boeing, apple NOT pie, "new york", seis*'


@dataclass(frozen=True)
class _Token:
    kind: str  # "term", "op", "(" or ")"
    text: str  # the FTS5 text to emit


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            tokens.append(_Token(c, c))
            i += 1
        elif c == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QueryError(f'unbalanced " in the search {text!r}: close the phrase, e.g. "new york"')
            phrase = text[i + 1 : end]
            if not phrase.strip():
                raise QueryError(f'empty phrase "" in the search {text!r}: put words between the quotes')
            i = end + 1
            star = i < n and text[i] == "*"
            i += star
            tokens.append(_Token("term", _quote(phrase) + (" *" if star else "")))
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in '"()':
                i += 1
            word = text[start:i]
            if word in _OPERATORS:
                tokens.append(_Token("op", word))
                continue
            stem = word.rstrip("*")
            if not stem:
                raise QueryError(
                    f"a lone * in the search {text!r}: put it after the start of a word, e.g. seis*"
                )
            tokens.append(_Token("term", _quote(stem) + (" *" if stem != word else "")))
    return tokens


class _Checker:
    """Recursive descent over the grammar FTS5 accepts; emits the query with every implicit AND spelled out
    (FTS5 rejects an implicit AND before a parenthesis)."""

    def __init__(self, text: str, tokens: list[_Token]):
        self.text = text
        self.tokens = tokens
        self.pos = 0
        self.out: list[str] = []

    def _peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _fail(self, why: str) -> QueryError:
        return QueryError(f"{why} in the search {self.text!r}; {_EXAMPLE}")

    def run(self) -> str:
        if not self.tokens:
            raise self._fail("no words")
        self._or()
        extra = self._peek()
        if extra is not None:
            raise self._fail(f"unexpected {extra.text}" + (" (no ( opens it)" if extra.kind == ")" else ""))
        return " ".join(self.out)

    def _or(self) -> None:
        self._and()
        while (tok := self._peek()) is not None and tok.text == "OR" and tok.kind == "op":
            self._operator("OR")
            self._and()

    def _and(self) -> None:
        self._not()
        while (tok := self._peek()) is not None and (tok.kind in ("term", "(") or tok.text == "AND"):
            if tok.kind == "op":
                self._operator("AND")
            else:
                self.out.append("AND")
            self._not()

    def _not(self) -> None:
        self._primary()
        while (tok := self._peek()) is not None and tok.text == "NOT" and tok.kind == "op":
            self._operator("NOT")
            self._primary()

    def _operator(self, op: str) -> None:
        self.out.append(op)
        self.pos += 1
        nxt = self._peek()
        if nxt is None or nxt.kind in ("op", ")"):
            raise self._fail(f"{op} needs a term after it")

    def _primary(self) -> None:
        tok = self._peek()
        if tok is None:
            raise self._fail("the search ends too early")
        if tok.kind == "op":
            hint = " (NOT excludes: apple NOT pie)" if tok.text == "NOT" else ""
            raise self._fail(f"{tok.text} needs a term before it{hint}")
        if tok.kind == ")":
            raise self._fail("unexpected ) (nothing between the parentheses, or no ( opens it)")
        self.pos += 1
        self.out.append(tok.text)
        if tok.kind == "(":
            self._or()
            close = self._peek()
            if close is None or close.kind != ")":
                raise self._fail("unbalanced ( (close it with ))")
            self.pos += 1
            self.out.append(")")


def fts5_query(text: str) -> str:
    """The FTS5 MATCH expression for the user's search ``text``; :class:`QueryError` names what is wrong."""
    if "\x00" in text:
        raise QueryError("the search holds a NUL character; remove it")
    return _Checker(text, _tokens(text)).run()
