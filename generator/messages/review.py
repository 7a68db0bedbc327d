"""Every message of baocao.messages on one sheet, for a reviewer of the wording (`python -m baocao.messages`).

A function is shown called with its parameters as ‹name› (numbers as samples), a constant as it is; each
line names the module and the message, so a fix goes straight to `generator/messages/<module>.py`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Iterator
from types import ModuleType

import baocao.messages

SAMPLES: dict[object, object] = {int: 1234, float: 1.5}  # a str parameter shows as ‹its name›


def modules() -> list[ModuleType]:
    """The message modules, by name."""
    names = [info.name for info in pkgutil.iter_modules(baocao.messages.__path__) if info.name not in {"review"}]
    return [importlib.import_module(f"baocao.messages.{name}") for name in sorted(names) if name != "__main__"]


def entries(module: ModuleType) -> Iterator[tuple[str, str]]:
    """(name, text) of each message of `module`: functions called with samples, constants, and each
    value of a constant table (`NAME[key]`, or `NAME[key][i]` for a (message, hint) pair)."""
    for name, value in vars(module).items():
        if name.startswith("_") or getattr(value, "__module__", module.__name__) != module.__name__:
            continue
        if inspect.isfunction(value):
            yield name, value(**sample_arguments(value))
        elif isinstance(value, str) and name.isupper():
            yield name, value
        elif isinstance(value, dict) and name.isupper():
            for key, text in value.items():  # a table's value is a text, or (message, hint)
                texts = text if isinstance(text, tuple) else (text,)
                yield from ((f"{name}[{key!r}]" + (f"[{i}]" if len(texts) > 1 else ""), t) for i, t in enumerate(texts))


def sample_arguments(function: typing.Callable[..., str]) -> dict[str, object]:
    hints = typing.get_type_hints(function)
    return {name: SAMPLES.get(hints[name], f"‹{name}›") for name in inspect.signature(function).parameters}


def sheet() -> str:
    """All messages, module by module."""
    lines = []
    for module in modules():
        lines.append(f"# {module.__name__.rsplit('.', 1)[1]}.py — {(module.__doc__ or '').splitlines()[0]}")
        lines += [f"{name}: {text}" for name, text in entries(module)]
        lines.append("")
    return "\n".join(lines)
