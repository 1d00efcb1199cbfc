"""Exposure charts on textual-plotext: SUDS always on a 0-100 axis.

* `plot_readings`: the within-session curve of a timed exposure (minutes → SUDS), with the
  predicted peak as a dashed line when there was one;
* `plot_repeats`: peak and end SUDS across the repeats of one step (between-session habituation);
* `plot_expectancy`: predicted against actual peak across repeats (expectancy violation).

Series differ by marker as well as colour (● peak, ○ end, ◆ predicted), and the legend names them.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual_plotext import PlotextPlot

from homework_tui.i18n import _
from homework_tui.model.exposure import Exposure, SudsReading

PEAK, END, PREDICTED, CURVE = "●", "○", "◆", "●"


class ExposureCurve(PlotextPlot):
    DEFAULT_CSS = """
    ExposureCurve {
        height: 1fr;
        min-height: 6;
    }
    """

    def _start(self, title: str, xlabel: str) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(title)
        plt.xlabel(xlabel)
        plt.ylim(0, 100)
        plt.yticks([0, 25, 50, 75, 100])

    def _series(
        self, xs: Sequence[float], ys: Sequence[int], marker: str, label: str, color: str
    ) -> None:
        """A thin line through the points, and the points themselves in their own marker."""
        plt = self.plt
        if len(xs) > 1:  # drawn on the same character grid as the points, so they line up
            plt.plot(list(xs), list(ys), marker="·", color=color)
        plt.scatter(list(xs), list(ys), marker=marker, label=label, color=color)

    def plot_readings(self, readings: Sequence[SudsReading], predicted: int | None = None) -> None:
        self._start(_("Distress during this exposure"), _("minutes"))
        plt = self.plt
        if readings:
            xs = [round(r.minute, 2) for r in readings]
            span = max(xs[-1], 1.0)
            if predicted is not None:
                plt.plot(
                    [0, span],
                    [predicted, predicted],
                    marker="-",
                    color="gray",
                    label=_("predicted"),
                )
            self._series(xs, [r.suds for r in readings], CURVE, _("SUDS"), "cyan+")
            plt.xlim(0, span)
            step = next((s for s in (0.5, 1, 2, 5, 10, 15, 30, 60) if span / s <= 6), 120)
            ticks = [round(n * step, 1) for n in range(int(span / step) + 1)]
            plt.xticks(ticks, [f"{t:g}" for t in ticks])
        self.refresh()

    def plot_repeats(self, exposures: Sequence[Exposure]) -> None:
        self._start(_("Peak and end across repeats"), _("repeat"))
        if exposures:
            xs: list[float] = list(range(1, len(exposures) + 1))
            self._series(xs, [e.peak for e in exposures], PEAK, _("peak"), "orange+")
            self._series(xs, [e.end for e in exposures], END, _("end"), "green+")
            self.plt.xticks(xs)
            self.plt.xlim(0.5, len(xs) + 0.5)
        self.refresh()

    def plot_expectancy(self, exposures: Sequence[Exposure]) -> None:
        self._start(_("Predicted and actual peak"), _("repeat"))
        rated = [(n, e) for n, e in enumerate(exposures, 1) if e.predicted is not None]
        if rated:
            xs: list[float] = [n for n, _e in rated]
            predicted = [e.predicted for _n, e in rated if e.predicted is not None]
            self._series(xs, predicted, PREDICTED, _("predicted"), "cyan+")
            self._series(xs, [e.peak for _n, e in rated], PEAK, _("peak"), "orange+")
            self.plt.xticks(xs)
            self.plt.xlim(0.5, max(xs) + 0.5)
        self.refresh()
