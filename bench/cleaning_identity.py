"""Cleaning, sentence bounds and quotations against another checkout's: the same outputs on every text, and the time.

    python bench/cleaning_identity.py identity --before DIR [--articles 20000] [--examples 3000]
    python bench/cleaning_identity.py speed --before DIR [--rounds 2]

`identity` runs `framing.cleaning.clean` (every piece with its line, kind and reason, and the
cleaned text, with the analysed kinds and with captions kept too), `framing.text.sentence_bounds`
(of the raw text and of the cleaned text) and `framing.quotes.find_quotations` (every quotation's
offsets, mark, closed, nested and scare flags, in the raw text and in the cleaned text, each with
its sentences, and again without them where a checkout finds them line by line) in this checkout
and in the one at `--before` (e.g. `git archive COMMIT | tar -x -C DIR`, run in its own process) on every article of the
development stories (../shared/dev-stories), on bench/corpus.py's generated articles and on
Hypothesis-generated text (characters the rules look at, news words, abbreviations, line ends,
odd spaces, quote marks of every kind around a few repeated words, anything at all); prints the
counts and exits 1 on any mismatch.

`speed` times, in each checkout's own process, alternating, `--rounds` times each: cleaning
alone and sentence bounds alone over 2,500 generated articles (CPU per 500, best of 5).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_articles  # noqa: E402

# Run in a checkout (its own `framing`): reads one JSON list of texts a line, writes their outputs.
WORKER = r"""
import inspect, json, sys
sys.path.insert(0, ".")
from framing.cleaning import ANALYSED_KINDS, clean
from framing.quotes import find_quotations
from framing.text import sentence_bounds

# A checkout whose quotations can find their own sentences, line by line, is asked to here.
BY_LINE = inspect.signature(find_quotations).parameters["sentences"].default is None

def quotations(text, sentences):
    return [[q.start, q.end, q.mark, q.closed, q.nested, q.scare] for q in find_quotations(text, sentences)]

def outputs(raw):
    results = []
    for keep in (ANALYSED_KINDS, ANALYSED_KINDS | {"caption"}):
        cleaned = clean(raw, keep=keep)
        results.append([cleaned.text, [[p.line, p.text, p.kind, p.reason] for p in cleaned.pieces]])
    raw_sentences, sentences = sentence_bounds(raw), sentence_bounds(results[0][0])
    return [results, raw_sentences, sentences, quotations(raw, raw_sentences), quotations(results[0][0], sentences),
            quotations(raw, None if BY_LINE else raw_sentences),
            quotations(results[0][0], None if BY_LINE else sentences)]

for line in sys.stdin:
    print(json.dumps([outputs(raw) for raw in json.loads(line)]), flush=True)
"""

TIMING = r"""
import gc, json, sys, time
sys.path.insert(0, ".")
from framing.cleaning import clean
from framing.text import sentence_bounds

raws = json.loads(sys.stdin.read())
texts = [clean(raw).text for raw in raws]
gc.freeze()

def cpu_per_500(work, tries=5):
    best = float("inf")
    for _ in range(tries):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best * 1e3 * 500 / len(raws)

print(json.dumps({"clean_ms": cpu_per_500(lambda: [clean(raw) for raw in raws]),
                  "bounds_ms": cpu_per_500(lambda: [sentence_bounds(text) for text in texts])}))
"""


class Checkout:
    """A checkout's cleaning and sentence bounds, run in a process of its own."""

    def __init__(self, tree: Path):
        self.process = subprocess.Popen([sys.executable, "-c", WORKER], cwd=tree, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def outputs(self, raws: list[str]) -> list:
        self.process.stdin.write(json.dumps(raws) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def development_stories(shared: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted((shared / "dev-stories").glob("*/*.txt"))]


def compare(name: str, raws: list[str], checkouts: tuple[Checkout, Checkout], batch: int = 500) -> int:
    mismatches = sentences = pieces = quoted = scare = 0
    for at in range(0, len(raws), batch):
        group = raws[at:at + batch]
        before, now = (checkout.outputs(group) for checkout in checkouts)
        for raw, old, new in zip(group, before, now, strict=True):
            sentences += len(old[2])
            pieces += len(old[0][0][1])
            quoted += len(old[4])
            scare += sum(quotation[5] for quotation in old[4])
            if old != new:
                mismatches += 1
                if mismatches <= 3:
                    print(f"  mismatch: {raw[:160]!r}")
    print(f"{name}: {len(raws):,} texts, {pieces:,} pieces, {sentences:,} sentences and {quoted:,} quotations "
          f"({scare:,} scare quotes) of cleaned text, mismatches {mismatches}")
    return mismatches


def hypothesis_texts(examples: int) -> list[str]:
    """Text that exercises the rules: every character and word they look at, and anything at all."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from([
        *"\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e \n\r\t-\u2013\u2014.!?,;:()[]*|=_~\u2022\u00b7\u00a9",
        ". ", ".\n", "\r\n", "\n\n", "  ", "\u00a0", "\u2028", "\x85", "\u3000", "\ufeff", "\u0301",
        "\u0130", "\u0131", "\u212a", "\u017f", "\u00df", "\u00e9", "Mr", "mrs", "U.S", "u.k.", "e.g", "Sept",
        "etc", "Prof", "J", "x", "9", "A", "The", "He", "said", "regime", "Assad", "By ", "by", "Posted by ",
        "Written by", "Reporting by", "Author:", "Published", "Updated on", "Last modified:", "Share this",
        "Tweet this", "Follow us", "Read more", "Comments (3)", "Facebook", "Subscribe", "Sign up", "sign up",
        "newsletter", "Newsletters", "inbox", "delivered directly", "free daily email", "Advertisement",
        "subscription", "you", "your", "Escape", "Get", "Credit:", "Photo: AP", "Photograph:", "Image:",
        "File photo:", "Source:", "(left)", "(R)", "(l-r)", "(2nd left)", "REUTERS - ", "DAMASCUS (Sputnik) \u2014 ",
        "BEIRUT, Feb 10 (AFP) - ", "22-11-2024", "November 22, 2024", "22 Nov 2024", "14:01", "---", "* * *",
        "coalition.Assad", "war.Photo", "said.AP", "2024.Getty Images", ").Reuters",
    ])
    texts: list[str] = []
    lines = st.lists(st.one_of(pieces, st.text(max_size=4)), max_size=40).map("".join)
    # Words, stops and what follows a stop, close together: the boundaries and abbreviations.
    stops = st.tuples(st.sampled_from(["Mr", "mR", "U.S", "u.s.", "E.g", "sept", "Corp", "\u212ao", "\u017ft",
                                       "\u0130", "J", "\u00e9", "9", "x", "said", "(Dr", "\"Mr", "a.Mr"]),
                      st.sampled_from([".", "..", "...", "!", "?", ".?", "?.", "!..", "", "\u2026"]),
                      st.sampled_from(["", "\"", "'", "\u201d", "\u2019", ")", "]", "\")"]),
                      st.sampled_from([" ", "  ", "\t", "\u00a0", "\n", "", " \n"]),
                      st.sampled_from(["A", "the", "\"He", "\u201cWe", "(B", "[C", "9", "\u2018It", "é"])).map("".join)
    # Quote marks of every kind around a few repeated words, apostrophes, markers and speech verbs:
    # pairs, nests, marks left open, scare quotes and the quotations that repeat them.
    quoting = st.lists(st.one_of(st.sampled_from([
        *"\"'\u201c\u201d\u2018\u2019\u201a\u201e\u00ab\u00bb", " ", " ", "\n", ". ", ", ", "-", "_",
        "moderate", "rebels", "Moderate Rebels", "pipe dream", "don't", "Syria\u2019s", "players'", "a", "9",
        "so-called", "he said", "she tweeted", "according to", "officials said.", "The ", "\u0130", "\u03a3",
        "was\u2018 ", "it\u2018s", "s\u2019 "]),
        st.text(max_size=3)), max_size=40).map("".join)
    article = st.one_of(st.text(), st.lists(lines, max_size=12).map("\n".join),
                        st.lists(st.one_of(stops, pieces), max_size=30).map("".join), quoting)

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(article)
    def collect(text):
        texts.append(text)

    collect()
    return texts


def identity(args) -> int:
    checkouts = (Checkout(args.before.resolve()), Checkout(ROOT))
    try:
        failed = compare("development stories", development_stories(args.shared), checkouts)
        failed += compare("generated articles", [row["text"] for row in generate_articles(args.articles)], checkouts)
        failed += compare("Hypothesis texts", hypothesis_texts(args.examples), checkouts, batch=100)
    finally:
        for checkout in checkouts:
            checkout.close()
    return 1 if failed else 0


def speed(args) -> int:
    raws = json.dumps([row["text"] for row in generate_articles(2500)])
    trees = {"before": args.before.resolve(), "this checkout": ROOT}
    for round_number in range(1, args.rounds + 1):
        for name, tree in trees.items():
            result = subprocess.run([sys.executable, "-c", TIMING], cwd=tree, input=raws, capture_output=True,
                                    text=True, check=True, encoding="utf-8")
            figures = json.loads(result.stdout)
            print(f"round {round_number}, {name}: cleaning {figures['clean_ms']:.1f} ms, "
                  f"sentence bounds {figures['bounds_ms']:.1f} ms per 500 articles (CPU)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("identity", help="the outputs against another checkout's on every text")
    check.add_argument("--before", type=Path, required=True, help="a checkout of the code to compare with")
    check.add_argument("--articles", type=int, default=20_000, help="generated articles (default 20,000)")
    check.add_argument("--examples", type=int, default=3000, help="Hypothesis texts (default 3,000)")
    check.add_argument("--shared", type=Path, default=ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir()
                       else Path("/work/shared"), help="the folder holding dev-stories")
    timing = commands.add_parser("speed", help="this checkout against another, side by side")
    timing.add_argument("--before", type=Path, required=True, help="a checkout of the code to compare with")
    timing.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    return identity(args) if args.command == "identity" else speed(args)


if __name__ == "__main__":
    sys.exit(main())
