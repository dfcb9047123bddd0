"""Generic conversion between model dataclasses and plain JSON values.

Used for the parts of ``dossier.json`` whose shape is simply the dataclass
(citations, dates, claims, corroborations, fields other stages append to the
model later), so new optional model fields are written and read back without
touching the report code.
"""

from __future__ import annotations

import dataclasses
import logging
import types
import typing
from collections.abc import Collection, Hashable
from enum import Enum
from functools import cache
from typing import cast

T = typing.TypeVar("T")

log = logging.getLogger(__name__)

Plain = None | bool | int | float | str | list["Plain"] | dict[str, "Plain"]


def to_plain(value: object) -> Plain:
    """A JSON-ready rendering: dataclasses → objects, tuples → arrays, enums → values."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return to_plain(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


@cache
def field_types(cls: Hashable) -> dict[str, object]:
    """Resolved annotations of a dataclass (the model uses postponed annotations)."""
    return typing.get_type_hints(cls)


def from_plain(tp: object, data: object) -> object:
    """Rebuild a value of type ``tp`` from :func:`to_plain` output.

    Raises ``ValueError`` naming the type when the data does not fit.
    """
    if tp is typing.Any or tp is object:
        return data
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Union or isinstance(tp, types.UnionType):
        if data is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return from_plain(arg, data)
            except (ValueError, TypeError, KeyError) as exc:
                errors.append(str(exc))
        raise ValueError(f"{data!r} fits none of {tp}: {'; '.join(errors)}")
    if origin is typing.Literal:
        if data not in args:
            raise ValueError(f"{data!r} is not one of {args}")
        return data
    if origin is tuple:
        if not isinstance(data, list | tuple):
            raise ValueError(f"expected an array for {tp}, got {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], item) for item in data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items for {tp}, got {len(data)}")
        return tuple(from_plain(a, item) for a, item in zip(args, data, strict=True))
    if origin is dict:
        if not isinstance(data, dict):
            raise ValueError(f"expected an object for {tp}")
        return {k: from_plain(args[1], v) for k, v in data.items()}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return dataclass_from_plain(tp, data)
    if tp is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if isinstance(tp, type) and isinstance(data, tp) and not (tp is int and isinstance(data, bool)):
        return data
    raise ValueError(f"expected {getattr(tp, '__name__', tp)}, got {data!r}")


def dataclass_from_plain(cls: type[T], data: object, *, skip_unfit: Collection[str] = ()) -> T:
    """Build dataclass ``cls`` from an object; missing optional fields take their defaults.

    A field named in ``skip_unfit`` whose value does not fit its type is left
    at its default with a warning (for extra fields written by another version).
    """
    if not isinstance(data, dict):
        raise ValueError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
    hints = field_types(cast(Hashable, cls))
    kwargs: dict[str, object] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            try:
                kwargs[f.name] = from_plain(hints[f.name], data[f.name])
            except (ValueError, TypeError) as exc:
                if f.name not in skip_unfit:
                    raise ValueError(f"{cls.__name__}.{f.name}: {exc}") from exc
                log.warning(
                    "%s field %r does not fit the model: left out (%s)", cls.__name__, f.name, exc
                )
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ValueError(f"{cls.__name__}: missing field {f.name!r}")
    return cls(**kwargs)
