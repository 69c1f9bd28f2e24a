"""Finding the bundled week templates (plans/*.toml) by name, in a checkout or a wheel.

A wheel carries the templates inside the package as `planner/plans` (pyproject
force-includes them); a source checkout or an editable install has them in the
repository's `plans/` next to the `planner/` package. Only `tomllib` is used here, and
only for a template's name, description and number of weeks, so listing the templates
stays cheap; it and `difflib` are imported when first needed, keeping this module quick
to import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: The template `planner` and `planner new` use when none is named (a one-week plan).
DEFAULT_TEMPLATE = "beginner-full-body"

_SUFFIX = ".toml"
_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Template:
    """A bundled template: the name users type, its file, the plan's name and
    description as the file states them ("" when the file cannot be read), and its
    number of weeks (1 for a week template, the `[[weeks]]` of a block; 0 when the file
    cannot be read)."""

    name: str
    path: Path
    title: str
    description: str
    weeks: int = 1


class TemplateNotFound(LookupError):  # noqa: N818 (the name the CLI and UI import)
    """No bundled template has the name asked for."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        import difflib

        close = difflib.get_close_matches(_stem(name), known, n=1, cutoff=0.6)
        self.suggestion: str | None = close[0] if close else None
        hint = f'; did you mean "{self.suggestion}"?' if self.suggestion else "."
        listed = ", ".join(known) if known else "none found"
        super().__init__(f'unknown template "{name}"{hint} Known templates: {listed}.')


def _stem(name: str) -> str:
    """A typed template name without surrounding space or a `.toml` suffix, lower case."""
    stem = name.strip().lower()
    return stem[: -len(_SUFFIX)] if stem.endswith(_SUFFIX) else stem


def templates_dir() -> Path | None:
    """The directory the bundled templates are in, or None when there is none.

    The package's own `plans/` (a wheel) comes first. The repository's `plans/` next to
    the package counts only in a checkout, recognised by its pyproject.toml, so that an
    unrelated `plans/` beside an installed package is never taken for ours.
    """
    bundled = _PACKAGE_DIR / "plans"
    if bundled.is_dir():
        return bundled
    root = _PACKAGE_DIR.parent
    checkout = root / "plans"
    if checkout.is_dir() and (root / "pyproject.toml").is_file():
        return checkout
    return None


def _read_heading(path: Path) -> tuple[str, str, int]:
    """The `[plan]` name and description of a template file ("" where missing or
    unreadable) and its number of weeks (at least 1; 0 when the file is unreadable)."""
    import tomllib

    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return "", "", 0
    weeks = data.get("weeks")
    count = (len(weeks) if isinstance(weeks, list) else 0) or 1
    plan = data.get("plan")
    if not isinstance(plan, dict):
        return "", "", count
    name = plan.get("name")
    description = plan.get("description")
    return (
        name if isinstance(name, str) else "",
        description.strip() if isinstance(description, str) else "",
        count,
    )


def list_templates(directory: Path | None = None) -> list[Template]:
    """Every bundled template, sorted by name; `directory` replaces the bundled one."""
    folder = directory if directory is not None else templates_dir()
    if folder is None or not folder.is_dir():
        return []
    templates = []
    for path in sorted(folder.glob(f"*{_SUFFIX}")):
        if not path.is_file():
            continue
        title, description, weeks = _read_heading(path)
        templates.append(Template(path.stem, path, title, description, weeks))
    return templates


def find_template(name: str, directory: Path | None = None) -> Template:
    """The template with this name (a trailing `.toml` and letter case are forgiven).

    Raises TemplateNotFound, whose message lists the known names and suggests the
    closest one.
    """
    templates = list_templates(directory)
    for template in templates:
        if template.name == name:
            return template
    wanted = _stem(name)
    for template in templates:
        if template.name.lower() == wanted:
            return template
    raise TemplateNotFound(name, [template.name for template in templates])


def template_text(name: str, directory: Path | None = None) -> str:
    """The TOML text of a template, comments and all, ready to save as a new plan."""
    return find_template(name, directory).path.read_text(encoding="utf-8")
