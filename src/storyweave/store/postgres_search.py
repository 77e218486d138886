"""The user's search language (:mod:`storyweave.store.search`) as a PostgreSQL ``to_tsquery`` expression.

The query is checked and normalised by the same parser as for SQLite (so the same searches are accepted and the
same :class:`~storyweave.errors.QueryError` messages name what is wrong), then its FTS5 form is rewritten token by
token: a quoted word or phrase becomes a quoted tsquery operand (PostgreSQL's parser splits a phrase into lexemes
joined by ``<->``, as FTS5 does), ``*`` after it becomes ``:*`` (a prefix), ``AND`` ``&``, ``OR`` ``|`` and the
binary ``NOT`` ``& !``. The precedence needs no parentheses added: FTS5's (NOT, then AND, then OR) is tsquery's
(``!``, then ``&``, then ``|``), and FTS5's NOT takes a single term or parenthesised group on its right, which is
what ``!`` negates.

One difference: a prefix phrase (``"new yor"*``) is a prefix on every word of it in PostgreSQL, only on the last in
FTS5.
"""

from __future__ import annotations

from storyweave.store.search import fts5_query

_OPERATORS = {"AND": "&", "OR": "|", "NOT": "& !"}


def _operand(text: str, prefix: bool) -> str:
    escaped = text.replace("\\", "\\\\").replace("'", "''")
    return f"'{escaped}'" + (":*" if prefix else "")


def tsquery(text: str) -> str:
    """The ``to_tsquery`` text for the user's search ``text``; raises QueryError as :func:`fts5_query` does."""
    fts5 = fts5_query(text)
    out: list[str] = []
    i, n = 0, len(fts5)
    while i < n:
        c = fts5[i]
        if c == " ":
            i += 1
        elif c in "()":
            out.append(c)
            i += 1
        elif c == '"':  # a quoted term, "" inside it standing for one "
            j = i + 1
            chars: list[str] = []
            while j < n:
                if fts5[j] == '"':
                    if j + 1 < n and fts5[j + 1] == '"':
                        chars.append('"')
                        j += 2
                        continue
                    break
                chars.append(fts5[j])
                j += 1
            i = j + 1
            prefix = fts5.startswith(" *", i)
            if prefix:
                i += 2
            out.append(_operand("".join(chars), prefix))
        else:  # an operator spelled out by fts5_query
            end = fts5.find(" ", i)
            end = n if end < 0 else end
            out.append(_OPERATORS[fts5[i:end]])
            i = end
    return " ".join(out)
