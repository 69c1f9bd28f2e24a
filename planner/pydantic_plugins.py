"""planner validates with pydantic but runs no pydantic plugins: looking them up costs
start-up time the editor's first frame cannot spare.

pydantic looks its plugins up (`pydantic.plugin._loader.get_plugins`) when it builds a
model's validator, and that module imports `importlib.metadata` to read entry points:
about 10 ms, with `email`, `zipfile` and `csv`, of a start that is measured against a
bare Textual app (benchmarks/bench_editor.py). Plugins are observability hooks
(`PYDANTIC_DISABLE_PLUGINS` turns them off); a plan file's validation needs none.

`skip_plugin_lookup()` puts a stand-in for that module in `sys.modules` before pydantic
imports it: `get_plugins()` finds none, and any other name is read from the real module,
loaded then, so a pydantic that asks the module for more still works.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from typing import Any

LOADER = "pydantic.plugin._loader"


class _PluginLoader(types.ModuleType):
    """Stands in for `pydantic.plugin._loader`: no plugins, and the real module for
    anything else."""

    def __init__(self) -> None:
        super().__init__(LOADER, __doc__)
        self._real: types.ModuleType | None = None

    @staticmethod
    def get_plugins() -> Iterable[Any]:
        """No plugins (what `PYDANTIC_DISABLE_PLUGINS=__all__` gives)."""
        return ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks for `__path__` and the like
            raise AttributeError(name)
        if self._real is None:
            self._real = _load_real_loader()
        return getattr(self._real, name)


def _load_real_loader() -> types.ModuleType:
    """pydantic's own `_loader` module, executed apart from `sys.modules`."""
    import importlib.machinery
    import importlib.util

    spec = importlib.util.find_spec("pydantic.plugin")
    if spec is None or spec.submodule_search_locations is None:  # pragma: no cover
        raise ImportError(f"cannot find {LOADER}")
    real = importlib.machinery.PathFinder.find_spec("_loader", spec.submodule_search_locations)
    if real is None or real.loader is None:  # pragma: no cover
        raise ImportError(f"cannot find {LOADER}")
    module = importlib.util.module_from_spec(real)
    real.loader.exec_module(module)
    return module


def skip_plugin_lookup() -> None:
    """Make pydantic find no plugins without importing `importlib.metadata`; nothing
    changes when pydantic has already loaded its plugin loader."""
    if LOADER not in sys.modules:
        sys.modules[LOADER] = _PluginLoader()
