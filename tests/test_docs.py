"""The README covers what a newcomer needs: set-up, every CLI command, the Python API."""

import re

from conftest import REPO

from framing.cli import build_parser

README = (REPO / "README.md").read_text(encoding="utf-8")
CI = (REPO / ".ci" / "run").read_text(encoding="utf-8")
TEST_TOOLS = ("pytest", "pytest-xdist", "hypothesis", "ruff", "playwright", "dask", "psutil")


def requirement_names(path) -> set[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {re.split(r"[=<>\[ ]", line)[0].lower() for line in lines if line and not line.startswith("-r")}


def test_readme_gives_the_two_set_up_commands_and_ci_runs_the_test_one():
    set_up = README.split("## Set-up", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.strip() for line in set_up.splitlines() if line.strip() and not line.startswith("#")]
    assert commands == ["pip install -r requirements.txt && streamlit run app.py", "bash .ci/run"]
    ci_commands = [line for line in CI.splitlines() if line.startswith("python3 -m")]
    assert ci_commands[-1] == "python3 -m pytest" and any("-r requirements-dev.txt" in c for c in ci_commands)


def test_a_teachers_install_brings_no_test_tools_and_the_dev_one_brings_them_all():
    runtime, dev = requirement_names(REPO / "requirements.txt"), requirement_names(REPO / "requirements-dev.txt")
    assert "streamlit" in runtime and not runtime & set(TEST_TOOLS)
    assert set(TEST_TOOLS) <= dev and "-r requirements.txt" in (REPO / "requirements-dev.txt").read_text()


def test_readme_documents_every_cli_command():
    commands = build_parser()._subparsers._group_actions[0].choices
    for name in commands:
        assert f"python -m framing {name}" in README, name


def test_lexicon_format_is_documented():
    doc = (REPO / "data" / "lexicons" / "README.md").read_text(encoding="utf-8")
    for key in ("id", "name", "description", "teaching_note", "scare_quotes", "terms", "term", "note", "referent",
                "match_case", "sources", "licence"):
        assert f"`{key}`" in doc, key


def test_pip_install_gives_the_framing_command_and_ships_the_bundled_data():
    import tomllib
    from glob import glob

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    module, function = project["project"]["scripts"]["framing"].split(":")
    assert callable(getattr(__import__(module, fromlist=[function]), function))
    shipped = {path for patterns in project["tool"]["setuptools"]["data-files"].values()
               for pattern in patterns for path in glob(pattern, root_dir=REPO)}
    data = {str(p.relative_to(REPO)) for p in (REPO / "data").rglob("*") if p.is_file()}
    assert data and data == shipped
