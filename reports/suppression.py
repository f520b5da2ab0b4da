"""Small cells: no report shows, or lets anyone work out, a figure about fewer than 5 people.

The rule, applied to every table, chart and export the reports make:

1. **Primary suppression.** A figure about 1 to 4 people (a count of people, or a count of
   acts or points whose people number 1 to 4) shows as "< 5". Zero shows as 0: it says
   nothing about a person.
2. **Rounding.** Every other count shows rounded to a multiple of 5 (5-7 → 5, 8-12 → 10),
   totals included. Two views of the same population (all sectors, and one sector; a
   total, and the cells under it) then differ by multiples of 5 that hide whether 1 or 4
   people make the difference: differencing reveals no group of 1-4. Totals are counted
   in the database over the same rows as their cells and rounded the same way, never
   added up from rounded cells.
3. **Secondary suppression.** In a breakdown (people per sector, per role, per rating of a
   question), when exactly one cell is suppressed, the next smallest non-zero cell is
   hidden too (shown as "x", as CBS marks a cell kept secret), so "total minus the cells
   you can see" never points at one group.
   A group's total over some cells of a breakdown (the Veenkoloniën over their
   municipalities) is hidden the same way when exactly one cell inside it is hidden.
4. **A small population.** When a report's filters leave fewer than 5 people reached, the
   report shows only "< 5" for every figure about people: no breakdown, no average.
5. **Averages** (ratings of the evaluations) are shown only over 5 or more answers, to one
   decimal, beside rounded counts, so sum = average times count cannot be recovered exactly.

Circles' meetings and bottlenecks are counts of things, not people, and show as they are;
a circle's members and its cases (each brought in by a person) follow the rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

THRESHOLD = 5
BASE = 5
SUPPRESSED = "< 5"
HIDDEN = "x"
# The rule in words, on the page and in the PDF.
EXPLANATION = _(
    "Only people who agreed that their progress counts in anonymous reports are counted. A "
    "figure about fewer than 5 people shows as '< 5', and a figure hidden so that a smaller "
    "one beside it cannot be worked out shows as 'x'. Other counts of people are rounded to "
    "a multiple of 5, so that no figure, total or difference between two reports points at "
    "a person."
)


@dataclass(frozen=True)
class Figure:
    """A figure as shown: `value` is None when suppressed; `is_hidden` when it is 5 or
    more but hidden to protect a smaller one beside it."""

    value: float | None
    is_hidden: bool = False

    @property
    def is_suppressed(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        if self.value is None:
            return HIDDEN if self.is_hidden else SUPPRESSED
        if isinstance(self.value, float) and not self.value.is_integer():
            return f"{self.value:.1f}".replace(".", ",")
        return f"{int(self.value)}"

    @property
    def export(self) -> str | float | int:
        """The cell of a spreadsheet: the number itself, or the text "< 5" or "x"."""
        if self.value is None:
            return str(self)
        return int(self.value) if float(self.value).is_integer() else self.value


def rounded(count: int) -> int:
    """To the nearest multiple of BASE, halves up; counts of at least THRESHOLD never fall
    below it."""
    return max(THRESHOLD, (count + BASE // 2) // BASE * BASE) if count else 0


def count(value: int, *, people: int | None = None) -> Figure:
    """A count shown under the rule; `people` is how many persons stand behind it (the
    count itself when it counts people)."""
    behind = value if people is None else people
    if 0 < behind < THRESHOLD:
        return Figure(None)
    return Figure(rounded(value))


def points(value: float, *, people: int) -> Figure:
    """Accreditation points or hours: suppressed behind 1-4 people, else rounded like counts."""
    if 0 < people < THRESHOLD:
        return Figure(None)
    return Figure(rounded(round(value)))


def average(total: float, answers: int) -> Figure:
    if answers < THRESHOLD:
        return Figure(None)
    return Figure(round(total / answers, 1))


def breakdown(counts: Sequence[tuple[int, int]]) -> list[Figure]:
    """Cells of one breakdown, given as (count, people behind it): primary suppression,
    rounding and, when exactly one cell is suppressed, the next smallest too."""
    figures = [count(value, people=people) for value, people in counts]
    suppressed = [index for index, figure in enumerate(figures) if figure.is_suppressed]
    if len(suppressed) == 1:
        candidates = [
            index
            for index, (value, _people) in enumerate(counts)
            if value and index not in suppressed
        ]
        if candidates:
            smallest = min(candidates, key=lambda index: counts[index][0])
            figures[smallest] = Figure(None, is_hidden=True)
    return figures


def group(total: int, inside: Sequence[Figure]) -> Figure:
    """A group's total over some cells of a breakdown: hidden when exactly one of those
    cells is suppressed or hidden, since the total minus the others would show it."""
    if sum(1 for figure in inside if figure.is_suppressed) == 1:
        return Figure(None, is_hidden=True)
    return count(total)
