"""A single paragraph's analysis time against its length, for text the passes find hardest.

`find_hits` runs every per-article pass of the story engine and the batch (cleaning, sentences,
quotations and scare quotes, the matcher, the part-of-speech and negation filter). A pass that
goes over a sentence or every quotation once per match grows with the square of a paragraph with
no full stop; this script times paragraphs of growing size and prints the microseconds per
character at each and the ratio of the largest's to the smallest's: about 1 means linear.

Texts (one line each, no full stop, so the paragraph is one sentence):
  quotes   mostly quotation marks, straight and curly, mixed with a few words
  words    lexicon words, hyphenated labels, commas and quotation marks

    python bench/paragraph_linearity.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing import load_lexicon  # noqa: E402
from framing.matcher import Matcher  # noqa: E402
from framing.spans import find_hits  # noqa: E402
from framing.stories import Article  # noqa: E402

KINDS = {
    "quotes": ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", " ", "a", "said", "The"],
    "words": ["The regime said", " ", "so-called", "rebels", ",", '"', "'", "claimed", "attack", "strike", "Assad"],
}


def paragraph(pieces: list[str], size: int, seed: int = 1) -> str:
    rng, out, length = random.Random(seed), [], 0
    while length < size:
        out.append(rng.choice(pieces))
        length += len(out[-1])
    return "".join(out)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    lexicon = load_lexicon(None)
    matcher = Matcher(lexicon)
    for kind, pieces in KINDS.items():
        per_char = []
        for size in args.sizes:
            text = paragraph(pieces, size)
            started = time.perf_counter()
            find_hits([Article(id="a", outlet="o", raw=text)], lexicon, matcher)
            per_char.append(1e6 * (time.perf_counter() - started) / size)
            print(f"{kind:7} {size:>9,} chars  {per_char[-1]:7.2f} us/char", flush=True)
        print(f"{kind:7} ratio largest/smallest: {per_char[-1] / per_char[0]:.2f}")


if __name__ == "__main__":
    main()
