"""The package's layers: the engine (framing/*.py) imports neither Streamlit nor any wing, and no
module of the package imports Streamlit."""

import ast

import pytest
from conftest import REPO

PACKAGE = REPO / "framing"
WINGS = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file())
ENTRY_POINTS = {"cli.py", "__main__.py"}  # the command line composes wings, as the dashboard does
ENGINE = sorted(p for p in PACKAGE.glob("*.py") if p.name not in ENTRY_POINTS)


def imported(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_wings_are_folders():
    assert set(WINGS) == {"batch", "classroom", "library", "render"}


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: p.name)
def test_the_engine_imports_no_wing(path):
    wings = {name for name in imported(path) if name.split(".")[:2] in ([ "framing", wing] for wing in WINGS)}
    assert not wings, f"{path.name} imports {sorted(wings)}"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_of_the_package_imports_streamlit(path):
    assert not {name for name in imported(path) if name.split(".")[0] == "streamlit"}


def module_name(path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_module_imports_itself_through_others():
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    def edges(name, path):
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                subs = {f"{node.module}.{alias.name}" for alias in node.names} & set(modules)
                found.update(subs or {node.module})  # `from framing import resources` is the submodule
        return {other for other in found if other in modules and other != name}

    graph = {name: edges(name, path) for name, path in modules.items()}
    done, cycles = set(), []

    def visit(name, trail):
        if name in trail:
            cycles.append([*trail[trail.index(name):], name])
            return
        if name in done:
            return
        for other in sorted(graph[name]):
            visit(other, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    assert not cycles, cycles[0]


def test_the_render_wing_depends_on_the_engine_only():
    for path in sorted((PACKAGE / "render").glob("*.py")):
        others = {name.split(".")[1] for name in imported(path) if name.startswith("framing.")}
        assert not others & {"classroom", "library", "batch"}, path.name
