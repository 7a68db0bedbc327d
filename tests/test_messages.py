"""Clerk-facing wording lives in baocao.messages (issue 14): the guard, and checks of the wording itself.

A module of generator/ outside messages/ and conventions/ (document wording) may hold no Vietnamese text of its
own, docstrings aside: a Vietnamese string there is a message that bypasses the catalogue. NOT_YET_MOVED is the
waiting list of modules whose messages are still to move.
"""

from __future__ import annotations

import ast
import inspect
import sys
import typing
from pathlib import Path

import pytest
from literals import english, string_literals
from pydantic import BaseModel

import baocao.input.schema  # noqa: F401  # every model of the JSON Schemas
from baocao.messages import keys, review

ROOT = Path(__file__).resolve().parents[1] / "generator"
HOMES = ("messages/", "conventions/")  # Vietnamese text is at home here
# Modules whose messages are still to move (issue 14); remove each name as its messages move. Never add one,
# except a module split out of a listed one: it inherits the listing (list it in the commit that splits).
NOT_YET_MOVED: set[str] = set()
# Problems without a place, each with its reason (a located error names file, line and column).
PLACELESS = {"writers/pdf.py": "LibreOffice missing is about the machine, not an input file"}
MESSAGE_SINKS = {"Problem", "fail", "BaocaoError", "finding"}
EXCEPTION_TEXT = {"args", "msg", "message", "strerror", "reason", "problem", "context"}


def modules() -> dict[str, ast.Module]:
    """Every module of generator/, parsed, by path relative to it."""
    return {
        path.relative_to(ROOT).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(ROOT.rglob("*.py"))
    }


def vietnamese_strings(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, text) of each string constant of `tree` holding a non-ASCII letter, docstrings left out."""
    return [(line, text) for line, text in string_literals(tree) if any(not c.isascii() and c.isalpha() for c in text)]


def moved() -> dict[str, ast.Module]:
    """The modules the guard holds to: outside the homes, off the waiting list."""
    return {name: tree for name, tree in modules().items() if not name.startswith(HOMES) and name not in NOT_YET_MOVED}


def test_messages_do_not_bypass_the_catalogue():
    strays = [
        f"generator/{name}:{line}: {text[:60]!r}"
        for name, tree in moved().items()
        for line, text in vietnamese_strings(tree)
    ]
    assert not strays, "put these messages in baocao.messages.<stage> (wording in one place):\n" + "\n".join(strays)


def test_the_waiting_list_only_names_modules_with_their_own_wording():
    """A module leaves NOT_YET_MOVED as soon as its messages have moved, so the list only shrinks."""
    trees = modules()
    done = sorted(name for name in NOT_YET_MOVED if name not in trees or not vietnamese_strings(trees[name]))
    assert not done, f"remove from NOT_YET_MOVED (nothing left to move): {done}"


def test_message_modules_import_no_stage():
    """The catalogue reads as text: a message module imports nothing but the standard library."""
    for name, tree in modules().items():
        if not name.startswith("messages/") or name in {"messages/review.py", "messages/__main__.py"}:
            continue
        imported = {
            alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        } | {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert imported <= set(sys.stdlib_module_names) | {"__future__"}, (name, imported)


@pytest.mark.parametrize("module", review.modules(), ids=lambda m: m.__name__)
def test_messages_take_plain_values(module):
    """Parameters are already formatted text or numbers, so the wording alone decides what is shown."""
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if function.__module__ == module.__name__:
            hints = typing.get_type_hints(function)
            assert hints.pop("return") is str, name
            assert set(hints.values()) <= {str, int, float}, (name, hints)
            assert set(hints) == set(inspect.signature(function).parameters), (name, "annotate every parameter")


@pytest.mark.parametrize("module", review.modules(), ids=lambda m: m.__name__)
def test_messages_are_vietnamese(module):
    """No English sentence in the catalogue (quoted names, options and product names aside)."""
    leaks = {}
    for name, text in review.entries(module):
        if found := english(text):
            leaks[name] = sorted(found)
    assert not leaks, leaks


def test_english_words_are_caught():
    assert english("Không đọc được (file not found).") == {"file", "not", "found"}
    assert not english("Số liệu 'the file' có lỗi.")
    assert english("Giá trị của 'so' không hợp lệ (Unable to parse input string as an integer).")


def exception_text_reaching_messages(tree: ast.Module) -> list[int]:
    """Lines where the text of a library's exception (`exc`, `str(exc)`, `exc.args`...) is handed to a message
    (a call of `msg.*`, Problem, fail, BaocaoError): English leaking into what the clerk reads. An exception of
    baocao's own (imported from baocao or defined in the module) carries Vietnamese and may be passed on."""
    ours = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)} | {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("baocao")
        for alias in node.names
    }
    lines = []
    for handler in ast.walk(tree):
        if not isinstance(handler, ast.ExceptHandler) or not handler.name or handler.type is None:
            continue
        caught = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        if all(isinstance(kind, ast.Name) and kind.id in ours for kind in caught):
            continue
        for call in (node for statement in handler.body for node in ast.walk(statement)):
            if isinstance(call, ast.Call) and _is_sink(call.func):
                lines += [
                    arg.lineno for arg in [*call.args, *(k.value for k in call.keywords)] if _text_of(arg, handler.name)
                ]
    return lines


def _is_sink(func: ast.expr) -> bool:
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "msg":
        return True
    return (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) in MESSAGE_SINKS


def _text_of(node: ast.expr, name: str) -> bool:
    """Whether `node` is the exception's text: the exception itself, str() or an f-string of it, or a text field."""
    if isinstance(node, ast.Name):
        return node.id == name
    if isinstance(node, ast.Attribute):
        return isinstance(node.value, ast.Name) and node.value.id == name and node.attr in EXCEPTION_TEXT
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"str", "repr", "format"}:
        return any(_text_of(arg, name) for arg in node.args)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) and _text_of(v.value, name) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _text_of(node.left, name) or _text_of(node.right, name)
    return False


def test_library_errors_are_told_in_vietnamese():
    leaks = {name: lines for name, tree in moved().items() if (lines := exception_text_reaching_messages(tree))}
    assert not leaks, f"translate the library's error (as errors.os_reason does) instead of passing it on: {leaks}"


def test_a_leak_is_caught():
    tree = ast.parse("try:\n    pass\nexcept ValueError as exc:\n    raise fail(where, msg.bad(str(exc)))\n")
    assert exception_text_reaching_messages(tree) == [4]
    ours = ast.parse(
        "from baocao.limits import OverBudget\ntry:\n    pass\nexcept OverBudget as e:\n    fail(w, str(e))\n"
    )
    assert exception_text_reaching_messages(ours) == []


def placeless_problems(tree: ast.Module) -> list[int]:
    """Lines building a problem at `Location(None)` or `Location()`: a located error must carry its place."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "Location"
        and (not node.args or (isinstance(node.args[0], ast.Constant) and node.args[0].value is None))
    ]


def test_located_errors_carry_the_place():
    placeless = {
        name: lines
        for name, tree in modules().items()
        if name not in PLACELESS and name != "errors.py" and (lines := placeless_problems(tree))
    }
    assert not placeless, f"give these problems their file (and line): {placeless}"
    trees = modules()
    assert all(placeless_problems(trees[name]) for name in PLACELESS), (
        "PLACELESS names a module that no longer needs it"
    )


def test_a_stray_is_caught():
    tree = ast.parse('"""Tài liệu."""\n\nX = "Lỗi"\nY = "→ …"\n\n\ndef f():\n    """Hàm."""\n    return f"{X} đây"\n')
    assert vietnamese_strings(tree) == [(3, "Lỗi"), (9, " đây")]


def subclasses(model: type[BaseModel]) -> list[type[BaseModel]]:
    return [sub for child in model.__subclasses__() for sub in (child, *subclasses(child))]


def test_models_take_their_schema_description_from_the_catalogue():
    """A model's description in the JSON Schema is what an editor shows the clerk over the object: it is worded in
    keys.MODELS (given through fields.described); the docstring, which pydantic would show otherwise, is English."""
    models = {model for model in subclasses(BaseModel) if model.__module__.startswith("baocao.") and model.model_fields}
    assert {model.__name__ for model in models} == set(keys.MODELS)
    for model in models:
        assert model.model_config.get("json_schema_extra") == {"description": keys.MODELS[model.__name__]}
        assert not [c for c in model.__doc__ or "" if not c.isascii() and c.isalpha()], model.__name__


def test_each_sentence_is_worded_once():
    """Two messages with the same text would let a reviewer fix one and miss the other: say it once (common.py
    for wording several stages share). A table's values may repeat a sentence (two errno names, one reason)."""
    named: dict[str, list[str]] = {}
    for module in review.modules():
        for name, text in review.entries(module):
            if "[" not in name:
                named.setdefault(text, []).append(f"{module.__name__}.{name}")
    assert not {text: names for text, names in named.items() if len(names) > 1}
