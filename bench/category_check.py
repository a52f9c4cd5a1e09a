"""How the default lexicon's general categories hold on stories other than the one they grew from.

    python bench/category_check.py [--shared PATH] [--sample 20] [--seed 0] [--show]

Over the bundled story and the five development stories (each imported as a user would, one
outlet per file, into a temporary data folder), for each category: its hits, its hits per 1,000
words, and the share of a sample of its hits that a careful reader accepts as an instance of the
category. The sample is `--sample` hits per category drawn with `--seed` from all stories; each
judgement is kept in bench/category_judgements.yaml under a hash of the sentence, the term and
the matched words (never the text itself), so the figure can be recomputed. `--show` prints the
sampled hits not yet judged, each in its sentence, to be judged by hand and added to the file.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from framing import analyse, load_lexicon, load_story  # noqa: E402
from framing.library.importing import read_files  # noqa: E402
from framing.library.story_store import create_story  # noqa: E402
from framing.stories import STORIES_DIR  # noqa: E402

JUDGEMENTS = Path(__file__).with_name("category_judgements.yaml")
DEV_STORIES = "dev-stories"


def default_shared() -> Path:
    beside = REPO.parent / "shared"
    return beside if beside.is_dir() else Path("/work/shared")


def dev_stories(shared: Path, data_folder: Path) -> list:
    """The development stories, imported into `data_folder` the way the Import page does it."""
    os.environ["FRAMING_DATA_DIR"] = str(data_folder)
    stories = []
    for folder in sorted((shared / DEV_STORIES).glob("newswcl50-event-*")):
        drafts = []
        for path in sorted(folder.glob("*.txt")):
            result = read_files([(path.name, path.read_bytes())])
            drafts += [draft.with_defaults({"outlet": path.stem}) for draft in result.drafts]
        saved = create_story(folder.name, "", drafts)
        stories.append(load_story(saved.folder))
    return stories


def judgement_key(sentence: str, term: str, match: str) -> str:
    return hashlib.sha256(f"{sentence}\0{term}\0{match}".encode()).hexdigest()[:16]


def hits_with_sentences(analysis) -> list[dict]:
    """Every span of the general categories, with its sentence's text."""
    general = {c.id for c in analysis.lexicon.categories if not c.story and not c.fills_gaps}
    sentences = {doc.article.id: (doc.text, doc.sentences) for doc in analysis.documents}
    rows = []
    for span in analysis.spans.itertuples():
        if span.category in general:
            text, bounds = sentences[span.article]
            start, end = bounds[span.sentence]
            rows.append({"story": analysis.story.slug, "category": span.category, "term": span.term,
                         "match": span.text, "voice": span.voice, "sentence": " ".join(text[start:end].split())})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", action="store_true", help="print the sampled hits not yet judged")
    args = parser.parse_args()
    lexicon = load_lexicon()
    judged = yaml.safe_load(JUDGEMENTS.read_text(encoding="utf-8")) if JUDGEMENTS.is_file() else {}
    with tempfile.TemporaryDirectory() as folder:
        stories = [load_story(STORIES_DIR / "assad-coalition-2015"), *dev_stories(args.shared, Path(folder))]
        analyses = [analyse(story, lexicon) for story in stories]
    words = sum(int(a.articles["words"].sum()) for a in analyses)
    hits = [hit for analysis in analyses for hit in hits_with_sentences(analysis)]
    print(f"{len(stories)} stories, {sum(len(s.articles) for s in stories)} articles, {words:,} words")
    print(f"{'category':<16}{'hits':>7}{'per 1000':>10}{'own words':>11}{'judged':>8}{'accepted':>10}")
    rng = random.Random(args.seed)
    for category in lexicon.categories:
        found = [hit for hit in hits if hit["category"] == category.id]
        sample = rng.sample(found, min(args.sample, len(found)))
        verdicts = []
        for hit in sample:
            key = judgement_key(hit["sentence"], hit["term"], hit["match"])
            if key in judged:
                verdicts.append(bool(judged[key]["accept"]))
            elif args.show:
                print(f"  {key} {category.id} {hit['term']!r} [{hit['match']}] ({hit['voice']}): {hit['sentence']}")
        accepted = f"{100 * sum(verdicts) / len(verdicts):.0f} %" if verdicts else "-"
        own = sum(hit["voice"] == "narrator" for hit in found)
        print(f"{category.id:<16}{len(found):>7}{1000 * len(found) / words:>10.1f}{own:>11}"
              f"{len(verdicts):>5}/{len(sample):<2}{accepted:>10}")


if __name__ == "__main__":
    main()
