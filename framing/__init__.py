"""framing: how news outlets frame the same story, with every number traceable to its words.

    from framing import load_story, load_lexicon, analyse
    result = analyse(load_story("data/stories/assad-coalition-2015"), load_lexicon())
    result.articles, result.spans, result.scores, result.distinctive(top=10)
"""

from framing.lexicon import Lexicon, LexiconError, load_lexicon, parse_lexicon
from framing.stories import Article, Story, StoryError, available_stories, load_story


def __getattr__(name: str):
    """The analysis, imported when first asked for: it brings pandas and scikit-learn, which the
    command line's light commands (and `--help`) do without."""
    if name in ("Analysis", "analyse"):
        from framing import analysis

        return getattr(analysis, name)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")

__all__ = [
    "Analysis", "Article", "Lexicon", "LexiconError", "Story", "StoryError", "analyse", "available_stories",
    "load_lexicon", "load_story", "parse_lexicon",
]
