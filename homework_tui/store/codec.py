"""Model dataclasses to JSON documents and back, driven by their type hints.

Supported field types: str, int, float, bool, None, datetime (ISO 8601 with offset), date, time,
Enum, nested dataclasses, `X | None`, tuple[X, ...], list[X], frozenset[X], dict[str, X].
Unknown keys in a document are ignored (a newer file read by an older reader loses nothing on
disk: that is refused by the schema check), missing keys fall back to the field's default.
A `Literal[...]` field takes only its listed values. A value that does not fit raises TypeError or
ValueError naming where it is, e.g. "moods[0].before: expected <class 'int'>, found str 'x'".

(msgspec's `convert` was measured as the alternative, issue 18: about 2.6x faster per thought
record, but it reads a time without its UTC offset as valid, which only `msgspec.Meta` annotations
in the model could refuse, and the model stays standard-library only; so this codec stays.)
"""

from __future__ import annotations

import dataclasses
import enum
import reprlib
import types
import typing
from datetime import date, datetime, time
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(cls)


def to_doc(obj: Any) -> dict[str, Any]:
    """A dataclass instance as a JSON-ready dict."""
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        raise TypeError(f"expected a dataclass instance, got {type(obj).__name__}")
    return {f.name: _encode(getattr(obj, f.name)) for f in _fields(type(obj))}


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_doc(value)
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_encode(v) for v in value)
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    raise TypeError(f"cannot store a {type(value).__name__}")


def _shown(value: Any) -> str:
    """`value` for an error message: short, and safe however deeply a stored value is nested
    (a plain repr of a 1,000-deep list recurses past Python's limit)."""
    short = reprlib.Repr()  # keyword arguments only from Python 3.12
    short.maxlevel, short.maxstring, short.maxother, short.maxlong = 3, 60, 60, 40
    return short.repr(value)


def from_doc(cls: type[T], doc: dict[str, Any]) -> T:
    """Rebuild a `cls` instance from `doc`; validation in `__post_init__` runs as usual."""
    kind: type = cls  # the caches key by the class itself
    hints = _hints(kind)
    kwargs: dict[str, Any] = {}
    for f in _fields(kind):
        if not f.init or f.name not in doc:
            continue
        try:
            kwargs[f.name] = _decode(hints[f.name], doc[f.name])
        except (TypeError, ValueError) as error:
            raise _located(error, f.name) from None
    return cls(**kwargs)


def _located(error: TypeError | ValueError, step: str) -> TypeError | ValueError:
    """`error` again, its message led by where the value sits (`moods[0].before: ...`)."""
    reason = getattr(error, "reason", None) or str(error) or type(error).__name__
    inner: str = getattr(error, "field_path", "")
    path = step + (inner if inner.startswith("[") or not inner else "." + inner)
    located = (TypeError if isinstance(error, TypeError) else ValueError)(f"{path}: {reason}")
    located.field_path = path  # type: ignore[union-attr]
    located.reason = reason  # type: ignore[union-attr]
    return located


def _decode(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            return _decode(options[0], value)
        for option in options:  # first that fits
            try:
                return _decode(option, value)
            except (TypeError, ValueError):
                continue
        raise ValueError(f"no type of {hint} fits {_shown(value)}")  # i18n: not shown
    if hint is Any:
        return value
    if origin in (tuple, list, frozenset, set):
        _expect(value, list, hint)  # a string would otherwise be read as a tuple of letters
        item = args[0] if args else Any
        items = []
        for index, v in enumerate(value):
            try:
                items.append(_decode(item, v))
            except (TypeError, ValueError) as error:
                raise _located(error, f"[{index}]") from None
        return origin(items) if origin is not list else items
    if origin is dict:
        _expect(value, dict, hint)
        item = args[1] if len(args) == 2 else Any
        decoded = {}
        for key, v in value.items():
            try:
                decoded[key] = _decode(item, v)
            except (TypeError, ValueError) as error:
                raise _located(error, f"[{key!r}]") from None
        return decoded
    if origin is typing.Literal:
        if not any(value == allowed and type(value) is type(allowed) for allowed in args):
            raise ValueError(
                f"{_shown(value)} is not one of {', '.join(map(repr, args))}"  # i18n: not shown
            )
        return value
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return from_doc(hint, value)
        if issubclass(hint, enum.Enum):
            return hint(value)
        if hint is datetime:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:  # never mixed with the offset-aware times we write
                raise ValueError(
                    f"{_shown(value)} is a time without its UTC offset"  # i18n: not shown
                )
            return moment
        if hint is date:
            return date.fromisoformat(value)
        if hint is time:
            return time.fromisoformat(value)
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if hint in (
            str,
            int,
            float,
            bool,
        ):  # a hand-edited file: refused here, not crashed on later
            _expect(value, hint, hint)
    return value


def _expect(value: Any, kind: type, hint: Any) -> None:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise TypeError(f"expected {hint}, found {type(value).__name__} {_shown(value)}")
