"""The data model's building blocks: what a clerk types where the model parses it itself (Vietnamese
numbers, one line for a list, periods, dates), names, label ladders, and the strict base of every model."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict
from typing_extensions import Unpack

from baocao.conventions.formatting import parse_vn_number
from baocao.conventions.numbering import LADDER_STYLES, ladder_problem
from baocao.input.period import IssueDate, Period, parse_issue_date, parse_period
from baocao.messages import workbooks as msg


def parse_number(value: Any) -> Any:
    return value if value is None else parse_vn_number(value)


def _lines(value: Any) -> Any:
    """Accept one string where a list of lines is expected."""
    return [value] if isinstance(value, str) else value


# json_schema_input_type: what a clerk may type, for the JSON Schema editors read (schema.py).
VnNumber = Annotated[Decimal, BeforeValidator(parse_number, json_schema_input_type=float | str)]
Lines = Annotated[list[str], BeforeValidator(_lines, json_schema_input_type=str | list[str])]
PeriodText = Annotated[Period, BeforeValidator(parse_period, json_schema_input_type=str)]
DateText = Annotated[IssueDate, BeforeValidator(parse_issue_date, json_schema_input_type=str)]
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
STYLE_HELP = "la_ma (I.), so (1.), so_ghep (1.1.), chu (a))"


def check_key(value: str) -> str:
    if value and not KEY.match(value):
        raise ValueError(msg.bad_key_name(value))
    return value


# A name clerks give to a column or an appendix, to refer to it ('ke_hoach', 'nhiem_vu').
Key = Annotated[str, AfterValidator(check_key)]
LabelStyle = Literal[LADDER_STYLES]  # type: ignore[valid-type]


def _ladder(value: list[str] | None) -> list[str] | None:
    """A `kieu_muc` ladder runs downwards: each style may number the children of the one before."""
    for parent, child in zip([None, *(value or [])], value or [], strict=False):
        problem = ladder_problem(parent, child)
        if problem:
            raise ValueError(f"kieu_muc [{', '.join(value or [])}]: {problem}")
    return value


Ladder = Annotated[list[LabelStyle] | None, AfterValidator(_ladder)]
LADDER_HELP = msg.ladder_help(STYLE_HELP)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def described(text: str, **config: Unpack[ConfigDict]) -> ConfigDict:
    """A model's config (`config` added to its base's) with `text` (from messages.keys.MODELS) as the description
    its object carries in the JSON Schema, in place of the docstring, which speaks to maintainers."""
    return ConfigDict(**config, json_schema_extra={"description": text})
