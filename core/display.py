"""Display preferences of the accessibility toolbar, kept in a functional cookie.

The cookie holds "<text level>:<spacing level>", e.g. "2:1". The server renders the
levels on <html>, so they apply before the first paint and without JavaScript;
toolbar.js writes the same cookie when it applies a change at once.
"""

from dataclasses import dataclass

COOKIE_NAME = "weergave"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
TEXT_LEVELS = range(-1, 6)  # 90 % up to 200 %, see core.css
SPACING_LEVELS = range(0, 4)  # normal up to 0.18 em
ACTIONS = ("text-larger", "text-smaller", "spacing-larger", "spacing-smaller", "reset")


@dataclass(frozen=True)
class DisplayPreferences:
    text: int = 0
    spacing: int = 0

    @classmethod
    def from_cookie(cls, value: str | None) -> "DisplayPreferences":
        try:
            text, spacing = (int(part) for part in (value or "").split(":"))
        except ValueError:
            return cls()
        if text not in TEXT_LEVELS or spacing not in SPACING_LEVELS:
            return cls()
        return cls(text=text, spacing=spacing)

    def to_cookie(self) -> str:
        return f"{self.text}:{self.spacing}"

    def apply(self, action: str) -> "DisplayPreferences":
        text, spacing = self.text, self.spacing
        if action == "reset":
            return DisplayPreferences()
        if action == "text-larger":
            text += 1
        elif action == "text-smaller":
            text -= 1
        elif action == "spacing-larger":
            spacing += 1
        elif action == "spacing-smaller":
            spacing -= 1
        return DisplayPreferences(
            text=min(max(text, TEXT_LEVELS[0]), TEXT_LEVELS[-1]),
            spacing=min(max(spacing, SPACING_LEVELS[0]), SPACING_LEVELS[-1]),
        )

    @property
    def is_default(self) -> bool:
        return self == DisplayPreferences()

    @property
    def can_enlarge_text(self) -> bool:
        return self.text < TEXT_LEVELS[-1]

    @property
    def can_shrink_text(self) -> bool:
        return self.text > TEXT_LEVELS[0]

    @property
    def can_widen_spacing(self) -> bool:
        return self.spacing < SPACING_LEVELS[-1]

    @property
    def can_narrow_spacing(self) -> bool:
        return self.spacing > SPACING_LEVELS[0]
