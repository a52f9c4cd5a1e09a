"""Colours that colour-blind readers can tell apart, and a number for every category.

The colours are the Okabe-Ito set (Okabe and Ito, 2008, "Color Universal Design"), whose hues
stay distinct under the common forms of colour blindness. Colour never carries meaning alone:
every category also has a number shown beside each hit and in the legend.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.lexicon import Lexicon

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
# Sequential scale for rates, light to dark in both lightness and hue (readable in grey too).
RATE_SCALE = "Cividis"


@dataclass(frozen=True)
class CategoryStyle:
    number: int  # shown beside each hit, so the category is readable without colour
    name: str
    colour: str
    description: str
    teaching_note: str


def category_styles(lexicon: Lexicon) -> dict[str, CategoryStyle]:
    """One style per lexicon category, in lexicon order; colours repeat after eight categories."""
    return {
        category.id: CategoryStyle(number, category.name, OKABE_ITO[(number - 1) % len(OKABE_ITO)],
                                   category.description, category.teaching_note)
        for number, category in enumerate(lexicon.categories, start=1)
    }
