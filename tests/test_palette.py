"""The palette (framing/render/palette.py): twelve category colours that stay apart for colour-blind readers,
contrast that passes WCAG AA on the light and the dark theme, and rate shades where more is darker."""

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.render.palette import (
    BACKGROUNDS,
    CATEGORY_COLOURS,
    LINE_COLOURS,
    MARK_BLUE,
    MARK_GREY,
    MARK_ORANGE,
    RATE_SHADES,
    blend,
    contrast,
    hex_colour,
    ink_on,
    luminance,
    rgb,
    shade_colour,
)

THEME_TEXT = {"light": "#31333f", "dark": "#fafafa"}  # Streamlit's text colours on BACKGROUNDS
TINT = 0.38  # the opacity of a category's colour behind a marked word (framing/render/highlight.py)
# Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB.
SIMULATIONS = {
    "normal vision": np.eye(3),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
}
HEX = st.tuples(*[st.integers(0, 255)] * 3).map(hex_colour)


def linear(colour: str) -> np.ndarray:
    c = np.array(rgb(colour)) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(linear_rgb: np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of a linear sRGB colour."""
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear_rgb
    f = np.cbrt(xyz / [0.95047, 1, 1.08883])
    f = np.where(xyz / [0.95047, 1, 1.08883] > 0.008856, f, 7.787 * xyz / [0.95047, 1, 1.08883] + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_apart(first: str, second: str, simulation: np.ndarray) -> float:
    """CIE76 colour difference of two colours as a reader with that vision sees them (about 2: just noticed)."""
    return float(np.linalg.norm(lab(np.clip(simulation @ linear(first), 0, 1))
                                - lab(np.clip(simulation @ linear(second), 0, 1))))


def test_contrast_matches_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
    assert contrast("#777777", "#777777") == pytest.approx(1)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey for text on white
    assert luminance("#ff0000") == pytest.approx(0.2126)


@given(HEX, HEX)
def test_contrast_is_symmetric_and_between_1_and_21(first, second):
    ratio = contrast(first, second)
    assert 1 <= ratio <= 21 + 1e-9 and ratio == pytest.approx(contrast(second, first))


@given(HEX)
def test_ink_on_any_colour_reads_at_aa(background):
    assert contrast(ink_on(background), background) >= 4.5


@pytest.mark.parametrize("simulation", SIMULATIONS)
def test_twelve_category_colours_stay_apart_for_colour_blind_readers(simulation):
    assert len(set(CATEGORY_COLOURS)) == 12
    closest = min(seen_apart(a, b, SIMULATIONS[simulation]) for a, b in itertools.combinations(CATEGORY_COLOURS, 2))
    assert closest >= 15, closest  # Okabe-Ito's own closest pair under deuteranopia is about 17


@pytest.mark.parametrize("theme", BACKGROUNDS)
def test_marked_words_keep_aa_text_contrast_on_both_themes(theme):
    for colour in CATEGORY_COLOURS:
        behind = blend(colour, BACKGROUNDS[theme], TINT)
        assert contrast(THEME_TEXT[theme], behind) >= 4.5, (colour, theme)


@pytest.mark.parametrize("theme", BACKGROUNDS)
def test_chart_marks_stand_out_at_3_to_1_on_both_themes(theme):
    assert len(LINE_COLOURS) >= 4  # lines of a chart per outlet: four colours, then dashes
    for mark in (MARK_BLUE, MARK_ORANGE, MARK_GREY, *LINE_COLOURS):
        assert contrast(mark, BACKGROUNDS[theme]) >= 3, (mark, theme)


def test_rate_shades_darken_as_the_rate_grows_and_their_labels_read():
    values = np.linspace(0, 1, 41)
    lightness = [luminance(shade_colour(value)) for value in values]
    assert all(later < earlier for earlier, later in itertools.pairwise(lightness))  # more is darker
    assert shade_colour(0) == RATE_SHADES[0].lower() and shade_colour(1) == RATE_SHADES[-1].lower()
    assert min(contrast(ink_on(shade_colour(v)), shade_colour(v)) for v in values) >= 4.5
