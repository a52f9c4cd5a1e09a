"""The README covers what a newcomer needs: set-up, every CLI command, the Python API."""

from conftest import REPO

from framing.cli import build_parser

README = (REPO / "README.md").read_text(encoding="utf-8")
CI = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_gives_the_two_set_up_commands_and_ci_runs_the_test_one():
    assert "pip install -r requirements.txt && streamlit run dashboard.py" in README
    assert "bash .ci/run" in README or "python -m pytest" in README
    assert "pytest" in CI


def test_readme_documents_every_cli_command():
    commands = build_parser()._subparsers._group_actions[0].choices
    for name in commands:
        assert f"python -m framing {name}" in README, name


def test_lexicon_format_is_documented():
    doc = (REPO / "data" / "lexicons" / "README.md").read_text(encoding="utf-8")
    for key in ("id", "name", "description", "teaching_note", "scare_quotes", "terms", "term", "note", "referent",
                "match_case", "sources", "licence"):
        assert f"`{key}`" in doc, key
