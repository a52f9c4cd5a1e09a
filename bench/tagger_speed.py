"""The sense filter's tagger (framing/tagging.py) against TextBlob's own: the same tags everywhere, and the time.

    python bench/tagger_speed.py identity [--articles 2000] [--shared DIR]
    python bench/tagger_speed.py senses --before DIR [--workdir DIR] [--examples 3000] [--shared DIR]
    python bench/tagger_speed.py speed --before DIR [--workdir DIR] [--rounds 2]

`identity` compares `framing.tagging.tagged_tokens` with `textblob.en.tag` (token and tag, pair by
pair) on every sentence, as the sense filter cuts them (after each `.`, `!`, `?` or line end), of
the development stories (../shared/dev-stories) and of bench/corpus.py's generated articles, each
also lowercased (as the filter reads a headline), and on every paragraph and whole cleaned text;
prints the counts and exits 1 on any mismatch.

`senses` runs the sense filter and the tagger in this checkout and in the one at `--before`, each
in its own process, on the cleaned texts of the development stories, of every article of the
workdir's corpus and of Hypothesis-generated text (the lexicons' words, negators in any case,
capitals, stops, quotes, emoticons, line ends): which matches `meant_mask` keeps, chunk by chunk as
the batch calls it, with the workdir's lexicon and the default one; which `keep_meant` keeps, text
by text; and the tokens, offsets and tags of every sentence as the filter cuts them (and lowercased),
tagged all at once where the checkout can (`tagged_texts`), else one by one. Exits 1 on any mismatch.

`speed` compares the code in this checkout with another checkout of the project (`--before`, e.g.
`git archive COMMIT | tar -x -C DIR`), each in its own process, alternating, `--rounds` times each:
the tagger alone on the sentences the sense filter tags in the first chunks of the corpus; one
500-article chunk through `score_chunk` by step (CPU, best of 3 on each of 5 chunks; quotations are
`find_quotations` on the chunk's cleaned texts and sentences, word counts `voice_words` on them and
their quote regions); and the batch
command over the whole corpus (CPU of the command and its workers, MB of JSONL per CPU-second). The
corpus and lexicon are bench/batch_identical.py's (`record` writes them into the workdir).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from batch_scale import load_average, run_measured  # noqa: E402
from corpus import generate_articles  # noqa: E402

SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?\n]|$)")  # up to and with the next stop, as framing.senses cuts them
CHUNK = 500
CHUNKS = 5

# Run in each checkout (its own `framing`): the sentences the sense filter tags, the tagger over
# them, and one chunk by step. Prints one JSON line.
MEASURE = r"""
import gc, json, sys, time
sys.path.insert(0, ".")
from framing.batch import scoring
from framing.lexicon import load_lexicon
import framing.senses as senses
import framing.tagging as tagging
from framing.quotes import find_quotations
from framing.spans import Layout, voice_words

workdir, chunk, chunks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
lexicon = load_lexicon(f"{workdir}/lexicon.yaml")
with open(f"{workdir}/corpus.jsonl", "rb") as lines:
    rows = [(number, json.loads(line)) for number, line in zip(range(chunk * chunks), lines)]
groups = [rows[at:at + chunk] for at in range(0, len(rows), chunk)]
# The tagger as the sense filter calls it: a chunk's distinct sentences in one call, or each one alone.
tagger_name = next(name for name in ("tagged_texts", "tagged_text", "_tag") if hasattr(senses, name))
tagger = getattr(senses, tagger_name)
calls = []
setattr(senses, tagger_name, lambda text: (calls.append(text), tagger(text))[1])
scoring.score_chunk(groups[0], lexicon, False)
setattr(senses, tagger_name, tagger)
stretches = [text for call in calls for text in call] if tagger_name == "tagged_texts" else calls
gc.freeze()  # as a batch worker does after its set-up

def cpu(work, tries=3):
    best = float("inf")
    for _ in range(tries):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best

tagger_s = cpu(lambda: [tagger(call) for call in calls])
matcher = scoring._matcher(lexicon)
steps = {"chunk": [], "layout": [], "quotations": [], "matcher": [], "sense filter": [], "word counts": []}
for group in groups:
    articles = [a for a in (scoring._article(n, r) for n, r in group) if not isinstance(a, scoring.RecordProblem)]
    layouts = [Layout.of(article) for article in articles]
    texts = [layout.text for layout in layouts]
    found = matcher.find_arrays(texts)
    terms = matcher.term_orders[found.orders]
    steps["chunk"].append(cpu(lambda: scoring.score_chunk(group, lexicon, False)))
    steps["layout"].append(cpu(lambda: [Layout.of(article) for article in articles]))
    steps["quotations"].append(cpu(lambda: [find_quotations(layout.text, layout.sentences) for layout in layouts]))
    steps["matcher"].append(cpu(lambda: matcher.find_arrays(texts)))
    meant = (texts, found.starts, found.ends, terms, found.bounds, lexicon)
    steps["sense filter"].append(cpu(lambda: senses.meant_mask(*meant)))
    steps["word counts"].append(cpu(lambda: voice_words(texts, [layout.regions for layout in layouts])))
print(json.dumps({"sentences": len(stretches), "chars": sum(map(len, stretches)), "tagger_ms": tagger_s * 1e3,
                  **{name + "_ms": min(times) * 1e3 for name, times in steps.items()}}))
"""


# Run in each checkout: reads one JSON list of cleaned texts a line, writes a digest of each text's
# outputs (the sense filter's with each lexicon, and the tags of its sentences).
SENSES = r"""
import hashlib, json, re, sys
sys.path.insert(0, ".")
import numpy as np
import framing.tagging as tagging
from framing.lexicon import load_lexicon
from framing.matcher import Matcher
from framing.senses import keep_meant, meant_mask

SENTENCE = re.compile(SENTENCE_PATTERN)
lexicons = [load_lexicon(sys.argv[1]), load_lexicon()]
matchers = [Matcher(lexicon) for lexicon in lexicons]
negated = frozenset(c.id for c in lexicons[1].categories if c.skip_negated)

def tagged(sentences):
    if hasattr(tagging, "tagged_texts"):
        found = tagging.tagged_texts(sentences)
        columns = [found.starts, found.ends, found.tags]
        return [[column[a:b] for column in columns] for a, b in zip(found.bounds, found.bounds[1:])]
    return [list(tagging.tagged_text(sentence)) for sentence in sentences]

for line in sys.stdin:
    texts = json.loads(line)
    outputs = [[] for _ in texts]
    for lexicon, matcher in zip(lexicons, matchers):
        found = matcher.find_arrays(texts)
        keep = meant_mask(texts, found.starts, found.ends, matcher.term_orders[found.orders], found.bounds, lexicon)
        for number, (a, b) in enumerate(zip(found.bounds.tolist(), found.bounds[1:].tolist())):
            outputs[number].append([int(b - a), np.flatnonzero(~keep[a:b]).tolist()])
    for number, text in enumerate(texts):
        kept = keep_meant(text, matchers[1].find(text), negated_categories=negated)
        outputs[number].append([match[:2] for match in kept])
        sentences = [s for s in SENTENCE.findall(text) if s]
        outputs[number].append(tagged(sentences + [s.lower() for s in sentences]))
    digests = [hashlib.sha256(json.dumps(output).encode()).hexdigest() for output in outputs]
    counts = [[output[0][0], len(output[0][1]), output[1][0], len(output[1][1]), len(output[3])] for output in outputs]
    print(json.dumps([digests, counts]), flush=True)
""".replace("SENTENCE_PATTERN", repr(SENTENCE.pattern))


def senses_texts(examples: int) -> list[str]:
    """Text the sense filter and the tagger read closely: words the lexicons name a part of speech
    for, negators in any case and apostrophe, capitals and title case, stops, quotes and emoticons."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    words = st.sampled_from([
        "attack", "attacks", "Attacked", "complained", "Complaint", "defend", "hope", "Hope", "fear", "claims",
        "slammed", "regime", "crisis", "disaster", "not", "NOT", "Never", "no", "nor", "without", "cannot",
        "don't", "won\u2019t", "isn't", "N'T", "hardly", "The", "He", "said", "Trump", "Assad", "U.S.", "Mr.",
        "it's", ":)", "x D", "( ! )", "&slash;", "\u201c", "\u201d", "\u2018", "\u2019", "'", '"', "(", ")",
        ".", "...", "!", "?", ",", ";", "\u2014", "-", "\x00", "\ue000", "\u0130stanbul", "3.5%",
    ])
    gaps = st.sampled_from([" ", " ", " ", "", "\n", ". ", ", ", "\t", "\u00a0"])
    text = st.one_of(st.lists(st.tuples(words, gaps), max_size=40).map(lambda pairs: "".join(w + g for w, g in pairs)),
                     st.text(max_size=80))
    texts: list[str] = []

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(text)
    def collect(item):
        texts.append(item)

    collect()
    return texts


def senses(args) -> int:
    from framing.spans import Layout
    from framing.stories import Article
    with (args.workdir / "corpus.jsonl").open(encoding="utf-8") as lines:
        corpus = [Layout.of(Article(id=str(n), outlet=row["outlet"], raw=row["text"])).text
                  for n, row in enumerate(map(json.loads, lines))]
    sources = {**{name: texts for name, texts in cleaned_texts(0, args.shared).items() if texts},
               "workdir corpus": corpus, "Hypothesis texts": senses_texts(args.examples)}
    checkouts = [subprocess.Popen([sys.executable, "-c", SENSES, str(args.workdir / "lexicon.yaml")], cwd=tree,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
                 for tree in (args.before.resolve(), ROOT)]
    failed = 0
    try:
        for name, texts in sources.items():
            mismatches, totals = 0, [0] * 5
            for at in range(0, len(texts), CHUNK):
                group = texts[at:at + CHUNK]
                for checkout in checkouts:
                    checkout.stdin.write(json.dumps(group) + "\n")
                    checkout.stdin.flush()
                (before, counts), (now, _) = (json.loads(checkout.stdout.readline()) for checkout in checkouts)
                for text, old, new, count in zip(group, before, now, counts, strict=True):
                    totals = [total + n for total, n in zip(totals, count, strict=True)]
                    if old != new:
                        mismatches += 1
                        if mismatches <= 3:
                            print(f"  mismatch: {text[:120]!r}")
            failed += mismatches
            print(f"{name}: {len(texts):,} texts; workdir lexicon {totals[0]:,} matches, {totals[1]:,} left out; "
                  f"default lexicon {totals[2]:,} matches, {totals[3]:,} left out; {totals[4]:,} sentences tagged "
                  f"(and as many lowercased); mismatches {mismatches}")
    finally:
        for checkout in checkouts:
            checkout.stdin.close()
            checkout.wait()
    return 1 if failed else 0


def cleaned_texts(articles: int, shared: Path) -> dict[str, list[str]]:
    """The cleaned texts of the generated articles and of the development stories, as the engine reads them."""
    from framing.spans import Layout
    from framing.stories import Article
    generated = [Layout.of(Article(id=str(n), outlet=row["outlet"], raw=row["text"])).text
                 for n, row in enumerate(generate_articles(articles))]
    stories = [Layout.of(Article(id=path.name, outlet=path.stem, raw=path.read_text(encoding="utf-8"))).text
               for path in sorted((shared / "dev-stories").glob("newswcl50-event-*/*.txt"))]
    return {"generated corpus": generated, "development stories": stories}


def identity(args) -> int:
    from textblob.en import tag

    from framing.tagging import tagged_tokens
    failed = 0
    for source, texts in cleaned_texts(args.articles, args.shared).items():
        sentences = [s for text in texts for s in SENTENCE.findall(text) if s]
        pieces = {"sentences": sentences, "sentences lowercased": [s.lower() for s in sentences],
                  "paragraphs": [p for text in texts for p in text.split("\n") if p], "whole texts": texts}
        for kind, items in pieces.items():
            tokens = mismatches = 0
            for item in items:
                expected = tag(item)
                tokens += len(expected)
                if tagged_tokens(item) != expected:
                    mismatches += 1
                    if mismatches <= 3:
                        print(f"  mismatch: {item[:120]!r}")
            failed += mismatches
            print(f"{source}, {kind}: {len(items):,} texts, {tokens:,} tokens, mismatches {mismatches}")
    return 1 if failed else 0


def measure(tree: Path, workdir: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE, str(workdir), str(CHUNK), str(CHUNKS)],
                            cwd=tree, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.splitlines()[-1])


def batch(tree: Path, workdir: Path) -> dict:
    out = Path(tempfile.mkdtemp(prefix="tagger-bench-"))
    command = [sys.executable, "-m", "framing", "batch", str(workdir / "corpus.jsonl"), "--lexicon",
               str(workdir / "lexicon.yaml"), "--out", str(out / "scores.parquet"), "--workers", "2", "--no-progress"]
    run = run_measured(command, tree)
    if run["exit"]:
        raise SystemExit(f"the batch failed in {tree}")
    megabytes = (workdir / "corpus.jsonl").stat().st_size / 1e6
    return {**run, "mb_per_cpu_s": round(megabytes / run["cpu_s"], 2)}


def speed(args) -> int:
    workdir = args.workdir
    if not (workdir / "corpus.jsonl").is_file():
        raise SystemExit(f"no corpus in {workdir}: run `python bench/batch_identical.py record {workdir}` first")
    trees = {"before": args.before.resolve(), "this checkout": ROOT}
    print(f"corpus {(workdir / 'corpus.jsonl').stat().st_size / 1e6:.1f} MB; load {load_average()}")
    for round_number in range(1, args.rounds + 1):
        for name, tree in trees.items():
            figures = measure(tree, workdir)
            print(f"round {round_number}, {name}: {figures['sentences']:,} sentences ({figures['chars']:,} chars) "
                  f"tagged in {figures['tagger_ms']:.0f} ms; chunk {figures['chunk_ms']:.0f} ms: layout (cleaning, "
                  f"sentences, quotations) {figures['layout_ms']:.0f}, "
                  f"quotations alone {figures['quotations_ms']:.0f}, "
                  f"matcher {figures['matcher_ms']:.0f}, "
                  f"sense filter {figures['sense filter_ms']:.0f}, "
                  f"word counts by voice {figures['word counts_ms']:.0f}; load {load_average()}")
    for round_number in range(1, args.rounds + 1):
        for name, tree in trees.items():
            run = batch(tree, workdir)
            print(f"round {round_number}, {name}: batch {run['cpu_s']} CPU-s, {run['seconds']} s wall, "
                  f"{run['mb_per_cpu_s']} MB per CPU-second; load {load_average()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("identity", help="the tags against textblob.en.tag on every sentence")
    check.add_argument("--articles", type=int, default=2000, help="generated articles (default 2,000)")
    check.add_argument("--shared", type=Path, default=ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir()
                       else Path("/work/shared"), help="the folder holding dev-stories")
    sense = commands.add_parser("senses", help="the sense filter and tagger against another checkout's")
    sense.add_argument("--before", type=Path, required=True, help="a checkout of the code to compare with")
    sense.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "same",
                       help="bench/batch_identical.py's folder: corpus.jsonl and lexicon.yaml")
    sense.add_argument("--examples", type=int, default=3000, help="Hypothesis texts (default 3,000)")
    sense.add_argument("--shared", type=Path, default=ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir()
                       else Path("/work/shared"), help="the folder holding dev-stories")
    timing = commands.add_parser("speed", help="this checkout against another, side by side")
    timing.add_argument("--before", type=Path, required=True, help="a checkout of the code to compare with")
    timing.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "same",
                        help="bench/batch_identical.py's folder: corpus.jsonl and lexicon.yaml")
    timing.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    return {"identity": identity, "senses": senses, "speed": speed}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
