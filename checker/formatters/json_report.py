"""The JSON report written by msgspec from the models' fields: byte for byte what pydantic's
``model_dump_json(indent=2)`` writes (:func:`checker.report.to_json`), in about half the time,
which a report of every claim of a large folder (150 MB for 10,000 articles) is worth.

The models have no serializers, aliases or excluded fields, so a model is its ``__dict__`` in
field order. The two writers differ in floats of 1e16 and more ("1e+16" against "1e16") and in
an int where a float belongs (only a model copied without validation holds one: pydantic writes
"3.0"): a report holding either is written by pydantic.
"""
from __future__ import annotations

from functools import lru_cache
from typing import get_args

from pydantic import BaseModel

from checker.models import Report
from checker.report import to_json


class _Pydantic(Exception):
    """A value only pydantic writes as it does."""


BIG = 1e16  # from here on pydantic writes an exponent with its sign


@lru_cache(maxsize=None)
def float_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that may hold a float."""
    def holds_float(annotation) -> bool:
        return annotation is float or any(holds_float(a) for a in get_args(annotation))

    return tuple(name for name, f in model.model_fields.items() if holds_float(f.annotation))


def _fields(obj):
    if not isinstance(obj, BaseModel):
        raise _Pydantic
    fields = obj.__dict__
    for name in float_fields(type(obj)):
        value = fields[name]
        if type(value) is int or type(value) is float and abs(value) >= BIG:  # pydantic writes 3 as 3.0
            raise _Pydantic
    return fields


def report_json(report: Report) -> str:
    """The report as :func:`checker.report.to_json` writes it."""
    import msgspec  # imported here: only a JSON report needs it

    try:
        raw = msgspec.json.Encoder(enc_hook=_fields).encode(_fields(report))
    except _Pydantic:
        return to_json(report)
    return (msgspec.json.format(raw, indent=2) + b"\n").decode()
