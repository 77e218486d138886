"""Story ids across a recluster: an unchanged story keeps its id, a changed one keeps the id of the old story it
overlaps most, and every other old id is recorded as merged into the story that now holds most of its articles.

Pure functions over article -> story maps, so the rule is the same for every store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass
class IdPlan:
    """``rename``: new story id -> the id it is stored under; ``merges``: (old id, id it now lives in);
    ``report``: what changed, in counts."""

    rename: dict[str, str] = field(default_factory=dict)
    merges: list[tuple[str, str]] = field(default_factory=list)
    report: dict[str, int] = field(default_factory=dict)


def plan_ids(
    new_of: Mapping[str, str], old_of: Mapping[str, str | None], fresh: set[str], taken: set[str]
) -> IdPlan:
    """Match the ``fresh`` stories a recluster made (``new_of``: article id -> new story id) to the stories the same
    articles were in before (``old_of``). Stories that are not fresh (untouched stories an article joined) keep
    their ids; ``taken``: ids in use by stories outside the recluster, never handed out again."""
    plan = IdPlan()
    overlap: Counter[tuple[str, str]] = Counter()
    for article, new in new_of.items():
        old = old_of.get(article)
        if new in fresh and old:
            overlap[(new, old)] += 1
    sizes = Counter(new_of.values())
    olds = {o for o in old_of.values() if o}
    # greedy by overlap, then the larger new story, then ids: deterministic
    for (new, old), _n in sorted(overlap.items(), key=lambda kv: (-kv[1], -sizes[kv[0][0]], kv[0])):
        if new in plan.rename or old in plan.rename.values():
            continue
        plan.rename[new] = old
    used = set(plan.rename.values()) | taken | (set(new_of.values()) - fresh)
    for new in sorted(fresh - set(plan.rename)):
        final, k = new, 1
        while final in used or final in olds:  # an old id must not come back meaning another story
            k += 1
            final = f"{new}-r{k}"
        plan.rename[new] = final
        used.add(final)
    final_of = {a: plan.rename.get(s, s) for a, s in new_of.items()}
    kept = set(plan.rename.values())
    for old in sorted(olds - kept):
        where = Counter(final_of[a] for a, o in old_of.items() if o == old and a in final_of)
        if where:
            target = sorted(where.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            plan.merges.append((old, target))
    before: dict[str, set[str]] = {}
    for a, o in old_of.items():
        if o:
            before.setdefault(o, set()).add(a)
    after: dict[str, set[str]] = {}
    for a, s in final_of.items():
        after.setdefault(s, set()).add(a)
    unchanged = sum(1 for s, members in after.items() if before.get(s) == members)
    plan.report = {
        "articles": len(new_of),
        "stories_before": len(olds),
        "stories_after": len(after),
        "unchanged": unchanged,
        "changed": sum(1 for s in after if s in olds) - unchanged,
        "new": sum(1 for new in fresh if plan.rename[new] not in olds),
        "joined_other": len(set(new_of.values()) - fresh),  # stories outside the range that articles joined
        "merged": len(plan.merges),
        "moved_articles": sum(1 for a, s in final_of.items() if old_of.get(a) != s),
    }
    return plan
