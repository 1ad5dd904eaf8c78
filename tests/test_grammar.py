"""The grammar that the direct path, the replay and completion read (careercli.grammar_tree) is the Typer app's
own: written from it, and equal to it."""

from __future__ import annotations


def test_the_stored_grammar_is_the_typer_apps() -> None:
    """A command, option, range, choice or default changed in the Typer declarations changes the grammar the
    direct path reads: run ``python -m careercli.cli.grammar_build`` to write it again."""
    from careercli.cli.grammar_build import build
    from careercli.grammar_tree import TREE

    assert build() == TREE, "careercli/grammar_tree.py is stale: python -m careercli.cli.grammar_build"
