"""Matching time against text length for the worst terms the lexicon format allows.

A lexicon term may hold words, spaces, hyphens, apostrophes, full stops, ampersands and a `*` at
the end of a word, nothing else; each becomes a regular expression (framing.matcher.compile_term)
and `Matcher` confirms with it only where its Aho-Corasick scan proposes a match. If any of that
backtracked super-linearly, the time per MB would grow with the text. This script times both
matchers on adversarial texts of growing size and prints the time per MB at each size and the
ratio of the largest text's time per MB to the smallest's: about 1 means linear.

Lexicons (each valid by the format's rules):
  stars    `a*`, `a* a*`, `a* a* a*`, `a* a* a* a*`, `a*-a*-a*`, `a'* a*`, `'a* a*` and `a* b`
  long     80-character terms: 40 one-letter words, 79 a's and a *, hyphen chains, apostrophe words
  many     2,000 terms: runs of `a` words ending in a word that never comes, and starred prefixes
Texts: a run of `a` (one word), `a a a ...`, `a-a-a ...`, `a'a'a ...`, `'a 'a ...`, and
`a a a ... b` chunks, each cut to 10k, 100k and 1M characters.

    python bench/pattern_linearity.py [--sizes 10000 100000 1000000] [--repeats 3]

The regex matcher (one expression per term over the whole text) runs on the small lexicons only:
it is the reference, and with 2,000 terms it is slow though linear.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.lexicon import MAX_TERM_LENGTH, parse_lexicon  # noqa: E402
from framing.matcher import Matcher, RegexMatcher  # noqa: E402

TEXTS = {
    "aaaa": "a",
    "a a a": "a ",
    "a-a-a": "a-",
    "a'a'a": "a'",
    "'a 'a": "'a ",
    "a a b": "a a a a a a a b ",
}


def lexicons() -> dict[str, dict[str, list[str]]]:
    """Category id -> terms, for each adversarial lexicon."""
    long_terms = [
        " ".join(["a"] * (MAX_TERM_LENGTH // 2)),
        "a" * (MAX_TERM_LENGTH - 1) + "*",
        "-".join(["a"] * (MAX_TERM_LENGTH // 2)),
        " ".join(["a*"] * (MAX_TERM_LENGTH // 3)),
        " ".join(["a'a*"] * (MAX_TERM_LENGTH // 5)),
        " ".join(["a"] * (MAX_TERM_LENGTH // 2 - 1)) + " b",
    ]
    many = [" ".join(["a"] * (i % 38 + 1)) + f" b{i}" for i in range(1000)]
    many += ["a" * (i % 75 + 1) + f"{i}*" for i in range(1000)]
    return {
        "stars": {"adversarial": ["a*", "a* a*", "a* a* a*", "a* a* a* a*", "a*-a*-a*", "a'* a*", "'a* a*", "a* b"]},
        "long": {"adversarial": long_terms},
        "many": {"adversarial": many},
    }


def build(terms_by_category: dict[str, list[str]]):
    return parse_lexicon({
        "name": "adversarial", "description": "worst cases the format allows",
        "categories": [{"id": cid, "name": cid, "description": "x", "teaching_note": "x", "terms": terms}
                       for cid, terms in terms_by_category.items()],
    }, source="bench")


def best_time(find, text: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        find(text)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    print(f"Python {platform.python_version()}, {platform.machine()}; sizes {sizes}; best of {args.repeats}")
    print(f"{'matcher':8} {'lexicon':8} {'text':8} " + " ".join(f"{f's/MB @{n:,}':>16}" for n in sizes)
          + f" {'ratio':>7} {'matches @max':>13}")
    results, worst = [], 0.0
    for lexicon_name, terms in lexicons().items():
        lexicon = build(terms)
        engines = {"aho": Matcher(lexicon)}
        if lexicon_name != "many":
            engines["regex"] = RegexMatcher(lexicon)
        for engine_name, matcher in engines.items():
            for text_name, unit in TEXTS.items():
                per_mb, found = [], 0
                for size in sizes:
                    text = (unit * (size // len(unit) + 1))[:size]
                    seconds = best_time(matcher.find, text, args.repeats if size < 1_000_000 else 1)
                    per_mb.append(seconds / (len(text.encode()) / 1e6))
                    found = len(matcher.find(text)) if size == sizes[-1] else found
                ratio = per_mb[-1] / per_mb[0]
                worst = max(worst, ratio)
                results.append({"matcher": engine_name, "lexicon": lexicon_name, "text": text_name,
                                "seconds_per_mb": per_mb, "ratio": ratio, "matches": found})
                print(f"{engine_name:8} {lexicon_name:8} {text_name:8} "
                      + " ".join(f"{value:16.4f}" for value in per_mb) + f" {ratio:7.2f} {found:13,}")
    print(f"largest ratio of time per MB, {sizes[-1]:,} against {sizes[0]:,} characters: {worst:.2f}")
    print(json.dumps({"sizes": sizes, "worst_ratio": worst, "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
