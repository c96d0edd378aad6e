"""Which groups of a scan report may be shown, so that nobody's answers can be singled out (DESIGN.md §5).

A report is a tree of groups. The root is normally the organisation; under it sit role groups ("leaders",
"staff") and under "staff" the teams. Each group knows how many people answered. `decide` says for every
group whether its figures may be shown and, if not, why:

- **Minimum size.** A group needs at least `threshold` respondents: 5, or more if the organisation chooses,
  never fewer (the figure Qualtrics, Effectory and Dialog use). A smaller group is hidden ("too_small"), but
  its people still count in its parent: the parent's figures are computed over everyone in it, so a team of
  3 rolls up into "staff" instead of vanishing from the report. Nothing here computes figures; the caller
  computes every shown group's figures from all of its respondents.
- **Subtraction.** Anyone reading a report can subtract the shown children from a shown parent. What is left
  (the parent's respondents minus those of its shown children: the hidden children together, plus people in
  no child) must be 0 or at least `threshold`. Otherwise the shown child with the fewest respondents is
  hidden as well ("would_reveal_a_sibling"; ties hide the smaller key), and so on until it holds.
- **Parent first.** A child is never shown when its parent is hidden: together with its siblings it could
  rebuild the parent, and the parent was hidden for a reason. Such a child takes over its parent's reason.
- **Not anonymous by consent.** Family firms often have a leadership team of 2-4. Its members may agree to
  be shown anyway: such a group is `exempt`, shown whatever its size and labelled "not anonymous". It is
  still subtracted from its parent like any shown group and still follows its parent. Because the consent
  covers the leaders and not the people beside them, an exempt child is hidden too when no other shown
  child is left to close a gap: showing "leaders" (3) under an organisation of 7 would expose the 4 others.

Hiding never un-hides anything, so the rules are applied top-down until a pass changes nothing.

Pure Python: no Django, no naober apps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MINIMUM_THRESHOLD = 5
# Free text can identify its writer by style or content, so it needs more people than figures do.
TEXT_MINIMUM = 8

Reason = Literal["shown", "not_anonymous", "too_small", "would_reveal_a_sibling", "empty"]
_SHOWN_REASONS: frozenset[Reason] = frozenset({"shown", "not_anonymous"})


@dataclass(frozen=True)
class Group:
    key: str  # unique within one report, e.g. "org", "leaders", "staff", "team:12"
    name: str
    kind: str  # "organisation" | "role" | "team"
    respondents: int
    parent: str | None  # the key of the parent group; None for the root (normally the organisation)
    # Shown whatever its size and labelled "not anonymous": a small leaders' group whose members agreed.
    exempt: bool = False


@dataclass(frozen=True)
class Decision:
    key: str
    shown: bool
    reason: Reason


def decide(groups: Sequence[Group], threshold: int) -> dict[str, Decision]:
    """For every group (keyed by `Group.key`, in the order given), whether the report may show it.

    The children of a group must partition it: their respondents add up to at most the parent's (the rest
    answered but belong to no child). Raises ValueError for a threshold below 5, duplicate or unknown keys,
    a cycle, negative counts, or children that add up to more than their parent."""
    if threshold < MINIMUM_THRESHOLD:
        raise ValueError(f"the anonymity threshold is at least {MINIMUM_THRESHOLD}, not {threshold}")
    by_key = _index(groups)
    children: dict[str, list[Group]] = {key: [] for key in by_key}
    for group in groups:
        if group.parent is not None:
            children[group.parent].append(group)
    for key, kids in children.items():
        if sum(kid.respondents for kid in kids) > by_key[key].respondents:
            raise ValueError(f"the groups under {key!r} have more respondents than {key!r} itself")

    reasons = {group.key: _own_reason(group, threshold) for group in groups}
    depths = _depths(by_key)
    top_down = sorted(groups, key=lambda group: (depths[group.key], group.key))
    changed = True
    while changed:
        changed = False
        for group in top_down:
            changed |= _settle_children(group, children[group.key], reasons, threshold)
    return {
        group.key: Decision(key=group.key, shown=reasons[group.key] in _SHOWN_REASONS, reason=reasons[group.key])
        for group in groups
    }


def text_allowed(respondents: int, minimum: int = TEXT_MINIMUM) -> bool:
    """Whether free-text answers of a group may be shown: only above `minimum` (8) respondents.

    An organisation may raise the minimum, never lower it (ValueError)."""
    if minimum < TEXT_MINIMUM:
        raise ValueError(f"the minimum for free text is at least {TEXT_MINIMUM}, not {minimum}")
    return respondents > minimum


def _own_reason(group: Group, threshold: int) -> Reason:
    """The decision for a group on its own size, before its parent and siblings are considered."""
    if group.respondents == 0:
        return "empty"
    if group.exempt:
        return "not_anonymous"
    if group.respondents < threshold:
        return "too_small"
    return "shown"


def _settle_children(parent: Group, kids: list[Group], reasons: dict[str, Reason], threshold: int) -> bool:
    """Hide children of `parent` until the parent rule and the subtraction rule hold; True if any was hidden."""
    changed = False
    if reasons[parent.key] not in _SHOWN_REASONS:
        for kid in kids:
            if reasons[kid.key] in _SHOWN_REASONS:
                reasons[kid.key] = reasons[parent.key]
                changed = True
        return changed
    while True:
        shown = [kid for kid in kids if reasons[kid.key] in _SHOWN_REASONS]
        derivable = parent.respondents - sum(kid.respondents for kid in shown)
        # With no child shown nothing is subtracted: what is left is the parent itself, which is shown.
        if not shown or derivable == 0 or derivable >= threshold:
            return changed
        # Consent-shown (exempt) children go last: their consent does not cover the people beside them,
        # but the report loses less by hiding an anonymous group first.
        smallest = min(shown, key=lambda kid: (kid.exempt, kid.respondents, kid.key))
        reasons[smallest.key] = "would_reveal_a_sibling"
        changed = True


def _index(groups: Sequence[Group]) -> dict[str, Group]:
    by_key: dict[str, Group] = {}
    for group in groups:
        if group.key in by_key:
            raise ValueError(f"two groups have the key {group.key!r}")
        if group.respondents < 0:
            raise ValueError(f"group {group.key!r} has a negative number of respondents")
        by_key[group.key] = group
    for group in groups:
        if group.parent is not None and group.parent not in by_key:
            raise ValueError(f"group {group.key!r} has an unknown parent {group.parent!r}")
    return by_key


def _depths(by_key: dict[str, Group]) -> dict[str, int]:
    """Each group's distance from its root (0 for a root); raises ValueError on a cycle."""
    depths: dict[str, int] = {}
    for start in by_key:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while current is not None and current not in depths:
            if current in on_path:
                raise ValueError(f"the groups around {current!r} form a cycle")
            path.append(current)
            on_path.add(current)
            current = by_key[current].parent
        depth = -1 if current is None else depths[current]
        for key in reversed(path):
            depth += 1
            depths[key] = depth
    return depths
