"""Frozen records: the pipeline's data as msgspec structs, with pydantic as their public face.

A run makes thousands of claims; validating each with pydantic, and importing pydantic and
building its models at all, cost a small check some 0.1 s. The models of
:mod:`checker.models` (and the options of rules, and the config) are therefore declared once as
:class:`Frozen` structs: made, compared, hashed, pickled and written as JSON by msgspec's C code,
with no validation (the engine and the rules make them from values of the right types; a float
field given an int makes it a float, as pydantic did). They keep the part of pydantic's model API
the code and plugins use (``model_copy``, ``model_dump``, ``model_dump_json``, ``model_fields``).

Where a user-facing API needs pydantic, the model's pydantic twin is built from the same
declaration when first asked for (:func:`public_model`): the JSON Schema of the report and of a
rule's options (``model_json_schema``), and validation of data from outside (``model_validate``
and ``model_validate_json``: a config file, rule options, a stored claim), which raises pydantic's
ValidationError with pydantic's messages and gives back the struct. ``model_dump_json`` writes the
bytes pydantic writes (the tests compare the two); the one spelling msgspec writes otherwise, the
exponent of a float of 1e16 or more ("1e16", pydantic "1e+16"), is left to the twin.
"""
from __future__ import annotations

import functools
import re
import types
import typing
from datetime import date
from typing import Any, ClassVar

import msgspec

# a float in exponent form in compact JSON: "1e16" (pydantic writes "1e+16"); text in quotes such
# as "ratio 3:1e5" matches too, which only costs its report the slower, exact path
_EXPONENT = re.compile(rb"[:\[,]-?\d+(?:\.\d+)?e\d")
_E_DIGIT = re.compile(rb"e\d")  # found fast (a literal first byte), where _EXPONENT is a slow scan
NUMBER_SPAN = 40  # bytes: more than the longest float msgspec writes


def has_exponent(data: bytes) -> bool:
    """Whether compact JSON holds a float in exponent form (see ``_EXPONENT``): each "e" and
    digit after a digit is looked at with the bytes before it, instead of scanning a report of
    150 MB with ``_EXPONENT`` (a second)."""
    for hit in _E_DIGIT.finditer(data):
        at = hit.start()
        if at and 48 <= data[at - 1] <= 57 and _EXPONENT.search(data, max(0, at - NUMBER_SPAN), hit.end()):
            return True
    return False


class _FieldNames:
    """``model_fields`` of a record: its field names, in their order (as keys of a dict)."""

    def __get__(self, record: Any, cls: type) -> dict[str, None]:
        return dict.fromkeys(cls.__struct_fields__)


class Frozen(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Base of the records: immutable, keyword-made, with pydantic's model API where the code
    uses it. ``pydantic_config`` holds what the pydantic twin's ``model_config`` adds to frozen
    and extra="forbid"; ``shown_defaults`` the fields whose empty default the JSON Schema shows
    (a literal ``[]`` or ``{}`` in a pydantic model; ``msgspec.field(default_factory=...)`` for
    one it does not)."""

    model_fields = _FieldNames()
    pydantic_config: ClassVar[dict[str, Any]] = {}
    shown_defaults: ClassVar[tuple[str, ...]] = ()

    def model_copy(self, update: dict[str, Any] | None = None) -> Any:
        """A copy with some fields changed (not validated, as pydantic's model_copy)."""
        return msgspec.structs.replace(self, **(update or {}))

    def model_dump(self, mode: str = "python", exclude: set[str] | None = None) -> dict[str, Any]:
        """The fields as a dict, records in it as dicts; with ``mode="json"`` dates as ISO text."""
        data = msgspec.to_builtins(self, builtin_types=None if mode == "json" else (date,))
        for name in exclude or ():
            data.pop(name, None)
        return data

    def model_dump_json(self, indent: int | None = None, exclude: set[str] | None = None) -> str:
        """The JSON pydantic writes of the model, byte for byte."""
        return self.json_bytes(indent, exclude).decode("utf-8")

    def json_bytes(self, indent: int | None = None, exclude: set[str] | None = None,
                   exponents: bool | None = None) -> bytes:
        """``model_dump_json`` as UTF-8, made without a text in between: a report of 150 MB
        is written as it is encoded, not decoded to a text and encoded again. ``exponents``
        tells whether the record holds a float that is written in exponent form (1e16 or
        more, see ``has_exponent``) where the caller knows it; None looks for one in the JSON."""
        data = msgspec.json.encode(self.model_dump("json", exclude) if exclude else self)
        if has_exponent(data) if exponents is None else exponents:
            return public_instance(self).model_dump_json(indent=indent, exclude=exclude).encode("utf-8")
        if indent is not None:
            data = msgspec.json.format(data, indent=indent)
        return data

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        """A record from data from outside, validated as pydantic validates the model
        (pydantic's ValidationError, a ValueError, when it is not valid)."""
        return from_public(public_model(cls).model_validate(_plain(data)))

    @classmethod
    def model_validate_json(cls, data: str | bytes) -> Any:
        return from_public(public_model(cls).model_validate_json(data))

    @classmethod
    def model_json_schema(cls, **kwargs: Any) -> dict[str, Any]:
        """The JSON Schema of the model, as pydantic makes it."""
        return public_model(cls).model_json_schema(**kwargs)


def coerce_floats(record: Frozen, names: tuple[str, ...]) -> None:
    """Make the ints given to float fields floats, as pydantic did (a record's __post_init__):
    the JSON report writes 5.0, never 5."""
    for name in names:
        value = getattr(record, name)
        if type(value) is int:
            msgspec.structs.force_setattr(record, name, float(value))


def is_validation_error(error: BaseException) -> bool:
    """Whether an exception is pydantic's ValidationError (told without importing pydantic)."""
    return type(error).__name__ == "ValidationError" and hasattr(error, "errors")


# --- the pydantic twins -----------------------------------------------------------------------

@functools.cache
def public_model(cls: type[Frozen]) -> Any:
    """The pydantic model of a record: the same fields, types, defaults and descriptions, frozen
    and forbidding extra keys (plus the record's ``pydantic_config``), named and documented as
    the record is; built once, when first asked for."""
    from pydantic import ConfigDict, Field, create_model

    hints = typing.get_type_hints(cls, include_extras=True)
    fields = {}
    defaults = dict(zip(cls.__struct_fields__[len(cls.__struct_fields__) - len(cls.__struct_defaults__):],
                        cls.__struct_defaults__))
    for name in cls.__struct_fields__:
        annotation, description = public_type(hints[name])
        info: dict[str, Any] = {"description": description} if description else {}
        default = defaults.get(name, msgspec.NODEFAULT)
        if default is not msgspec.NODEFAULT:
            if isinstance(default, msgspec._core.Factory):
                if name in cls.shown_defaults:
                    info["default"] = default.factory()
                else:
                    info["default_factory"] = default.factory
            else:
                info["default"] = default
        fields[name] = (annotation, Field(**info))
    config = ConfigDict(frozen=True, extra="forbid", **cls.pydantic_config)
    model = create_model(cls.__name__, __config__=config, __doc__=cls.__doc__, __module__=cls.__module__, **fields)
    model.__record__ = cls
    return model


def public_type(hint: Any) -> tuple[Any, str | None]:
    """A record's type hint in the terms of pydantic (records as their twins, msgspec.Meta as
    Field), and the description its Meta gives."""
    from pydantic import Field

    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        inner, _ = public_type(args[0])
        metas = [m for m in hint.__metadata__ if isinstance(m, msgspec.Meta)]
        constraints = {k: getattr(m, k) for m in metas for k in ("ge", "le", "gt", "lt") if getattr(m, k) is not None}
        description = next((m.description for m in metas if m.description), None)
        return (typing.Annotated[inner, Field(**constraints)] if constraints else inner), description
    if isinstance(hint, type) and issubclass(hint, Frozen):
        return public_model(hint), None
    if args:
        mapped = tuple(public_type(a)[0] for a in args)
        if origin is typing.Union or origin is types.UnionType:
            return typing.Union[mapped], None
        if origin is typing.Literal:
            return hint, None
        return origin[mapped], None
    return hint, None


def public_instance(record: Frozen) -> Any:
    """The pydantic twin of a record, made without validating again."""
    return public_model(type(record)).model_validate(record.model_dump())


def _plain(value: Any) -> Any:
    """Data with the records in it as dicts, as pydantic's twins read them."""
    if isinstance(value, Frozen):
        return value.model_dump()
    if type(value) is dict:
        return {k: _plain(v) for k, v in value.items()}
    if type(value) is list:
        return [_plain(v) for v in value]
    return value


def from_public(model: Any) -> Any:
    """The record of a pydantic twin's instance (records in it as records)."""
    return _from_public(model)


def _from_public(value: Any) -> Any:
    record = getattr(type(value), "__record__", None)
    if record is not None:
        return record(**{name: _from_public(getattr(value, name)) for name in record.__struct_fields__})
    if type(value) is list:
        return [_from_public(v) for v in value]
    if type(value) is dict:
        return {k: _from_public(v) for k, v in value.items()}
    return value


@functools.cache
def _adapter(hint: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(public_type(hint)[0])


def validate_json_as(hint: Any, data: str | bytes) -> Any:
    """Data of a type made of records (such as ``ClaimValue | None``) from its JSON, validated
    as pydantic validates it (its ValidationError when it is not valid)."""
    return from_public(_adapter(hint).validate_json(data))
