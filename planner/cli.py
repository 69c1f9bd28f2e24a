"""The `planner` command: the editor, and the same engine for scripts, hooks and CI.

Only `planner` and `planner edit` import the editor (and so Textual); every other verb
stays light so that `planner check` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planner import __version__
from planner.export import EXPORT_FORMATS

if TYPE_CHECKING:
    import argparse

    from planner.planfile import PlanError
    from planner.report import PlanReport, Severity

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every verb."""
    import argparse

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
        description=_wrapped(
            "List the bundled templates: name, title, weeks, heavy sessions, easy days and "
            "weekly load. For a template of several weeks, HEAVY, EASY DAYS and WEEKLY LOAD "
            "are the mean per week (one decimal at most), so templates of any length "
            "compare directly."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )

    check = verbs.add_parser(
        "check",
        help="validate plans and report findings and metrics",
        description=_wrapped(
            "Validate plans and report the overload risk and recovery, metrics and findings, "
            "per week. Exit status: 0 when every file is valid and no finding that is not "
            "accepted reaches --fail-on; 1 when one does; 2 when a file is unreadable or "
            "invalid, or on a usage error."
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
        help="lowest finding severity that makes the exit status 1 (default: critical); "
        "accepted findings never do",
    )
    check.add_argument(
        "--week",
        type=_week_number,
        metavar="N",
        help="report week N alone (its words, metrics and findings; the exit status too)",
    )

    export = verbs.add_parser(
        "export",
        help="export a plan to TOML, iCalendar, Markdown or JSON",
        description="Export a plan. Without -o, it is written to standard output.",
    )
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--to", choices=EXPORT_FORMATS, required=True, dest="to")
    export.add_argument("-o", "--output", type=Path, metavar="OUT")
    export.add_argument(
        "--week",
        type=_week_number,
        metavar="N",
        help="export week N alone (toml and json: a plan of that one week, its start moved "
        "to that Monday and the weeks before it added to its history)",
    )

    log = verbs.add_parser(
        "log",
        help="log done sessions from a Strong or Hevy CSV export",
        description=_wrapped(
            "Record the workouts of a Strong or Hevy CSV export in FILE, which needs a "
            "start date. A workout on a day with a planned strength session that is not "
            "logged yet is logged as that session's done; any other workout in the plan's "
            "weeks becomes an extra session; workouts outside the plan's weeks and "
            "workouts already logged (same source) are left alone, so importing the same "
            "export again changes nothing. Exit status: 0 when done; 2 when FILE or the "
            "CSV cannot be read, or on a usage error."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    log.add_argument("file", type=Path, metavar="FILE")
    log.add_argument(
        "--from", type=Path, metavar="CSV", required=True, dest="csv", help="the CSV export"
    )
    log.add_argument(
        "--dry-run", action="store_true", help="print what would be logged, write nothing"
    )

    verbs.add_parser(
        "schema",
        help="print the JSON Schema of the plan format",
        description="Print the JSON Schema of the plan format, for editors that validate "
        "TOML against a schema.",
    )
    return parser


def _week_number(text: str) -> int:
    """A week number for --week: a whole number from 1."""
    import argparse

    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a week number: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"weeks count from 1, got {number}")
    return number


def _wrapped(text: str) -> str:
    import textwrap

    return textwrap.fill(text, width=78, break_on_hyphens=False, break_long_words=False)


def _rule_ids() -> list[str]:
    from planner.catalogue import CATALOGUE

    return [rule.id for rule in CATALOGUE]


def editor_target(argv: Sequence[str]) -> tuple[bool, Path | None]:
    """Whether `argv` only opens the editor (`planner`, `planner edit FILE`), and on what.

    Those two are answered without building the parser of every verb, whose help texts
    cost the editor's start a few milliseconds; anything else (an option, `--`, a FILE
    that starts with `-`) goes through the parser.
    """
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "edit" and argv[1] and not argv[1].startswith("-"):
        return True, Path(argv[1])
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    opens_editor, target = editor_target(arguments)
    if opens_editor:
        return _run(lambda: _edit(target))
    parsed = build_parser().parse_args(arguments)
    return _run(lambda: _verb(parsed))


def _edit(path: Path | None) -> int:
    from planner.ui.app import run_editor

    return run_editor(path)


def _verb(arguments: argparse.Namespace) -> int:
    """Run the verb the parser found."""
    verb = arguments.verb
    if verb is None or verb == "edit":
        return _edit(arguments.file if verb == "edit" else None)
    if verb == "check":
        return check(arguments.files, arguments.format, arguments.fail_on, arguments.week)
    if verb == "export":
        return export(arguments.file, arguments.to, arguments.output, arguments.week)
    if verb == "log":
        return log(arguments.file, arguments.csv, dry_run=arguments.dry_run)
    if verb == "new":
        return new(arguments.file, arguments.template, force=arguments.force)
    if verb == "templates":
        return templates()
    if verb == "schema":
        return schema()
    raise AssertionError(f"unknown command {verb!r}")  # argparse knows every verb


def _run(command: Callable[[], int]) -> int:
    """Run a verb: a broken pipe or ^C ends quietly, and a file that cannot be read or
    written is one line and exit 2, never a traceback."""
    try:
        return command()
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


# --- verbs -----------------------------------------------------------------------


def check(files: Sequence[Path], output: str, fail_on: str, week: int | None = None) -> int:
    """Validate plans and report on them (cli.md); returns the exit status.

    With `week`, only that week is reported and judged for the exit status; a valid
    file without that week is a usage error (exit 2, nothing printed on stdout).
    """
    from planner.planfile import PlanError, read_plan
    from planner.report import Severity
    from planner.rules.engine import evaluate

    results: list[tuple[str, PlanReport | PlanError]] = []
    for path in files:
        try:
            results.append((str(path), evaluate(read_plan(path))))
        except PlanError as error:
            results.append((str(path), error))
    if week is not None:
        for name, result in results:
            if not isinstance(result, PlanError) and week > len(result.weeks):
                count = len(result.weeks)
                have = "1 week" if count == 1 else f"{count} weeks (1-{count})"
                print(
                    f"planner check: error: --week {week} is out of range: {name} has {have}",
                    file=sys.stderr,
                )
                return EXIT_USAGE
    return _report(results, output, Severity(fail_on), week)


def _report(
    results: Sequence[tuple[str, PlanReport | PlanError]],
    output: str,
    fail_on: Severity,
    week: int | None,
) -> int:
    """Print the results of `check` in `output` format; returns the exit status."""
    from planner.check_output import fails, invalid_to_json, report_to_json, report_to_text
    from planner.planfile import PlanError

    status = EXIT_OK
    entries: list[dict[str, object]] = []
    blocks: list[str] = []
    for name, result in results:
        if isinstance(result, PlanError):
            status = EXIT_INVALID
            if output == "json":
                entries.append(invalid_to_json(name, result))
            else:
                print(str(result), file=sys.stderr)
            continue
        if status != EXIT_INVALID and fails(result, fail_on, week):
            status = EXIT_FINDINGS
        if output == "json":
            entries.append(report_to_json(name, result, week))
        else:
            blocks.append(report_to_text(name, result, week))
    if output == "json":
        import json

        print(json.dumps(entries, indent=2, ensure_ascii=False))
    elif blocks:
        print("\n\n".join(blocks))
    return status


def export(path: Path, to: str, output: Path | None, week: int | None = None) -> int:
    """Export a plan (or its week `week`) to standard output or a file, never over the
    plan or its backup."""
    from planner.export import ExportError, export_to_file, render
    from planner.export.week import WeekOutOfRange, check_week
    from planner.planfile import PlanError, SaveError, read_plan

    try:
        plan = read_plan(path)
    except PlanError as error:
        print(str(error), file=sys.stderr)
        return EXIT_INVALID
    if week is not None:
        try:
            check_week(plan, week)
        except WeekOutOfRange as error:
            print(
                f"planner export: error: --week {week}: {_shown_path(path)}: {error}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    if output is None:
        sys.stdout.write(render(plan, to, week=week))
        sys.stdout.flush()
        return EXIT_OK
    try:
        export_to_file(plan, to, output, plan_path=path, overwrite=True, week=week)
    except (ExportError, SaveError) as error:
        print(f"planner: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote {_shown_path(output)}", file=sys.stderr)
    return EXIT_OK


def _shown_path(path: Path) -> str:
    """A path as it may be echoed on a terminal (control characters escaped)."""
    from planner.planfile import escaped

    return escaped(str(path))


def log(path: Path, csv_path: Path, *, dry_run: bool = False) -> int:
    """Record the workouts of a Strong or Hevy CSV export in a plan (cli.md)."""
    from planner.editor import PlanEditor
    from planner.logbook import NoStartDate, describe, match_workouts, shown
    from planner.planfile import PlanDocument, PlanError, SaveError
    from planner.workouts import WorkoutLogError, read_workouts

    try:
        document = PlanDocument.load(path)
    except PlanError as error:
        print(str(error), file=sys.stderr)
        return EXIT_INVALID
    csv_name = shown(str(csv_path))
    try:
        text = csv_path.read_bytes().decode("utf-8")
    except OSError as error:
        print(f"{csv_name}: cannot read: {error.strerror or error}", file=sys.stderr)
        return EXIT_INVALID
    except UnicodeDecodeError as error:
        print(
            f"{csv_name}: not UTF-8 text (byte 0x{error.object[error.start]:02x})", file=sys.stderr
        )
        return EXIT_INVALID
    try:
        workouts = read_workouts(text, str(csv_path))
        result = match_workouts(document.plan, workouts)
    except WorkoutLogError as error:
        print(str(error), file=sys.stderr)
        return EXIT_INVALID
    except NoStartDate as error:
        print(f"{shown(str(path))}: {error}", file=sys.stderr)
        return EXIT_INVALID
    for line in describe(document.plan, result):
        print(line)
    if dry_run:
        print(f"dry run: nothing written to {shown(str(path))}")
        return EXIT_OK
    if not result.changes:
        print(f"nothing new to log: {shown(str(path))} left as it is")
        return EXIT_OK
    editor = PlanEditor(document, saved=True)
    try:
        for edit in result.edits():
            editor.apply(edit)
        editor.save()
    except PlanError as error:
        print(str(error), file=sys.stderr)
        return EXIT_INVALID
    except SaveError as error:
        print(f"planner: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote {shown(str(path))}")
    return EXIT_OK


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
    """List the bundled templates with their key numbers.

    HEAVY, EASY DAYS and WEEKLY LOAD are per week: a template's one week, or the mean
    of its weeks (one decimal at most), so a block compares with a single week.
    """
    from planner.catalogue import format_number
    from planner.planfile import PlanError, read_plan
    from planner.rules.engine import evaluate
    from planner.templates import list_templates

    rows = [("NAME", "TITLE", "WEEKS", "HEAVY", "EASY DAYS", "WEEKLY LOAD")]
    for template in list_templates():
        try:
            report = evaluate(read_plan(template.path))
        except PlanError as error:  # a broken bundled template is a bug; say so plainly
            print(str(error), file=sys.stderr)
            continue
        weeks = [week.metrics for week in report.weeks]

        def mean(values: list[int]) -> str:
            return format_number(round(sum(values) / len(values), 1))

        rows.append(
            (
                template.name,
                template.title,
                str(len(weeks)),
                mean([metrics.heavy_sessions for metrics in weeks]),
                mean([metrics.easy_days for metrics in weeks]),
                mean([metrics.weekly_load for metrics in weeks]),
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
