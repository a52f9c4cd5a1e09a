import pytest
import yaml
from conftest import make_lexicon

from framing import LexiconError, load_lexicon, parse_lexicon

GOOD = {
    "name": "t", "description": "d",
    "categories": [{"id": "label", "name": "L", "description": "d", "teaching_note": "n", "terms": ["regime"]}],
}


def with_category(**changes):
    return {**GOOD, "categories": [{**GOOD["categories"][0], **changes}]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "the file: expected a mapping"),
        ({**GOOD, "colour": "red"}, "unknown key 'colour'"),
        ({"name": "t", "description": "d"}, "missing 'categories'"),
        ({**GOOD, "categories": []}, "categories: the list is empty"),
        (with_category(id="Loaded Labels"), "category 'Loaded Labels': id must be lowercase"),
        (with_category(terms=[]), "category 'label': terms: the list is empty"),
        (with_category(terms=["terror(ism)?"]), r"term 1 \('terror\(ism\)\?'\): use words"),
        (with_category(terms=["*terror"]), "regular-expression syntax is not supported"),
        (with_category(terms=["-"]), "use words"),
        (with_category(terms=["-*"]), "use words"),
        (with_category(terms=["-led"]), "use words"),
        (with_category(terms=[{"term": "x", "match_case": "yes"}]), "'match_case' must be true or false"),
        (with_category(terms=[{"term": ""}]), "'term' must be non-empty text"),
        (with_category(terms=["regime", "Regime"]), "term 'Regime': already listed in category 'label'"),
        (with_category(teaching_note=""), "'teaching_note' must be non-empty text"),
    ],
)
def test_malformed_lexicons_name_the_entry_and_the_problem(data, message):
    with pytest.raises(LexiconError, match=message) as error:
        parse_lexicon(data, source="my.yaml")
    assert str(error.value).startswith("my.yaml: ")


def test_a_file_that_is_not_yaml_or_missing_is_named(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.yaml: not valid YAML"):
        load_lexicon(bad)
    with pytest.raises(LexiconError, match=r"nope\.yaml: no such lexicon file"):
        load_lexicon(tmp_path / "nope.yaml")


def test_a_valid_file_round_trips(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(yaml.safe_dump(GOOD), encoding="utf-8")
    lexicon = load_lexicon(path)
    assert [(t.text, t.category) for t in lexicon.terms] == [("regime", "label")]


def test_the_default_lexicon_covers_the_required_categories(default_lexicon):
    ids = {c.id for c in default_lexicon.categories}
    assert {"distancing", "hedge", "report_loaded", "evaluative", "name_calling", "exaggeration",
            "fear", "flag_waving"} == ids
    assert default_lexicon.scare_quote_category.id == "distancing"
    forms = {form.lower() for t in default_lexicon.terms for form in t.surface_forms}
    assert {"claimed", "so-called", "alleged", "slammed", "chided", "thundered", "fired back"} <= forms
    assert not {"said", "told", "according to"} & forms, "neutral verbs point away from loaded sentences"
    assert not {"takfiri", "regime", "isil", "daesh", "assad"} & forms, "story-specific terms live in the story"
    assert not any(t.referent for t in default_lexicon.terms)
    for category in default_lexicon.categories:
        assert category.description and category.teaching_note
    assert default_lexicon.sources, "the default lexicon names the research it draws on"


def test_scare_quotes_only_on_one_category():
    with pytest.raises(LexiconError, match="scare_quotes is set on a, b"):
        lexicon = make_lexicon(a=["x"], b=["y"])
        data = {"name": "t", "description": "d", "categories": [
            {"id": c.id, "name": c.name, "description": "d", "teaching_note": "n", "terms": [c.terms[0].text],
             "scare_quotes": True} for c in lexicon.categories]}
        parse_lexicon(data, source="x")
