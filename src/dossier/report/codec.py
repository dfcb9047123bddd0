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
        return {name: to_plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def field_types(cls: Hashable) -> dict[str, object]:
    """Resolved annotations of a dataclass (the model uses postponed annotations)."""
    return typing.get_type_hints(cls)


def from_plain(tp: object, data: object) -> object:
    """Rebuild a value of type ``tp`` from :func:`to_plain` output.

    Raises ``ValueError`` naming the type when the data does not fit.
    """
    return _decoder(cast(Hashable, tp))(data)


Decoder = typing.Callable[[object], object]


@cache
def _decoder(tp: Hashable) -> Decoder:
    """A function decoding plain data into ``tp``, worked out once per type."""
    if tp is typing.Any or tp is object:
        return lambda data: data
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Union or isinstance(tp, types.UnionType):
        return _union_decoder(tp, args)
    if origin is typing.Literal:
        return _literal_decoder(args)
    if origin is tuple:
        return _tuple_decoder(tp, args)
    if origin is dict:
        value = _decoder(args[1])

        def decode_dict(data: object) -> object:
            if not isinstance(data, dict):
                raise ValueError(f"expected an object for {tp}")
            return {k: value(v) for k, v in data.items()}

        return decode_dict
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        cls = tp
        return lambda data: dataclass_from_plain(cls, data)
    if tp is float:
        return _float
    if isinstance(tp, type):
        return _instance_decoder(tp)
    raise TypeError(f"cannot read {tp!r} from JSON")


def _union_decoder(tp: object, args: tuple[object, ...]) -> Decoder:
    optional = type(None) in args
    options = [_decoder(cast(Hashable, a)) for a in args if a is not type(None)]

    def decode(data: object) -> object:
        if data is None and optional:
            return None
        errors = []
        for option in options:
            try:
                return option(data)
            except (ValueError, TypeError, KeyError) as exc:
                errors.append(str(exc))
        raise ValueError(f"{data!r} fits none of {tp}: {'; '.join(errors)}")

    return decode


def _literal_decoder(args: tuple[object, ...]) -> Decoder:
    def decode(data: object) -> object:
        if data not in args:
            raise ValueError(f"{data!r} is not one of {args}")
        return data

    return decode


def _tuple_decoder(tp: object, args: tuple[object, ...]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(cast(Hashable, args[0]))

        def decode_items(data: object) -> object:
            if not isinstance(data, list | tuple):
                raise ValueError(f"expected an array for {tp}, got {type(data).__name__}")
            return tuple(item(v) for v in data)

        return decode_items
    parts = [_decoder(cast(Hashable, a)) for a in args]

    def decode_fixed(data: object) -> object:
        if not isinstance(data, list | tuple) or len(data) != len(parts):
            raise ValueError(f"expected {len(parts)} items for {tp}, got {data!r}")
        return tuple(part(v) for part, v in zip(parts, data, strict=True))

    return decode_fixed


def _float(data: object) -> object:
    if isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    raise ValueError(f"expected a number, got {data!r}")


def _instance_decoder(tp: type) -> Decoder:
    def decode(data: object) -> object:
        if isinstance(data, tp) and not (tp is int and isinstance(data, bool)):
            return data
        raise ValueError(f"expected {tp.__name__}, got {data!r}")

    return decode


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
                kwargs[f.name] = _decoder(cast(Hashable, hints[f.name]))(data[f.name])
            except (ValueError, TypeError) as exc:
                if f.name not in skip_unfit:
                    raise ValueError(f"{cls.__name__}.{f.name}: {exc}") from exc
                log.warning(
                    "%s field %r does not fit the model: left out (%s)", cls.__name__, f.name, exc
                )
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ValueError(f"{cls.__name__}: missing field {f.name!r}")
    return cls(**kwargs)
