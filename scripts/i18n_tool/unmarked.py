"""Strings a person would read that are not marked for translation.

A string literal (or f-string) in homework_tui/ is taken as user-facing when it holds two words
("Saved to your journal"), or one capitalised word given to a label, a button, a title, a key's
description or a message ("Save"). It is fine when it is inside `_()`, `N_()`, `ngettext()`,
`pgettext()` or `npgettext()`, or where it cannot be read: a docstring, CSS, a widget id, a class,
a query, a dictionary key, a comparison, a log line, a programmer's error. Anything else that is
not shown (a file format, a command name) says so with `# i18n: not shown` on its line.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

MARKERS = {"_", "N_", "ngettext", "pgettext", "npgettext"}
# Calls whose string arguments are code, not text a person reads.
_CODE_CALLS = {
    "query",
    "query_one",
    "query_children",
    "query_exactly_one",
    "get_child_by_id",
    "get_widget_by_id",
    "add_class",
    "remove_class",
    "set_class",
    "has_class",
    "toggle_class",
    "getattr",
    "setattr",
    "hasattr",
    "compile",
    "match",
    "fullmatch",
    "search",
    "sub",
    "split",
    "get",
    "getenv",
    "pop",
    "setdefault",
    "startswith",
    "endswith",
    "replace",
    "strip",
    "rstrip",
    "lstrip",
    "join",
    "format_date",
    "strftime",
    "strptime",
    "fromisoformat",
    "encode",
    "decode",
    "debug",
    "info",
    "warning",
    "exception",
    "critical",
    "log",
    "run_worker",
    "call_later",
    "set_interval",
    "set_timer",
    "cast",
    "TypeVar",
    "NewType",
    "namedtuple",
    "field",
    "open",
    "Path",
    "with_suffix",
    "glob",
    "rglob",
    "register",
    "add_parser",
    "set_defaults",
    "isinstance",
    "issubclass",
    "warn",
    "Binding",
}
_PROGRAMMER_ERRORS = {
    "TypeError",
    "AssertionError",
    "NotImplementedError",
    "KeyError",
    "IndexError",
    "AttributeError",
    "RuntimeError",
    "LookupError",
}
_CODE_KEYWORDS = {
    "id",
    "classes",
    "name",
    "group",
    "action",
    "key",
    "key_display",
    "variant",
    "mode",
    "encoding",
    "errors",
    "exclusive",
    "thread",
    "check_same_thread",
    "dest",
    "metavar",
    "type",
    "default",
    "nargs",
    "choices",
    "sep",
    "end",
    "format",
    "fmt",
    "kind",
}
_READ_KEYWORDS = {
    "label",
    "title",
    "placeholder",
    "tooltip",
    "description",
    "prompt",
    "help",
    "message",
    "border_title",
    "border_subtitle",
    "sub_title",
    "subtitle",
    "text",
    "severity_text",
}
_READ_CALLS = {
    "Button",
    "Label",
    "Static",
    "Option",
    "Checkbox",
    "RadioButton",
    "Switch",
    "TabPane",
    "Tab",
    "Markdown",
    "notify",
    "Collapsible",
    "Header",
    "Rule",
    "Digits",
}
_READ_ATTRIBUTES = {
    "TITLE",
    "SUB_TITLE",
    "title",
    "sub_title",
    "border_title",
    "border_subtitle",
    "tooltip",
    "placeholder",
    "label",
}
_TWO_WORDS = re.compile(r"[^\W\d_]{2,}[,.:;!?…]?\s+[(\"“‘]?[^\W\d_]", re.UNICODE)
_FIELDS = re.compile(r"\{[^{}]*\}")
_A_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_OPT_OUT = "# i18n: not shown"
# Names that are the same in every language.
_NAMES = {"homework-tui", "SUDS", "PHQ-9", "GAD-7"}


@dataclass(frozen=True)
class Unmarked:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: not marked for translation: {self.text!r}"


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _target_name(target: ast.expr) -> str:
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    return ""


class _Finder(ast.NodeVisitor):
    def __init__(self, source: str) -> None:
        self.lines = source.splitlines()
        self.found: list[tuple[int, str]] = []
        # How the string on top of the walk is used: "skip", "read" or "" (by the words rule).
        self.context: list[str] = [""]

    def _with(self, context: str, nodes: list[ast.AST]) -> None:
        self.context.append(context)
        for n in nodes:
            self.visit(n)
        self.context.pop()

    def _opted_out(self, node: ast.AST) -> bool:
        first = getattr(node, "lineno", 1)
        last = getattr(node, "end_lineno", first) or first
        return any(_OPT_OUT in self.lines[i - 1] for i in range(first, last + 1))

    def _check(self, node: ast.AST, text: str) -> None:
        context = self.context[-1]
        if context == "skip" or self._opted_out(node):
            return
        stripped = text.strip()
        if stripped in _NAMES:
            return
        words = _FIELDS.sub(" ", stripped)  # "{when}" is a field's name, not a word
        if _TWO_WORDS.search(words) or (context == "read" and _A_WORD.search(words)):
            self.found.append((getattr(node, "lineno", 0), text))

    # Docstrings: the first expression of a module, class or function body.
    def _body(
        self, node: ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
    ) -> None:
        body = list(node.body)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]
        if not isinstance(node, ast.Module):
            self._with("", [*node.decorator_list])
            if not isinstance(node, ast.ClassDef):
                self._with("skip", [node.args])  # defaults of parameters: usually keys
        self._with("", body)

    def visit_Module(self, node: ast.Module) -> None:
        self._body(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._body(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._body(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._body(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if name in MARKERS:
            return  # marked: extraction takes it from here
        self.visit(node.func)
        if name in _CODE_CALLS or name.endswith("Error") and name in _PROGRAMMER_ERRORS:
            self._with("skip", [*node.args, *[k.value for k in node.keywords]])
            return
        self._with("read" if name in _READ_CALLS else "", list(node.args))
        for keyword in node.keywords:
            if keyword.arg in _CODE_KEYWORDS:
                self._with("skip", [keyword.value])
            elif keyword.arg in _READ_KEYWORDS:
                self._with("read", [keyword.value])
            else:
                self._with("", [keyword.value])

    def visit_Raise(self, node: ast.Raise) -> None:
        exc = node.exc
        if isinstance(exc, ast.Call) and _call_name(exc) in _PROGRAMMER_ERRORS:
            return
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        names = {_target_name(t) for t in node.targets}
        if any(n.endswith("CSS") or n in ("__all__", "__slots__") for n in names):
            return
        self._with("read" if names & _READ_ATTRIBUTES else "", [node.value])
        self._with("skip", list(node.targets))

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        name = _target_name(node.target)
        if name.endswith("CSS") or node.value is None:
            return
        self._with("read" if name in _READ_ATTRIBUTES else "", [node.value])

    def visit_Dict(self, node: ast.Dict) -> None:
        self._with("skip", [k for k in node.keys if k is not None])
        self._with("", list(node.values))

    def visit_Compare(self, node: ast.Compare) -> None:
        self._with("skip", [node.left, *node.comparators])

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self.visit(node.value)
        self._with("skip", [node.slice])

    def visit_MatchValue(self, node: ast.MatchValue) -> None:
        return

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        text = "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{…}"
            for v in node.values
        )
        self._check(node, text)
        self._with("skip", [v for v in node.values if isinstance(v, ast.FormattedValue)])

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            self._check(node, node.value)


def unmarked_in(path: Path) -> list[Unmarked]:
    """The user-facing strings in one file that are not marked for translation."""
    source = path.read_text(encoding="utf-8")
    finder = _Finder(source)
    finder.visit(ast.parse(source, filename=str(path)))
    return [Unmarked(path, line, text) for line, text in finder.found]
