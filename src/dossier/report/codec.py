"""Generic conversion between model dataclasses and plain JSON values.

Used for the parts of ``dossier.json`` whose shape is simply the dataclass
(citations, dates, claims, corroborations, fields other stages append to the
model later), so new optional model fields are written and read back without
touching the report code.
"""

from __future__ import annotations

import dataclasses
import json
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
    if isinstance(value, frozenset | set):  # in a fixed order: equal sets write equal JSON
        return sorted((to_plain(v) for v in value), key=_order_key)
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def _order_key(value: Plain) -> str:
    return json.dumps(value, sort_keys=True)


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
    if origin is frozenset:
        return _set_decoder(tp, args)
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
        # Columns of plain values (a parse's offsets, lemmas...): checked in one pass.
        simple = args[0] if args[0] in (int, str) else None

        def decode_items(data: object) -> object:
            if not isinstance(data, list | tuple):
                raise ValueError(f"expected an array for {tp}, got {type(data).__name__}")
            if simple is not None and set(map(type, data)) <= {simple}:
                return tuple(data)
            return tuple(item(v) for v in data)

        return decode_items
    parts = [_decoder(cast(Hashable, a)) for a in args]

    def decode_fixed(data: object) -> object:
        if not isinstance(data, list | tuple) or len(data) != len(parts):
            raise ValueError(f"expected {len(parts)} items for {tp}, got {data!r}")
        return tuple(part(v) for part, v in zip(parts, data, strict=True))

    return decode_fixed


def _set_decoder(tp: object, args: tuple[object, ...]) -> Decoder:
    member = _decoder(cast(Hashable, args[0]))
    plain = args[0] if args[0] in (int, str) else None

    def decode_set(data: object) -> object:
        if not isinstance(data, list | tuple):
            raise ValueError(f"expected an array for {tp}, got {type(data).__name__}")
        if plain is not None and set(map(type, data)) <= {plain}:
            return frozenset(data)
        return frozenset(member(v) for v in data)

    return decode_set


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
    kwargs: dict[str, object] = {}
    for name, decode, required in _fields_plan(cast(Hashable, cls)):
        if name in data:
            try:
                kwargs[name] = decode(data[name])
            except (ValueError, TypeError) as exc:
                if name not in skip_unfit:
                    raise ValueError(f"{cls.__name__}.{name}: {exc}") from exc
                log.warning(
                    "%s field %r does not fit the model: left out (%s)", cls.__name__, name, exc
                )
        elif required:
            raise ValueError(f"{cls.__name__}: missing field {name!r}")
    return cls(**kwargs)


@cache
def _fields_plan(cls: Hashable) -> tuple[tuple[str, Decoder, bool], ...]:
    """Each field of dataclass ``cls``: its name, its decoder and whether it must be given
    (worked out once per class: looking decoders up by annotation on every record was most
    of the time of reading many small records)."""
    hints = field_types(cls)
    return tuple(
        (
            f.name,
            _decoder(cast(Hashable, hints[f.name])),
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cast(type, cls))
    )
