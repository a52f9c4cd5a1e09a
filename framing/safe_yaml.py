"""The one way the project reads YAML (story.yaml, front matter, lexicons, corrections, story words):
safe types only, and limits on size, nesting and aliases, so a small hostile file costs its reader
an error message, never the server's memory or a RecursionError.

An alias (`*name`) repeats what an anchor (`&name`) holds without copying it, so a kilobyte of
aliases to aliases can stand for billions of items once anything walks them: a document is
refused when it stands for more values than any real file holds. Both are measured on the
parser's events, which need no recursion, before anything is built.
"""

from __future__ import annotations

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where installed: 4 times quicker
MAX_CHARS = 2_000_000  # far above any lexicon or story.yaml a person writes
MAX_DEPTH = 40  # lists and mappings inside each other
MAX_VALUES = 200_000  # values once every alias is counted as what it stands for


class YamlLimitError(yaml.YAMLError):
    """YAML over one of the limits; the message says which, in words for the person who wrote it."""


def load_yaml(text: str):
    """The value of one YAML document, built from safe types, or YAMLError (YamlLimitError over a limit)."""
    if len(text) > MAX_CHARS:
        raise YamlLimitError(f"{len(text):,} characters, more than the {MAX_CHARS:,} a YAML file may hold here")
    anchored: dict[str, int] = {}  # anchor -> how many values its node stands for
    open_collections: list[list] = [[0, None]]  # [values so far, anchor] of each collection being read
    for event in yaml.parse(text, Loader=LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            open_collections.append([1, event.anchor])
            if len(open_collections) > MAX_DEPTH + 1:
                raise YamlLimitError(f"lists or mappings nested more than {MAX_DEPTH} deep")
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            size, anchor = open_collections.pop()
        elif isinstance(event, yaml.ScalarEvent):
            size, anchor = 1, event.anchor
        elif isinstance(event, yaml.AliasEvent):
            size, anchor = anchored.get(event.anchor, 1), None
        else:
            continue
        if anchor is not None:
            anchored[anchor] = size
        open_collections[-1][0] += size
        if sum(values for values, _ in open_collections) > MAX_VALUES:
            raise YamlLimitError(f"stands for more than {MAX_VALUES:,} values once its aliases (*name) are "
                                 "counted: write the values out instead")
    return yaml.load(text, Loader=LOADER)  # a safe loader, after the checks
