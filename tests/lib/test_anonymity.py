import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naober.lib.anonymity import Decision, Group, decide, text_allowed

# No example database: these tests leave nothing behind in the working tree.
examples = settings(database=None, deadline=None, max_examples=300)
thresholds = st.integers(min_value=5, max_value=10)


def org(respondents: int, *, exempt: bool = False) -> Group:
    return Group(key="org", name="Ter Horst", kind="organisation", respondents=respondents, parent=None, exempt=exempt)


def role(key: str, respondents: int, *, parent: str = "org", exempt: bool = False) -> Group:
    return Group(key=key, name=key.title(), kind="role", respondents=respondents, parent=parent, exempt=exempt)


def team(key: str, respondents: int, *, parent: str = "staff") -> Group:
    return Group(key=key, name=key, kind="team", respondents=respondents, parent=parent)


def reasons(decisions: dict[str, Decision]) -> dict[str, str]:
    return {key: decision.reason for key, decision in decisions.items()}


@st.composite
def scan_reports(draw: st.DrawFn) -> list[Group]:
    """An organisation with up to two role groups (leaders, possibly exempt; staff) and up to 8 teams.

    The teams sit under "staff" when there is one, else directly under the organisation. Some people belong
    to no team and some to no role, so the children of a group add up to at most the group."""
    team_sizes = draw(st.lists(st.integers(min_value=0, max_value=15), max_size=8))
    has_leaders, has_staff = draw(st.booleans()), draw(st.booleans())
    leaders = draw(st.integers(min_value=0, max_value=12))
    team_parent = "staff" if has_staff else "org"
    teams = [team(f"team:{number}", size, parent=team_parent) for number, size in enumerate(team_sizes, start=1)]
    in_teams = sum(team_sizes) + draw(st.integers(min_value=0, max_value=10))
    groups = teams
    if has_staff:
        groups = [role("staff", in_teams), *groups]
    if has_leaders:
        groups = [role("leaders", leaders, exempt=draw(st.booleans())), *groups]
    everyone = (leaders if has_leaders else 0) + in_teams + draw(st.integers(min_value=0, max_value=5))
    return [org(everyone), *groups]


@st.composite
def trees(draw: st.DrawFn) -> list[Group]:
    """Any tree up to four levels deep, any group possibly exempt, children adding up to at most the parent."""
    keys = (f"g{number}" for number in itertools.count())
    everyone = draw(st.integers(min_value=0, max_value=60))
    root = Group("root", "root", "organisation", everyone, parent=None, exempt=draw(st.booleans()))
    groups = [root]

    def grow(parent: Group, depth: int) -> None:
        if depth == 3:
            return
        left = parent.respondents
        for _ in range(draw(st.integers(min_value=0, max_value=4))):
            size = draw(st.integers(min_value=0, max_value=left))
            left -= size
            key = next(keys)
            child = Group(key, key, "team", size, parent=parent.key, exempt=draw(st.booleans()))
            groups.append(child)
            grow(child, depth + 1)

    grow(root, 0)
    return groups


def assert_nothing_can_be_singled_out(groups: list[Group], decisions: dict[str, Decision], threshold: int) -> None:
    by_key = {group.key: group for group in groups}
    assert list(decisions) == list(by_key)
    for group in groups:
        decision = decisions[group.key]
        assert decision.key == group.key
        assert decision.shown == (decision.reason in {"shown", "not_anonymous"})
        assert (decision.reason == "empty") == (group.respondents == 0)
        if decision.reason == "not_anonymous":
            assert group.exempt
        # (a) A shown group has respondents, and at least `threshold` of them unless its members agreed.
        if decision.shown:
            assert group.respondents >= 1
            if not group.exempt:
                assert group.respondents >= threshold
        # (c) and (d): no group, exempt or not, is shown under a hidden parent.
        if decision.shown and group.parent is not None:
            assert decisions[group.parent].shown
        # A root has no siblings, so only its own size decides.
        if group.parent is None and group.respondents > 0 and (group.exempt or group.respondents >= threshold):
            assert decision.shown
    # (b) Subtracting the shown children from a shown parent never leaves fewer than `threshold` people.
    for parent in groups:
        shown_children = [g for g in groups if g.parent == parent.key and decisions[g.key].shown]
        if decisions[parent.key].shown and shown_children:
            left_over = parent.respondents - sum(child.respondents for child in shown_children)
            assert left_over == 0 or left_over >= threshold


@examples
@given(scan_reports(), thresholds, st.randoms())
def test_no_respondent_can_be_singled_out_in_a_scan_report(
    groups: list[Group], threshold: int, shuffler: random.Random
) -> None:
    decisions = decide(groups, threshold)
    assert_nothing_can_be_singled_out(groups, decisions, threshold)
    # The answer does not depend on the order the groups come in.
    shuffled = groups.copy()
    shuffler.shuffle(shuffled)
    assert decide(shuffled, threshold) == decisions


@examples
@given(trees(), thresholds)
def test_no_respondent_can_be_singled_out_in_any_tree(groups: list[Group], threshold: int) -> None:
    assert_nothing_can_be_singled_out(groups, decide(groups, threshold), threshold)


@given(scan_reports(), st.integers(max_value=4))
@examples
def test_threshold_below_five_is_refused(groups: list[Group], threshold: int) -> None:
    with pytest.raises(ValueError, match="at least 5"):
        decide(groups, threshold)


def test_small_team_rolls_up_and_its_parent_still_shows() -> None:
    # Effectory's rule: the team of 3 is hidden, its people still count in "staff". Staff minus the shown
    # team leaves 3 + 2 people in no team = 5, which is enough.
    groups = [org(15), role("staff", 15), team("team:1", 10), team("team:2", 3)]
    assert reasons(decide(groups, 5)) == {"org": "shown", "staff": "shown", "team:1": "shown", "team:2": "too_small"}


def test_two_small_siblings_together_are_enough_to_hide() -> None:
    # 20 = 12 + 4 + 4: the 4s are hidden, and 20 - 12 = 8 people cannot be singled out.
    groups = [org(20), role("staff", 20), team("team:1", 12), team("team:2", 4), team("team:3", 4)]
    assert reasons(decide(groups, 5)) == {
        "org": "shown",
        "staff": "shown",
        "team:1": "shown",
        "team:2": "too_small",
        "team:3": "too_small",
    }


def test_siblings_that_are_both_large_enough_are_both_shown() -> None:
    groups = [org(17), role("staff", 17), team("team:1", 12), team("team:2", 5)]
    assert all(decision.shown for decision in decide(groups, 5).values())


def test_a_sibling_is_hidden_when_subtracting_it_would_reveal_a_small_team() -> None:
    # 16 = 12 + 4: the 4 are hidden, but 16 - 12 would give them away, so the 12 are hidden too.
    groups = [org(16), role("staff", 16), team("team:1", 12), team("team:2", 4)]
    assert reasons(decide(groups, 5)) == {
        "org": "shown",
        "staff": "shown",
        "team:1": "would_reveal_a_sibling",
        "team:2": "too_small",
    }


def test_people_in_no_team_count_as_hidden() -> None:
    # 15 = 12 + 3 people in no team: showing the team would reveal those 3.
    groups = [org(15), role("staff", 15), team("team:1", 12)]
    assert decide(groups, 5)["team:1"].reason == "would_reveal_a_sibling"


def test_the_smallest_shown_sibling_is_hidden_first_and_ties_go_by_key() -> None:
    groups = [org(16), role("staff", 16), team("team:b", 6), team("team:a", 6), team("team:c", 4)]
    decisions = decide(groups, 5)
    assert reasons(decisions)["team:a"] == "would_reveal_a_sibling"
    assert reasons(decisions)["team:b"] == "shown"  # 16 - 6 = 10 left over: enough

    # 23 = 12 + 7 + 4: 4 would be left over, so the smaller 7 goes and 11 are left over.
    groups = [org(23), role("staff", 23), team("team:1", 12), team("team:2", 7), team("team:3", 4)]
    decisions = decide(groups, 5)
    assert reasons(decisions)["team:1"] == "shown"
    assert reasons(decisions)["team:2"] == "would_reveal_a_sibling"


def test_children_of_a_hidden_parent_are_hidden() -> None:
    # Leaders (4) are too small; org - staff would reveal them, so staff goes, and with it every team.
    groups = [org(20), role("leaders", 4), role("staff", 16), team("team:1", 8), team("team:2", 8)]
    assert reasons(decide(groups, 5)) == {
        "org": "shown",
        "leaders": "too_small",
        "staff": "would_reveal_a_sibling",
        "team:1": "would_reveal_a_sibling",
        "team:2": "would_reveal_a_sibling",
    }


def test_small_leadership_team_that_agreed_is_shown_as_not_anonymous() -> None:
    groups = [org(23), role("leaders", 3, exempt=True), role("staff", 20)]
    assert reasons(decide(groups, 5)) == {"org": "shown", "leaders": "not_anonymous", "staff": "shown"}


def test_leaders_consent_does_not_expose_the_people_beside_them() -> None:
    # 7 = 3 leaders (agreed) + 4 staff: showing the leaders would give away the 4 staff by subtraction.
    groups = [org(7), role("leaders", 3, exempt=True), role("staff", 4)]
    assert reasons(decide(groups, 5)) == {"org": "shown", "leaders": "would_reveal_a_sibling", "staff": "too_small"}


def test_anonymous_sibling_is_hidden_before_the_leaders_who_agreed() -> None:
    # 18 = 3 leaders (agreed) + 11 + 4: hiding the 11 leaves 15 over, so the leaders stay.
    groups = [org(18), role("leaders", 3, exempt=True), role("a", 11), role("b", 4)]
    assert reasons(decide(groups, 5)) == {
        "org": "shown",
        "leaders": "not_anonymous",
        "a": "would_reveal_a_sibling",
        "b": "too_small",
    }


def test_leaders_who_agreed_are_hidden_with_a_too_small_organisation() -> None:
    groups = [org(4), role("leaders", 2, exempt=True), role("staff", 2)]
    assert reasons(decide(groups, 5)) == {"org": "too_small", "leaders": "too_small", "staff": "too_small"}


def test_empty_groups_are_not_shown() -> None:
    groups = [org(10), role("leaders", 0, exempt=True), role("staff", 10), team("team:1", 0)]
    assert reasons(decide(groups, 5)) == {"org": "shown", "leaders": "empty", "staff": "shown", "team:1": "empty"}


def test_an_organisation_may_raise_the_threshold() -> None:
    groups = [org(20), role("staff", 20), team("team:1", 14), team("team:2", 6)]
    assert reasons(decide(groups, 5))["team:2"] == "shown"
    assert reasons(decide(groups, 8)) == {
        "org": "shown",
        "staff": "shown",
        "team:1": "would_reveal_a_sibling",
        "team:2": "too_small",
    }


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        pytest.param([org(10), org(10)], "two groups", id="duplicate key"),
        pytest.param([org(10), role("staff", 5, parent="nowhere")], "unknown parent", id="unknown parent"),
        pytest.param([org(10), role("staff", 8), role("leaders", 3)], "more respondents", id="children too big"),
        pytest.param([org(-1)], "negative", id="negative count"),
        pytest.param([role("a", 5, parent="b"), role("b", 5, parent="a")], "cycle", id="cycle"),
    ],
)
def test_inconsistent_groups_are_refused(groups: list[Group], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        decide(groups, 5)


@pytest.mark.parametrize(("respondents", "allowed"), [(0, False), (5, False), (8, False), (9, True), (40, True)])
def test_free_text_only_above_eight_respondents(respondents: int, allowed: bool) -> None:
    assert text_allowed(respondents) is allowed


def test_an_organisation_may_raise_the_minimum_for_free_text_but_not_lower_it() -> None:
    assert text_allowed(10, minimum=10) is False
    assert text_allowed(11, minimum=10) is True
    with pytest.raises(ValueError, match="at least 8"):
        text_allowed(20, minimum=7)
