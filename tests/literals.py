"""The string constants of a module as the source guards read them (test_messages, test_conventions_once)."""

from __future__ import annotations

import ast
import re

# Words that mark a sentence as English (a library's text passed through); none is a Vietnamese word unaccented.
ENGLISH = set(
    "the of and is are was were not error errors invalid expected found missing unknown cannot failed file line "
    "column value must should with from this that which could would does has have been or for by at no such "
    "unexpected unable none empty input parse integer exceeded maximum".split()
)
# What may hold English words without being an English sentence: tags, quoted names, options.
QUOTED = re.compile(r"\{[{%].*?[}%]\}|'[^']*'|«[^»]*»|`[^`]*`|\"[^\"]*\"|‹[^›]*›|--?[a-z][\w-]*")


def english(text: str) -> set[str]:
    """The English words of `text` outside quotes, tags and options (empty for Vietnamese text)."""
    return set(re.findall(r"[A-Za-z]+", QUOTED.sub(" ", text))) & ENGLISH


def string_literals(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, text) of each string constant of `tree`, docstrings left out."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]
