"""The benchmark corpus generator: a valid 2,000-term lexicon, deterministic news-like articles
that the engine finds hits and quotations in, and files that read back as written."""

import csv
import datetime as dt
import json
import statistics
from collections import Counter

import pyarrow.parquet as pq
import pytest
import yaml
from conftest import load_bench

from framing.lexicon import load_lexicon, parse_lexicon
from framing.matcher import Matcher
from framing.spans import analyse_articles
from framing.stories import Article
from framing.text import fold

corpus = load_bench("corpus")


@pytest.fixture(scope="module")
def base_lexicon():
    """What the synthetic corpus is written for: the bundled story's layer and the general categories."""
    return parse_lexicon(corpus.base_lexicon_data(), source="base")


@pytest.fixture(scope="module")
def articles():
    return list(corpus.generate_articles(200, seed=0))


def key(text):
    return fold(text).lower()


def test_lexicon_has_exactly_the_terms_asked_for_and_every_default_term(base_lexicon):
    lexicon = parse_lexicon(corpus.generate_lexicon(2000, seed=0), source="generated")
    assert len(lexicon.terms) == 2000
    assert {key(t.text) for t in base_lexicon.terms} <= {key(t.text) for t in lexicon.terms}
    assert [c.id for c in lexicon.categories] == [c.id for c in base_lexicon.categories]
    assert lexicon.scare_quote_category.id == base_lexicon.scare_quote_category.id
    extras = {key(t.text) for t in base_lexicon.terms} ^ {key(t.text) for t in lexicon.terms}
    extra_terms = [t for t in lexicon.terms if key(t.text) in extras]
    generated = {category for category, _ in corpus._extra_candidates()}
    assert {"actor_label", "actor_name", "distancing", "hedge", "report_neutral", "report_loaded", "evaluative",
            "legitimacy"} <= generated
    assert all(Counter(t.category for t in extra_terms)[c] >= 50 for c in generated)
    assert any(t.text.endswith("*") for t in extra_terms)
    assert any(" " in t.text for t in extra_terms) and any("-" in t.text for t in extra_terms)
    assert any(t.match_case for t in extra_terms)
    assert all(t.referent for t in extra_terms if t.category in ("actor_label", "actor_name"))


def test_lexicon_is_deterministic_and_survives_yaml(tmp_path):
    data = corpus.generate_lexicon(2000, seed=0)
    assert data == corpus.generate_lexicon(2000, seed=0)
    assert data != corpus.generate_lexicon(2000, seed=1)
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert len(load_lexicon(path).terms) == 2000


def test_lexicon_size_is_bounded(base_lexicon):
    with pytest.raises(ValueError, match="at least"):
        corpus.generate_lexicon(len(base_lexicon.terms) - 1)
    with pytest.raises(ValueError, match="at most"):
        corpus.generate_lexicon(100_000)


def test_articles_are_deterministic_for_a_seed():
    first = list(corpus.generate_articles(20, seed=0, outlets=5))
    assert first == list(corpus.generate_articles(20, seed=0, outlets=5))
    assert [a["text"] for a in first] != [a["text"] for a in corpus.generate_articles(20, seed=1, outlets=5)]


def test_articles_have_the_fields_unique_ids_dates_and_a_realistic_length(articles):
    assert all(tuple(a) == corpus.FIELDS and all(isinstance(v, str) and v for v in a.values()) for a in articles)
    assert len({a["article"] for a in articles}) == len(articles)
    dates = [dt.date.fromisoformat(a["date"]) for a in articles]
    assert all(dt.date(2015, 1, 1) <= d <= dt.date(2016, 12, 31) for d in dates)
    assert 3500 <= statistics.mean(len(a["text"]) for a in articles) <= 4500
    assert len({a["outlet"] for a in articles}) == 20
    assert len({a["story"] for a in articles}) > 5
    for a in articles:  # one paragraph per line, each a finished sentence
        paragraphs = a["text"].split("\n")
        assert len(paragraphs) >= 3 and all(p.strip() == p and p[-1] in ".\"\u201d" for p in paragraphs)
        assert "{" not in a["text"] and "{" not in a["headline"]


def test_articles_mix_quote_styles(articles):
    text = "".join(a["text"] for a in articles)
    assert '"' in text and "\u201c" in text and "\u201d" in text and "\u2019" in text


def test_base_lexicon_finds_labels_and_names_at_a_realistic_density(articles, base_lexicon):
    matcher = Matcher(base_lexicon)
    sample = articles[:40]
    hits = Counter(term.category for a in sample for _, _, term in matcher.find(a["text"]))
    words = sum(len(a["text"].split()) for a in sample)
    assert {"actor_label", "actor_name", "distancing", "hedge", "report_neutral", "report_loaded", "evaluative",
            "legitimacy"} <= set(hits) <= {c.id for c in base_lexicon.categories}
    assert 1 <= 100 * hits["actor_label"] / words <= 5
    assert 2 <= 100 * hits["actor_name"] / words <= 10
    assert {"so-called", "alleged", "allegedly", "reportedly"} & {
        key(term.text) for a in sample for _, _, term in matcher.find(a["text"])
    }


def test_outlets_differ_in_their_vocabulary(articles, base_lexicon):
    matcher = Matcher(base_lexicon)
    labels = {}
    for a in articles:
        found = matcher.find(a["text"])
        counts = labels.setdefault(a["outlet"], Counter())
        counts.update(term.text for _, _, term in found if term.category == "actor_label")
    favourites = {counts.most_common(1)[0][0] for counts in labels.values()}
    assert len(favourites) >= 3


def test_engine_finds_quotations_and_scare_quotes(articles, base_lexicon):
    matcher = Matcher(base_lexicon)
    analyses = analyse_articles([Article(id=a["article"], outlet=a["outlet"], raw=a["text"]) for a in articles[:30]],
                                base_lexicon, matcher)
    assert all(any(s.voice == "quote" for s in analysis.spans) for analysis in analyses)
    assert any(q.scare for analysis in analyses for q in analysis.quotations)
    assert all(len(analysis.text) >= 0.9 * len(analysis.article.raw) for analysis in analyses)  # little cut


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_each_format_reads_back_as_written(tmp_path, suffix):
    path = tmp_path / f"corpus{suffix}"
    rows, size = corpus.write_corpus(path, 50, seed=0, outlets=5)
    expected = list(corpus.generate_articles(50, seed=0, outlets=5))
    if suffix == ".jsonl":
        read = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    elif suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as file:
            read = list(csv.DictReader(file))
    else:
        read = pq.read_table(path).to_pylist()
    assert rows == 50 and read == expected
    assert size == sum(len(a["text"].encode()) for a in expected)


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        corpus.write_corpus(tmp_path / "corpus.txt", 1)


def test_cli_writes_the_corpus_and_the_lexicon(tmp_path, capsys):
    out, lexicon = tmp_path / "corpus.jsonl", tmp_path / "lexicon.yaml"
    argv = ["--articles", "5", "--out", str(out), "--outlets", "5", "--lexicon-out", str(lexicon), "--terms", "1000"]
    assert corpus.main(argv) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    assert len(load_lexicon(lexicon).terms) == 1000
    printed = capsys.readouterr().out
    assert "1,000 terms" in printed and "5 articles" in printed and "MB/s" in printed
