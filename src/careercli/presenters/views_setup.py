"""Views of careercli's own set-up: the preferences (``career config show``), where things are kept (``career
where``) and the environment variables it reads (``career help environment``); see ``careercli.presenters.views``
for what a view is."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careercli.presenters.views import View

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence


class SettingsView(View):
    key, title = "config", "career config show"
    columns = (("key", "Key"), ("value", "Value"), ("from", "From"))

    def __init__(self, path: str, rows: Sequence[tuple[str, object, str, str]]) -> None:
        self.path, self.rows = path, rows

    def data(self) -> Any:
        return {"path": self.path, "settings": {k: {"value": v, "from": f, "about": a} for k, v, f, a in self.rows}}

    def records(self) -> Iterable[Sequence[object]]:
        return [(k, _toml(v), f) for k, v, f, _ in self.rows]

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_profile import settings_table

        return settings_table(self.path, [(k, _toml(v), f, a) for k, v, f, a in self.rows])


def _toml(value: object) -> str:
    """A setting as it is written in config.toml ("unset" for no value)."""
    if value is None or isinstance(value, bool):
        return {None: "unset", True: "true", False: "false"}[value]
    return f'"{value}"' if isinstance(value, str) else str(value)


class PathsView(View):
    key, title = "paths", "career where"

    def __init__(self, items: Mapping[str, object]) -> None:
        self.items = items

    def data(self) -> Any:
        return dict(self.items)

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_profile import paths_table

        return paths_table(self.items)


class EnvironmentView(View):
    key, title = "environment", "career help environment"
    columns = (("variables", "Variable"), ("about", "What it does"))

    def __init__(self, rows: Sequence[tuple[Sequence[str], str]]) -> None:
        self.rows = [(list(names), about.replace("`", "")) for names, about in rows]  # the README's Markdown

    def data(self) -> Any:
        return [{"variables": names, "about": about} for names, about in self.rows]

    def records(self) -> Iterable[Sequence[object]]:
        return [(" ".join(names), about) for names, about in self.rows]

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_profile import environment_table

        return environment_table([("\n".join(names), about) for names, about in self.rows])
