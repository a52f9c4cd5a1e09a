"""A teacher's corrections to the actors found (merge, move, rename, drop): applied to the actors,
and read from and written to the story's readable `actors.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from framing.actor_names import Actor, Mention, name_key
from framing.safe_yaml import load_yaml
from framing.storage import data_subdir
from framing.stories import STORIES_DIR, StoryError


@dataclass(frozen=True)
class Corrections:
    """A teacher's corrections to the actors found: applied in this order, each by actor name.
    `merge`: lists of actors made one, under the first name; `move`: (label, from, to) moves every
    mention written that way into another actor, or a new one; `rename`: old -> new; `drop`: names."""

    merge: tuple[tuple[str, ...], ...] = ()
    move: tuple[tuple[str, str, str], ...] = ()
    rename: tuple[tuple[str, str], ...] = ()
    drop: tuple[str, ...] = ()

    def applied(self, actors: list[Actor]) -> list[Actor]:
        rows: dict[str, list[Mention]] = {a.name: list(a.mentions) for a in actors}
        reasons: dict[str, list[str]] = {a.name: list(a.reasons) for a in actors}
        for names in self.merge:
            present = [n for n in names if n in rows]
            if len(present) < 2:
                continue
            into = present[0]
            for name in present[1:]:
                rows[into] += rows.pop(name)
                reasons[into] += [*reasons.pop(name), f"{name} merged into {into} by hand"]
        for label, source, target in self.move:
            if source not in rows:
                continue
            moving = [m for m in rows[source] if name_key(m.text) == name_key(label)]
            rows[source] = [m for m in rows[source] if m not in moving]
            rows.setdefault(target, []).extend(moving)
            reasons.setdefault(target, []).append(f"“{label}” moved from {source} by hand")
        for old, new in self.rename:
            if old in rows and new not in rows:
                rows[new] = rows.pop(old)
                reasons[new] = [*reasons.pop(old), f"renamed from {old} by hand"]
        for name in self.drop:
            rows.pop(name, None)
        return [Actor(name, tuple(sorted(mentions, key=lambda m: (m.article, m.start))), tuple(reasons.get(name, ())))
                for name, mentions in rows.items() if mentions]


CORRECTIONS_FILE = "actors.yaml"  # in a user's story folder
BUNDLED_CORRECTIONS = "actors"  # the data folder's subfolder of <slug>.yaml for the bundled stories


def corrections_path(story_path: str | Path) -> Path:
    """Where a story's corrections live: beside its story.yaml for a user's story; in the data
    folder for a bundled one, whose install folder is read-only."""
    folder = Path(story_path)
    if folder.resolve().parent == STORIES_DIR.resolve():
        return data_subdir(BUNDLED_CORRECTIONS) / f"{folder.name}.yaml"
    return folder / CORRECTIONS_FILE


def load_corrections(story) -> Corrections | None:
    """A story's corrections file read and checked, or None when it has none."""
    if not story.path or not Path(story.path).is_dir():
        return None
    path = corrections_path(story.path)
    if not path.is_file():
        return None
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise StoryError(f"{path}: cannot be read as YAML ({str(error).strip().splitlines()[0]})") from None
    return parse_corrections(data, source=str(path))


def parse_corrections(data, *, source: str) -> Corrections:
    def names(value, where) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise StoryError(f"{source}: {where} must be a list of actor names")
        return tuple(v.strip() for v in value)

    if not isinstance(data, dict) or set(data) - {"merge", "move", "rename", "drop"}:
        raise StoryError(f"{source}: expected the keys merge, move, rename and drop only")
    moves = []
    for number, entry in enumerate(data.get("move") or [], 1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("label", "from", "to")):
            raise StoryError(f"{source}: move, entry {number}: needs label, from and to")
        moves.append((entry["label"], entry["from"], entry["to"]))
    rename = data.get("rename") or {}
    if not isinstance(rename, dict) or not all(isinstance(v, str) for v in rename.values()):
        raise StoryError(f"{source}: rename must map each old name to a new one")
    return Corrections(
        merge=tuple(names(group, f"merge, entry {n}") for n, group in enumerate(data.get("merge") or [], 1)),
        move=tuple(moves), rename=tuple((str(k), v.strip()) for k, v in rename.items()),
        drop=names(data.get("drop") or [], "drop"))


def corrections_yaml(corrections: Corrections) -> str:
    """The corrections as the readable file `parse_corrections` reads back."""
    data = {"merge": [list(group) for group in corrections.merge],
            "move": [{"label": label, "from": source, "to": target} for label, source, target in corrections.move],
            "rename": dict(corrections.rename), "drop": list(corrections.drop)}
    return CORRECTIONS_HEADER + yaml.safe_dump({k: v for k, v in data.items() if v}, allow_unicode=True,
                                               sort_keys=False, width=1_000_000)


CORRECTIONS_HEADER = (
    "# Corrections to the actors found in this story's articles, applied in this order:\n"
    "# merge: lists of actors made one (under the first name); move: every mention written as `label`\n"
    "# goes from one actor to another (or a new one); rename: old name -> new name; drop: names.\n")
