"""The start-up baseline: a bare Textual app with a Header, a Footer and a DataTable."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[str] = DataTable()
        table.border_title = "Bare baseline"
        table.styles.border = ("round", "white")
        table.add_columns("When", "What")
        table.add_rows([("today", "breathing"), ("yesterday", "thought record")])
        yield table
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
