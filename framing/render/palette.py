"""Colours that colour-blind readers can tell apart, a number for every category, and the contrast
arithmetic (WCAG 2.x) that keeps text and chart marks readable on the light and the dark theme.

The first seven category colours are the Okabe-Ito set (Okabe and Ito, 2008, "Color Universal
Design"); five more from Paul Tol's schemes were chosen so that every pair of the twelve stays apart
for normal vision and under simulated deuteranopia and protanopia (tests/test_palette.py measures it).
Colour never carries meaning alone: every category also has a number shown beside each hit and in the
legend, and quoted words a dotted underline and italics.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.lexicon import Lexicon

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
CATEGORY_COLOURS = (*OKABE_ITO[:7], "#332288", "#DDCC77", "#117733", "#882255", "#661100")
# The backgrounds of Streamlit's light and dark themes and of the handout, which text and marks sit on.
BACKGROUNDS = {"light": "#ffffff", "dark": "#0e1117"}
# Chart marks that must stand out (bars, points, squares) on both backgrounds at 3:1 or more.
MARK_BLUE = "#0072B2"  # the one colour of a single-series chart: bars, quoted statements, "right"
MARK_ORANGE = "#D55E00"  # the second series: unique words, "wrong"
MARK_GREY = "#767676"  # outlines and "not quoted" rings
# Sequential shades for rates, light to dark (ColorBrewer Blues): more reads as darker on either theme.
RATE_SHADES = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
RATE_SCALE = [[i / (len(RATE_SHADES) - 1), colour] for i, colour in enumerate(RATE_SHADES)]


@dataclass(frozen=True)
class CategoryStyle:
    number: int  # shown beside each hit, so the category is readable without colour
    name: str
    colour: str
    description: str
    teaching_note: str


def category_styles(lexicon: Lexicon) -> dict[str, CategoryStyle]:
    """One style per lexicon category, in lexicon order; colours repeat after twelve categories."""
    return {
        category.id: CategoryStyle(number, category.name, CATEGORY_COLOURS[(number - 1) % len(CATEGORY_COLOURS)],
                                   category.description, category.teaching_note)
        for number, category in enumerate(lexicon.categories, start=1)
    }


def rgb(colour: str) -> tuple[int, int, int]:
    """"#rrggbb" as three 0-255 integers."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def hex_colour(values) -> str:
    return "#" + "".join(f"{round(min(max(v, 0), 255)):02x}" for v in values)


def blend(colour: str, background: str, alpha: float) -> str:
    """The colour seen where `colour` at opacity `alpha` lies over `background`."""
    return hex_colour(alpha * a + (1 - alpha) * b for a, b in zip(rgb(colour), rgb(background), strict=True))


def luminance(colour: str) -> float:
    """WCAG relative luminance: 0 for black, 1 for white."""
    linear = [v / 3294 if v <= 10.31 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio, from 1 (the same) to 21 (black on white): 4.5 for text, 3 for marks."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_on(background: str) -> str:
    """Black or white, whichever reads better on the background (at least 4.58:1 on any colour)."""
    return "#000000" if contrast("#000000", background) >= contrast("#ffffff", background) else "#ffffff"


def shade_colour(value: float) -> str:
    """The colour RATE_SCALE gives a value from 0 to 1, as Plotly interpolates it."""
    position = min(max(value, 0.0), 1.0) * (len(RATE_SHADES) - 1)
    low = min(int(position), len(RATE_SHADES) - 2)
    return blend(RATE_SHADES[low + 1], RATE_SHADES[low], position - low)


# The colours of the lines of a chart with one line per outlet: those of Okabe-Ito that stand out at 3:1
# from both backgrounds (orange, sky blue, yellow and grey are too light on white, black on the dark).
LINE_COLOURS = tuple(colour for colour in OKABE_ITO
                     if min(contrast(colour, ground) for ground in BACKGROUNDS.values()) >= 3)
