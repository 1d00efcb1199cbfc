"""The marks of a chart's "before" and "after" series: the two differ by shape as well as by
colour, so a chart reads the same in the high-contrast theme, with NO_COLOR, or to a reader who
does not see the colours (issue 17, point 3). The legend names them."""

from __future__ import annotations

BEFORE = "●"
AFTER = "○"
