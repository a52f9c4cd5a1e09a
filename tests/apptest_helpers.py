"""What the AppTest tests share: the dashboard opened on one page, and the HTML it drew."""

from conftest import REPO
from streamlit.testing.v1 import AppTest

from views.pages import DEFAULT_PAGE


def open_page(page: str = DEFAULT_PAGE.script, **params) -> AppTest:
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    at.query_params.update(params)
    at.run()
    if page != DEFAULT_PAGE.script:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def html_of(at: AppTest) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def metrics(at) -> dict[str, str]:
    """Each st.metric on the page, label to value."""
    return {metric.label: metric.value for metric in at.metric}
