"""Lexicons as editable tables (framing/library/lexicon_edit.py): round trips, the same validation as files,
the diff, saving; and the guarantee that no pattern a lexicon can hold backtracks super-linearly."""

import os
import re
import sys
from functools import cache
from re import _compiler, _constants, _parser

import pandas as pd
import pytest
import yaml
from conftest import make_lexicon, make_story
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from framing import analyse
from framing.lexicon import (
    _TERM_RE,
    _WORD,
    MAX_TERM_LENGTH,
    USER_LEXICONS,
    LexiconError,
    lexicon_files,
    load_lexicon,
    parse_lexicon,
)
from framing.library.deleted import undo
from framing.library.lexicon_edit import (
    categories_frame,
    delete_lexicon,
    hit_changes,
    lexicon_diff,
    lexicon_from_frames,
    lexicon_path,
    lexicon_yaml,
    save_lexicon,
    score_change,
    sources_data,
    terms_frame,
    validate,
)
from framing.matcher import compile_term
from framing.storage import StorageError, data_subdir

SOURCE = "the edited lexicon"


@pytest.fixture
def tables(default_lexicon):
    return categories_frame(default_lexicon), terms_frame(default_lexicon)


def check(default_lexicon, categories, terms):
    return validate(default_lexicon.name, default_lexicon.description, categories, terms,
                    sources_data(default_lexicon), source=SOURCE)


def test_tables_round_trip_to_the_same_lexicon_with_its_sources(default_lexicon, tables):
    data = lexicon_from_frames(default_lexicon.name, default_lexicon.description, *tables,
                               sources_data(default_lexicon))
    assert parse_lexicon(data, source=default_lexicon.path) == default_lexicon
    assert data["sources"] and len(data["sources"]) == len(default_lexicon.sources)


def test_blank_rows_are_ignored_and_text_is_trimmed(default_lexicon, tables):
    categories, terms = tables
    blank = {"category": None, "term": None, "referent": None, "note": None, "match_case": None}
    padded = pd.concat([terms.assign(term="  " + terms["term"] + " "), pd.DataFrame([blank, {**blank, "term": "  "}])],
                       ignore_index=True)
    checked = check(default_lexicon, categories, padded)
    assert checked.lexicon is not None and checked.lexicon.terms == default_lexicon.terms


def bad_edits(categories: pd.DataFrame, terms: pd.DataFrame):
    """(what, categories, terms) edits that a lexicon file would refuse too."""
    def term(row, value):
        edited = terms.copy()
        edited.loc[row, "term"] = value
        return categories, edited

    def category(row, column, value):
        edited = categories.copy()
        edited.loc[row, column] = value
        return edited, terms

    first_hedge = int(terms.index[terms["category"] == "hedge"][0])
    yield "regex syntax", *term(3, "terror(ist)?")
    yield "duplicate term", *term(first_hedge, terms.loc[0, "term"].upper())
    yield "curly apostrophe duplicate", *term(first_hedge, "the world’s worst")
    yield "too long", *term(5, "a" * (MAX_TERM_LENGTH + 1))
    yield "blank name", *category(2, "name", "   ")
    yield "bad id", *category(1, "id", "Actor Name")
    yield "id used twice", *category(1, "id", categories.loc[0, "id"])
    yield "two scare-quote categories", *category(0, "scare_quotes", True)
    yield "empty category", pd.concat([categories, categories.tail(1).assign(id="unused")], ignore_index=True), terms


def test_every_editor_error_is_the_files_error_for_the_same_data(default_lexicon, tables, tmp_path):
    for name, categories, terms in bad_edits(*tables):
        checked = check(default_lexicon, categories, terms)
        assert checked.lexicon is None, name
        path = tmp_path / "lexicon.yaml"
        path.write_text(lexicon_yaml(checked.data), encoding="utf-8")
        with pytest.raises(LexiconError) as error:
            load_lexicon(path)
        assert str(error.value) == checked.error.replace(SOURCE, str(path), 1), name


def test_an_error_points_at_its_row(default_lexicon, tables):
    categories, terms = tables
    edited = terms.copy()
    edited.loc[3, "term"] = "terror(ist)?"
    checked = check(default_lexicon, categories, edited)
    assert (checked.table, checked.row) == ("terms", 4)
    duplicate = terms.copy()
    duplicate.loc[10, "term"] = terms.loc[2, "term"]
    checked = check(default_lexicon, categories, duplicate)
    assert (checked.table, checked.row) == ("terms", 11) and "already listed" in checked.error
    renamed = categories.copy()
    renamed.loc[4, "name"] = ""
    checked = check(default_lexicon, renamed, terms)
    assert (checked.table, checked.row) == ("categories", 5)


def test_a_term_whose_category_is_gone_is_named_with_its_row(default_lexicon, tables):
    categories, terms = tables
    checked = check(default_lexicon, categories[categories["id"] != "hedge"], terms)
    first = int(terms.index[terms["category"] == "hedge"][0]) + 1
    assert checked.lexicon is None and (checked.table, checked.row) == ("terms", first)
    assert "'hedge' is not in the categories table" in checked.error


def test_the_diff_lists_added_removed_moved_and_changed(default_lexicon, tables):
    categories, terms = tables
    edited = terms.drop(index=[0]).copy()
    edited.loc[1, "category"] = "hedge"
    edited.loc[2, "note"] = "a new note"
    new = pd.DataFrame([{"category": "fresh", "term": "new word", "referent": None, "note": None, "match_case": False}])
    more = pd.concat([categories, pd.DataFrame([{"id": "fresh", "name": "Fresh", "description": "d",
                                                 "teaching_note": "t", "scare_quotes": False}])], ignore_index=True)
    diff = lexicon_diff(default_lexicon, check(default_lexicon, more, pd.concat([edited, new])).lexicon)
    first = terms.loc[0, "category"]
    assert diff.removed_terms.to_dict("records") == [{"category": first, "term": terms.loc[0, "term"]}]
    assert diff.added_terms.to_dict("records") == [{"category": "fresh", "term": "new word"}]
    assert diff.moved_terms.to_dict("records") == [{"term": terms.loc[1, "term"], "from": first, "to": "hedge"}]
    assert diff.changed_terms[["term", "what", "after"]].to_dict("records") == [
        {"term": terms.loc[2, "term"], "what": "note", "after": "a new note"}]
    assert diff.added_categories["id"].tolist() == ["fresh"] and diff.removed_categories.empty
    assert lexicon_diff(default_lexicon, default_lexicon).empty


def test_score_change_sets_the_edited_counts_beside_the_current(bundled):
    before = bundled.scores
    after = before.assign(count=before["count"] + (before["category"] == "hedge"))
    change = score_change(before, after, "narrator")
    hedge = change[change["category"] == "hedge"]
    assert (hedge["change"] == 1).all() and (change[change["category"] != "hedge"]["change"] == 0).all()
    assert len(change) == len(before[before["voice"] == "narrator"])


def test_every_score_change_is_traced_to_the_hits_gained_and_lost():
    """On a hand-made story: an added term gains a hit, a term moved to a new category is lost from
    its old one and gained by the new, and a hit found by a new spelling of a term (regime*) is kept."""
    alpha = 'The regime fell. Rebels said: "The regime is brutal and the regime must go." The end.'
    story = make_story(("Alpha", alpha), ("Beta", "The regime spoke."))
    current = analyse(story, make_lexicon(label=["regime", "brutal"]))
    edited = analyse(story, make_lexicon(label=["rebels", "regime*"], harsh=["brutal"]))
    label = hit_changes(current, edited, "Alpha", "label", "all")
    assert label.gained["text"].tolist() == ["Rebels"] and label.lost["text"].tolist() == ["brutal"]
    assert label.after["term"].tolist().count("regime*") == 3 and label.before["term"].tolist().count("regime") == 3
    quoted = hit_changes(current, edited, "Alpha", "label", "quote")
    assert quoted.gained.empty and quoted.lost["text"].tolist() == ["brutal"]
    harsh = hit_changes(current, edited, "Alpha", "harsh", "quote")
    assert harsh.before.empty and harsh.gained["text"].tolist() == ["brutal"] and harsh.lost.empty
    beta = hit_changes(current, edited, "Beta", "label", "all")
    assert beta.gained.empty and beta.lost.empty and beta.after["outlet"].tolist() == ["Beta"]
    for voice in ("narrator", "quote", "all"):
        for row in score_change(current.scores, edited.scores, voice).itertuples(index=False):
            hits = hit_changes(current, edited, row.outlet, row.category, voice)
            assert (len(hits.after), len(hits.before)) == (row.count, row.count_before), (row, voice)
            assert len(hits.gained) - len(hits.lost) == row.change, (row, voice)


def edited_data(default_lexicon, name="My lexicon"):
    categories, terms = categories_frame(default_lexicon), terms_frame(default_lexicon)
    terms = pd.concat([terms, pd.DataFrame([{"category": "hedge", "term": "by all accounts", "referent": None,
                                             "note": "a: note with a colon", "match_case": False}])])
    return lexicon_from_frames(name, "Edited: for a class", categories, terms, sources_data(default_lexicon))


def test_a_saved_lexicon_loads_as_the_same_lexicon_and_reads_like_default_yaml(default_lexicon):
    data = edited_data(default_lexicon)
    path = save_lexicon("My lexicon", data)
    assert path == data_subdir(USER_LEXICONS) / "my-lexicon.yaml"
    assert load_lexicon(path) == parse_lexicon(data, source=str(path))
    text = path.read_text(encoding="utf-8")
    assert "\ncategories:\n  - id: evaluative\n" in text and "    terms:\n      - atrocity\n" in text
    assert "\n      - allegedly\n" in text  # a term with nothing else is plain text, as in default.yaml
    assert yaml.safe_load(text) == data


def test_saving_refuses_bundled_names_and_overwrites_only_when_asked(default_lexicon):
    data = edited_data(default_lexicon)
    for name in ("default", "Default", " DEFAULT! "):
        with pytest.raises(LexiconError, match="comes with the tool"):
            save_lexicon(name, data)
    path = save_lexicon("Class 7B", data)
    with pytest.raises(LexiconError, match="saved already"):
        save_lexicon("class 7b", {**data, "description": "changed"})
    assert load_lexicon(path).description == "Edited: for a class"
    save_lexicon("class 7b", {**data, "description": "changed"}, overwrite=True)
    assert load_lexicon(path).description == "changed"


def test_an_invalid_lexicon_is_never_saved(default_lexicon):
    data = edited_data(default_lexicon)
    data["categories"][0]["terms"].append("terror(ist)?")
    with pytest.raises(LexiconError, match="regular-expression syntax"):
        save_lexicon("broken", data)
    assert not lexicon_path("broken").exists()


def test_a_failed_save_leaves_the_old_file(default_lexicon, monkeypatch):
    data = edited_data(default_lexicon)
    path = save_lexicon("kept", data)
    before = path.read_bytes()

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StorageError, match="lexicons: the disk is full"):
        save_lexicon("kept", {**data, "description": "new"}, overwrite=True)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["kept.yaml"]  # no temporary file left behind


def test_only_saved_lexicons_can_be_deleted(default_lexicon):
    path = save_lexicon("gone soon", edited_data(default_lexicon))
    with pytest.raises(LexiconError):
        delete_lexicon("default")
    text = path.read_bytes()
    gone = delete_lexicon(path.stem)
    assert not path.exists() and path.stem not in lexicon_files()
    assert undo(gone) == path and path.read_bytes() == text


# --- linear-time patterns -------------------------------------------------------------------------

SINGLE_CHARACTER = {_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY}
LITERALS = {_constants.LITERAL, _constants.NOT_LITERAL}
REPEATS = {_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT}
ZERO_WIDTH = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}
EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))


@cache
def every_character() -> frozenset[str]:
    return frozenset(EVERY_CHARACTER)


@cache
def cased_characters() -> str:
    """The characters with a case. A case-insensitive literal matches the characters whose
    lowercase is its own, and a few listed equivalents (ſ for s): all of them cased. A character
    without case lowercases to itself, so it matches a literal only by being that literal."""
    return "".join(char for char in EVERY_CHARACTER if char.lower() != char or char.upper() != char)


_CHARACTER_SETS: dict[tuple[str, int], frozenset[str]] = {}


def characters(item, state, flags: int) -> frozenset[str]:
    """Every character one single-character item matches under the pattern's flags; every
    character at all for anything longer, which is the cautious answer. A literal is tried on
    its case variants only; a class is tried on every character, once."""
    if item[0] not in SINGLE_CHARACTER:
        return every_character()
    key = (repr(item), flags)
    if key not in _CHARACTER_SETS:
        op, value = item
        if op in LITERALS:
            literal = _compiler.compile(_parser.SubPattern(state, [(_constants.LITERAL, value)]), flags)
            matched = frozenset(literal.findall(cased_characters() + chr(value)))
            _CHARACTER_SETS[key] = matched if op == _constants.LITERAL else every_character() - matched
        else:
            compiled = _compiler.compile(_parser.SubPattern(state, [item]), flags)
            _CHARACTER_SETS[key] = frozenset(compiled.findall(EVERY_CHARACTER))
    return _CHARACTER_SETS[key]


def linear_problems(pattern: re.Pattern) -> list[str]:
    """Constructs that could make a match attempt backtrack super-linearly, or [] if there are none.

    The rule: no alternation, no groups, no backreferences; every repeat is over a single
    character; a bounded repeat (`?`) repeats at most once; an unbounded one (`*`, `+`) can match
    none of the characters that can come next, so it never gives characters back to what follows.
    Lookarounds may hold single characters only. Under that rule a match attempt's work is linear
    in the characters it reads."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    items = list(parsed)
    problems = []
    for i, (op, value) in enumerate(items):
        if op in ZERO_WIDTH:
            if op != _constants.AT and any(sub_op not in SINGLE_CHARACTER for sub_op, _ in value[1]):
                problems.append(f"lookaround holding more than one character at {i}")
        elif op in REPEATS:
            _, high, body = value
            if len(body) != 1 or body[0][0] not in SINGLE_CHARACTER:
                problems.append(f"repeat over more than one character at {i}")
            elif high != _constants.MAXREPEAT and high > 1:
                problems.append(f"bounded repeat of more than one at {i}")
            elif high == _constants.MAXREPEAT and characters(body[0], parsed.state, pattern.flags) & follow(
                    items[i + 1:], parsed.state, pattern.flags):
                problems.append(f"unbounded repeat at {i} can match what follows it")
        elif op not in SINGLE_CHARACTER:
            problems.append(f"{op} at {i}")
    return problems


def follow(items: list, state, flags: int) -> frozenset[str]:
    """The characters the rest of a pattern can begin with (lookarounds consume none)."""
    found = frozenset()
    for op, value in items:
        if op in ZERO_WIDTH:
            continue
        if op not in REPEATS:
            return found | characters((op, value), state, flags)
        found |= characters(value[2][0], state, flags) if len(value[2]) == 1 else every_character()
        if value[0] > 0:
            return found
    return found


def test_the_check_catches_patterns_that_backtrack():
    for bad in (r"(a+)+b", r"\w*\w*x", r"(?:\w|a\w)*!", r"a{0,5}b", r"\w+a", r"(?=\w+)a", r"(a)\1"):
        assert linear_problems(re.compile(bad)), bad
    assert not linear_problems(re.compile(r"(?<!\w)a\w*['\"]?[\s\-]+['\"]?b(?!\w)", re.IGNORECASE))


def test_a_literal_matches_the_same_characters_as_a_scan_of_every_character_finds():
    """Trying a literal on the cased characters finds what trying it on every character finds, for
    the letters whose case is odd (long s, Kelvin sign, dotted and dotless i, final sigma, sharp s,
    the combining iota, Ohm and Angstrom signs) as for plain ones; and its negation finds the rest."""
    odd = "s\u017fSkK\u212aiI\u0130\u0131\u03c3\u03c2\u03a3\u00df\u1e9e\u0345\u03b9\u03c9\u2126\u00e5\u212b"
    for char in odd + "1_'.&-":
        for flags in (0, re.IGNORECASE):
            parsed = _parser.parse(re.escape(char), flags)
            scanned = frozenset(re.compile(re.escape(char), flags).findall(EVERY_CHARACTER))
            assert characters(parsed[0], parsed.state, flags) == scanned, (char, flags)
    parsed = _parser.parse("[^k]", re.IGNORECASE)
    assert parsed[0][0] == _constants.NOT_LITERAL
    scanned = frozenset(re.compile("[^k]", re.IGNORECASE).findall(EVERY_CHARACTER))
    assert characters(parsed[0], parsed.state, re.IGNORECASE) == scanned and "\u212a" not in scanned


# _TERM_RE is a first word, then later words each with its separator. Drawn piece by piece, with at most
# four later words (the rule checks each repeat against what follows it, so a longer term adds no new case),
# most drawn terms fit MAX_TERM_LENGTH; drawn whole, a third to a half are too long and thrown away.
LATER_WORD = _TERM_RE.pattern.removeprefix(f"^{_WORD}(?:").removesuffix(")*$")
assert _TERM_RE.pattern == f"^{_WORD}(?:{LATER_WORD})*$", "the term rule changed shape: update the pieces"
TERMS = st.builds(lambda first, later: first + "".join(later), st.from_regex(_WORD, fullmatch=True),
                  st.lists(st.from_regex(LATER_WORD, fullmatch=True), max_size=4))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TERMS, st.booleans())
@example("0-0-*-0", False)  # a lone * between hyphens once gave two separators side by side
def test_no_pattern_a_lexicon_can_hold_backtracks(text, match_case):
    """Whatever term the validator accepts, its compiled pattern passes the linear-time rule."""
    try:
        lexicon = parse_lexicon({"name": "n", "description": "d", "categories": [
            {"id": "c", "name": "c", "description": "d", "teaching_note": "t",
             "terms": [{"term": text, "match_case": match_case}]}]}, source="test")
    except LexiconError:
        assume(False)
    assert _TERM_RE.fullmatch(text)
    (term,) = lexicon.terms
    assert linear_problems(compile_term(term)) == [], (term.text, compile_term(term).pattern)


def test_renaming_a_category_or_changing_its_note_or_flag_is_a_change(default_lexicon, tables):
    categories, terms = tables
    edited = categories.copy()
    first, second = edited.loc[0, "id"], edited.loc[1, "id"]
    edited.loc[0, "name"] = "A new name"
    edited.loc[1, "teaching_note"] = "Ask the class first."
    flagged = edited["scare_quotes"].astype(bool)
    edited["scare_quotes"] = False  # the flag moves from its category to the second one
    edited.loc[1, "scare_quotes"] = True
    diff = lexicon_diff(default_lexicon, check(default_lexicon, edited, terms).lexicon)
    assert not diff.empty and diff.added_categories.empty and diff.removed_categories.empty
    assert diff.changed_categories[["id", "what", "after"]].to_dict("records") == [
        {"id": first, "what": "name", "after": "A new name"},
        {"id": second, "what": "teaching note", "after": "Ask the class first."},
        {"id": second, "what": "scare quotes", "after": "True"},
        *({"id": cid, "what": "scare quotes", "after": "False"} for cid in categories["id"][flagged] if cid != second)]
