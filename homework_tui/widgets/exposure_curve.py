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

from homework_tui.model.exposure import Exposure, SudsReading

PEAK, END, PREDICTED, CURVE = "●", "○", "◆", "•"


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

    def plot_readings(
        self, readings: Sequence[SudsReading], predicted: int | None = None
    ) -> None:
        self._start("Distress during this exposure", "minutes")
        plt = self.plt
        if readings:
            xs = [round(r.minute, 2) for r in readings]
            ys = [r.suds for r in readings]
            plt.plot(xs, ys, marker=CURVE, label="SUDS")
            span = max(xs[-1], 1.0)
            plt.xlim(0, span)
            if predicted is not None:
                plt.plot([0, span], [predicted, predicted], marker="-", label="predicted")
        self.refresh()

    def plot_repeats(self, exposures: Sequence[Exposure]) -> None:
        self._start("Peak and end across repeats", "repeat")
        plt = self.plt
        if exposures:
            xs = list(range(1, len(exposures) + 1))
            plt.plot(xs, [e.peak for e in exposures], marker=PEAK, label=f"{PEAK} peak")
            plt.plot(xs, [e.end for e in exposures], marker=END, label=f"{END} end")
            plt.xticks(xs)
            plt.xlim(0.5, len(xs) + 0.5)
        self.refresh()

    def plot_expectancy(self, exposures: Sequence[Exposure]) -> None:
        self._start("Predicted and actual peak", "repeat")
        plt = self.plt
        rated = [(n, e) for n, e in enumerate(exposures, 1) if e.predicted is not None]
        if rated:
            xs = [n for n, _ in rated]
            plt.plot(xs, [e.predicted for _, e in rated], marker=PREDICTED,
                     label=f"{PREDICTED} predicted")
            plt.plot(xs, [e.peak for _, e in rated], marker=PEAK, label=f"{PEAK} peak")
            plt.xticks(xs)
            plt.xlim(0.5, max(xs) + 0.5)
        self.refresh()
