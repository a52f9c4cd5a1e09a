from conftest import REPO
from streamlit.testing.v1 import AppTest


def app():
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def test_dashboard_shows_the_bundled_story_and_its_outlets():
    at = app()
    assert at.title[0].value.startswith("Assad on the US-led coalition")
    outlets = at.dataframe[0].value
    assert set(outlets["outlet"]) == {"Press TV", "Al-Manar", "Haaretz (Reuters)", "Sputnik", "The Week"}


def test_the_voice_switch_changes_the_counts():
    at = app()
    own_voice = at.dataframe[1].value.copy()
    at.radio[0].set_value("quote").run()
    quoted = at.dataframe[1].value
    assert not own_voice.equals(quoted)
    assert quoted.loc["Epistemic distancing"].sum() == 0  # the writer's own move, never inside a quotation
    assert own_voice.loc["Epistemic distancing", "Press TV"] == 6
