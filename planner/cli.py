"""The `planner` command: the editor, and the same engine for scripts, hooks and CI.

Only `planner` and `planner edit` import the editor (and so Textual); every other verb
stays light so that `planner check` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from planner import __version__
from planner.export import EXPORT_FORMATS

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every verb."""
    parser = argparse.ArgumentParser(
        prog="planner",
        description="Plan a training week: heavy sessions, rest and active recovery, "
        "checked for load spacing and overload risk. Without a command, opens the "
        "editor on a new plan made from the default template.",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND")

    edit = verbs.add_parser(
        "edit",
        help="open the editor on a plan file",
        description="Open the editor on FILE. A FILE that does not exist yet starts as an "
        "empty week and is created on the first save.",
    )
    edit.add_argument("file", type=Path, metavar="FILE")

    new = verbs.add_parser(
        "new",
        help="write a new plan from a template",
        description="Write a new plan file from a bundled template.",
    )
    new.add_argument("file", type=Path, metavar="FILE")
    new.add_argument("--template", metavar="NAME", help="template name (see `planner templates`)")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    verbs.add_parser(
        "templates",
        help="list the bundled templates",
        description="List the bundled templates: name, title, heavy sessions, easy days "
        "and weekly load.",
    )

    check = verbs.add_parser(
        "check",
        help="validate plans and report findings and metrics",
        description=_wrapped(
            "Validate plans and report the overload risk, metrics and findings. "
            "Exit status: 0 when every file is valid and no finding reaches --fail-on; 1 when "
            "one does; 2 when a file is unreadable or invalid."
        ),
        # Wrapped here, never inside a rule id, so the ids can be copied from the help.
        epilog=_wrapped("rules: " + ", ".join(_rule_ids())),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("files", type=Path, nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--fail-on",
        choices=("warning", "critical"),
        default="critical",
        help="lowest finding severity that makes the exit status 1 (default: critical)",
    )

    export = verbs.add_parser(
        "export",
        help="export a plan to TOML, iCalendar, Markdown or JSON",
        description="Export a plan. Without -o, it is written to standard output.",
    )
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--to", choices=EXPORT_FORMATS, required=True, dest="to")
    export.add_argument("-o", "--output", type=Path, metavar="OUT")

    verbs.add_parser(
        "schema",
        help="print the JSON Schema of the plan format",
        description="Print the JSON Schema of the plan format, for editors that validate "
        "TOML against a schema.",
    )
    return parser


def _wrapped(text: str) -> str:
    import textwrap

    return textwrap.fill(text, width=78, break_on_hyphens=False, break_long_words=False)


def _rule_ids() -> list[str]:
    from planner.rules.catalogue import CATALOGUE

    return [rule.id for rule in CATALOGUE]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    verb = arguments.verb
    try:
        if verb is None or verb == "edit":
            from planner.ui.app import run_editor

            return run_editor(arguments.file if verb == "edit" else None)
        if verb == "check":
            return check(arguments.files, arguments.format, arguments.fail_on)
        if verb == "export":
            return export(arguments.file, arguments.to, arguments.output)
        if verb == "new":
            return new(arguments.file, arguments.template, force=arguments.force)
        if verb == "templates":
            return templates()
        if verb == "schema":
            return schema()
    except BrokenPipeError:
        # The reader went away (e.g. `planner check ... | head`); that is not an error.
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        # A file that cannot be read or written is the user's to fix, never a
        # traceback: one line, exit 2. Anything else is a bug and shows as one.
        from planner.planfile import PlanError, SaveError, escaped

        if isinstance(error, PlanError):
            print(str(error), file=sys.stderr)
            return EXIT_INVALID
        if isinstance(error, SaveError):
            print(f"planner: {escaped(str(error))}", file=sys.stderr)
            return EXIT_INVALID
        raise
    parser.error(f"unknown command {verb!r}")
    return EXIT_INVALID  # pragma: no cover - parser.error exits


# --- verbs -----------------------------------------------------------------------


def check(files: Sequence[Path], output: str, fail_on: str) -> int:
    """Validate plans and report findings; the exit status follows cli.md."""
    from planner.findings import Severity
    from planner.planfile import PlanError, problems_to_json, read_plan
    from planner.report import report_to_json, report_to_text
    from planner.rules.engine import evaluate

    def with_errors(entry: dict[str, object], errors: list[dict[str, object]]) -> dict[str, object]:
        # cli.md: `errors` (every problem as data) right after `error` (the first one).
        ordered: dict[str, object] = {}
        for key, value in entry.items():
            ordered[key] = value
            if key == "error":
                ordered["errors"] = errors
        return ordered

    threshold = Severity(fail_on).rank
    status = EXIT_OK
    results: list[dict[str, object]] = []
    blocks: list[str] = []
    for path in files:
        name = str(path)
        try:
            report = evaluate(read_plan(path))
        except PlanError as error:
            status = EXIT_INVALID
            if output == "json":
                first = error.problems[0].format(error.source) if error.problems else str(error)
                entry = report_to_json(name, None, first)
                results.append(with_errors(entry, problems_to_json(error)))
            else:
                print(str(error), file=sys.stderr)  # one `FILE:LINE: key: message` a problem
            continue
        if status != EXIT_INVALID and any(f.severity.rank >= threshold for f in report.findings):
            status = EXIT_FINDINGS
        if output == "json":
            results.append(with_errors(report_to_json(name, report, None), []))
        else:
            blocks.append(report_to_text(name, report))
    if output == "json":
        import json

        print(json.dumps(results, indent=2, ensure_ascii=False))
    elif blocks:
        print("\n\n".join(blocks))
    return status


def export(path: Path, to: str, output: Path | None) -> int:
    """Export a plan to standard output or a file, never over the plan or its backup."""
    from planner.export import ExportError, export_to_file, render
    from planner.planfile import PlanError, SaveError, read_plan

    try:
        plan = read_plan(path)
    except PlanError as error:
        print(str(error), file=sys.stderr)
        return EXIT_INVALID
    if output is None:
        sys.stdout.write(render(plan, to))
        sys.stdout.flush()
        return EXIT_OK
    try:
        export_to_file(plan, to, output, plan_path=path, overwrite=True)
    except (ExportError, SaveError) as error:
        print(f"planner: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote {_shown_path(output)}", file=sys.stderr)
    return EXIT_OK


def _shown_path(path: Path) -> str:
    """A path as it may be echoed on a terminal (control characters escaped)."""
    from planner.planfile import escaped

    return escaped(str(path))


def new(path: Path, template: str | None, *, force: bool) -> int:
    """Write a new plan file from a template."""
    from planner.planfile import SaveError, write_atomic
    from planner.templates import DEFAULT_TEMPLATE, TemplateNotFound, template_text

    name = template or DEFAULT_TEMPLATE
    try:
        text = template_text(name)
    except TemplateNotFound as error:
        print(f"planner: {error}", file=sys.stderr)
        return EXIT_INVALID
    if path.exists() and not force:
        print(f"planner: {_shown_path(path)} exists; use --force to overwrite it", file=sys.stderr)
        return EXIT_INVALID
    try:
        write_atomic(path, text, backup=True)
    except SaveError as error:
        print(f"planner: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote {_shown_path(path)} from template {name}")
    return EXIT_OK


def templates() -> int:
    """List the bundled templates with their key numbers."""
    from planner.planfile import PlanError, read_plan
    from planner.rules.metrics import compute_metrics
    from planner.templates import list_templates

    rows = [("NAME", "TITLE", "HEAVY", "EASY DAYS", "WEEKLY LOAD")]
    for template in list_templates():
        try:
            metrics = compute_metrics(read_plan(template.path))
        except PlanError as error:  # a broken bundled template is a bug; say so plainly
            print(str(error), file=sys.stderr)
            continue
        rows.append(
            (
                template.name,
                template.title,
                str(metrics.heavy_sessions),
                str(metrics.easy_days),
                str(metrics.weekly_load),
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        cells = [
            cell.rjust(width) if index >= 2 else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    return EXIT_OK


def schema() -> int:
    """Print the JSON Schema of the plan format."""
    import json

    from planner.model import Plan

    print(json.dumps(Plan.model_json_schema(), indent=2))
    return EXIT_OK
