"""The bundled templates: each loads, teaches what it says, and comes out at its risk;
and `planner.templates` finds them by name in a checkout or a wheel layout."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from planner import templates as templates_module
from planner.findings import Risk, Severity
from planner.model import DAY_KEYS, Activity, Kind, Plan
from planner.planfile import PlanDocument, read_plan
from planner.rules.engine import evaluate
from planner.templates import (
    DEFAULT_TEMPLATE,
    Template,
    TemplateNotFound,
    find_template,
    list_templates,
    template_text,
    templates_dir,
)

PLANS = Path(__file__).resolve().parents[2] / "plans"

#: Every template and the overload risk it was designed to have.
EXPECTED_RISK: dict[str, Risk] = {
    "beginner-full-body": Risk.low,
    "deload-week": Risk.low,
    "hybrid-strength-endurance": Risk.low,
    "overloaded-week": Risk.high,
    "push-pull-legs": Risk.low,
    "runner-10k-base": Risk.low,
    "upper-lower-4": Risk.low,
}


def load(name: str) -> Plan:
    with (PLANS / f"{name}.toml").open("rb") as file:
        return Plan.model_validate(tomllib.load(file))


def raw(name: str) -> dict[str, Any]:
    with (PLANS / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def rules_fired(plan: Plan) -> dict[str, set[Severity]]:
    fired: dict[str, set[Severity]] = {}
    for finding in evaluate(plan).findings:
        fired.setdefault(finding.rule, set()).add(finding.severity)
    return fired


# --- the template files ----------------------------------------------------------------


def test_the_plans_directory_holds_exactly_the_expected_templates() -> None:
    assert sorted(path.stem for path in PLANS.glob("*.toml")) == sorted(EXPECTED_RISK)


@pytest.mark.parametrize("name", sorted(EXPECTED_RISK))
def test_template_is_a_valid_plan(name: str) -> None:
    plan = load(name)
    # The same through the file loader the CLI uses, with its own checks (size, encoding).
    assert read_plan(PLANS / f"{name}.toml") == plan


@pytest.mark.parametrize("name", sorted(EXPECTED_RISK))
def test_template_has_its_designed_risk(name: str) -> None:
    assert evaluate(load(name)).risk is EXPECTED_RISK[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_RISK))
def test_template_is_a_complete_example_of_the_format(name: str) -> None:
    data = raw(name)
    plan = load(name)
    assert set(data["plan"]) >= {"name", "description", "level", "week_start", "body_mass_kg"}
    assert plan.plan.week_start is not None
    assert plan.plan.week_start.isoformat() == "2026-11-30"
    assert set(data["defaults"]) == {"sleep_hours", "bedtime", "protein_meals"}
    # Every day is written out and carries a note; templates plan all three day values.
    assert set(data["days"]) == set(DAY_KEYS)
    for key in DAY_KEYS:
        assert plan.day(key).note.strip(), key
        assert plan.sleep_hours(key) is not None, key
        assert plan.bedtime(key) is not None, key
        assert plan.protein_meals(key) is not None, key
    for _key, _index, session in plan.sessions():
        assert session.start is not None, session.title
        assert session.rpe is not None, session.title
    sessions = [session for day in data["days"].values() for session in day.get("sessions", [])]
    assert sessions
    for session in sessions:
        assert {"title", "kind", "activity", "minutes", "rpe", "start"} <= set(session)


@pytest.mark.parametrize("name", sorted(EXPECTED_RISK))
def test_template_is_commented(name: str) -> None:
    text = (PLANS / f"{name}.toml").read_text(encoding="utf-8")
    comment_lines = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comment_lines) >= 5
    assert text.startswith("# ")


@pytest.mark.parametrize("name", sorted(EXPECTED_RISK))
def test_template_survives_the_editing_round_trip_unchanged(name: str) -> None:
    text = (PLANS / f"{name}.toml").read_text(encoding="utf-8")
    document = PlanDocument.from_text(text, source=name)
    assert document.text() == text
    assert document.revalidate() == load(name)


def test_only_the_overloaded_template_raises_the_risk() -> None:
    for name in EXPECTED_RISK:
        if name != "overloaded-week":
            assert evaluate(load(name)).risk_findings == (), name


def test_the_default_template_has_at_most_info_findings() -> None:
    report = evaluate(load(DEFAULT_TEMPLATE))
    assert report.risk is Risk.low
    assert all(finding.severity is Severity.info for finding in report.findings)
    plan = load(DEFAULT_TEMPLATE)
    assert plan.plan.level.value == "beginner"
    heavy_days = [
        key
        for key, day in plan.days.items()
        if any(session.kind is Kind.heavy for session in day.sessions)
    ]
    assert heavy_days == ["mon", "wed", "fri"]
    assert report.metrics.heavy_sessions == 3
    assert report.metrics.easy_days >= 3


def test_the_overloaded_template_makes_every_mistake_its_comments_name() -> None:
    fired = rules_fired(load("overloaded-week"))
    for rule in (
        "back-to-back-heavy",
        "heavy-streak",
        "no-active-recovery",
        "short-sleep",
        "irregular-bedtime",
        "late-hard-session",
        "muscle-recovery",
        "heavy-count",
        "too-few-easy-days",
        "session-spike",
        "load-change",
        "acwr",
        "monotony",
        "protein-spread",
        "glycogen-refill",
    ):
        assert rule in fired, rule
    assert Severity.critical in fired["heavy-streak"]
    text = (PLANS / "overloaded-week.toml").read_text(encoding="utf-8")
    assert text.count("MISTAKE") >= 10


def test_the_deload_week_is_well_below_its_history_and_says_so_as_info() -> None:
    plan = load("deload-week")
    report = evaluate(plan)
    assert report.metrics.heavy_sessions == 0
    assert report.metrics.acwr is not None
    assert report.metrics.acwr < 0.6
    acwr = [finding for finding in report.findings if finding.rule == "acwr"]
    assert [finding.severity for finding in acwr] == [Severity.info]


def test_the_runner_template_grows_the_long_run_within_the_spike_limit() -> None:
    plan = load("runner-10k-base")
    assert plan.history.longest_session_min
    assert len(plan.history.weekly_loads) >= 4
    report = evaluate(plan)
    assert "session-spike" not in rules_fired(plan)
    assert report.metrics.load_change_pct is not None
    assert 0 < report.metrics.load_change_pct <= 10
    longest_run = max(s.minutes for _, _, s in plan.sessions() if s.activity is Activity.run)
    recent = plan.history.longest_session_min[Activity.run]
    assert recent < longest_run <= 1.1 * recent  # it grows, within the limit
    # Lengthen the long run past 110 % of the longest recent run and the rule fires.
    data = raw("runner-10k-base")
    data["days"]["sat"]["sessions"][0]["minutes"] = 100
    assert "session-spike" in rules_fired(Plan.model_validate(data))


def test_the_hybrid_template_shows_a_rules_override_that_matters() -> None:
    data = raw("hybrid-strength-endurance")
    assert data["rules"] == {"muscle_recovery_hours": 72}
    assert "muscle-recovery" not in rules_fired(Plan.model_validate(data))
    # As its comment says: intervals on Wednesday leave the legs only 48 h, under 72 h...
    moved = raw("hybrid-strength-endurance")
    moved["days"]["wed"]["sessions"] = moved["days"]["thu"].pop("sessions")
    assert Severity.warning in rules_fired(Plan.model_validate(moved))["muscle-recovery"]
    # ...which the default 48 h would have let pass.
    del moved["rules"]
    assert "muscle-recovery" not in rules_fired(Plan.model_validate(moved))


def test_the_push_pull_legs_template_trains_six_days_without_touching_heavy_days() -> None:
    plan = load("push-pull-legs")
    assert plan.plan.level.value == "advanced"
    lifting_days = [
        key
        for key, day in plan.days.items()
        if any(session.activity.value == "strength" for session in day.sessions)
    ]
    assert len(lifting_days) == 6
    fired = rules_fired(plan)
    assert "back-to-back-heavy" not in fired
    assert "muscle-recovery" not in fired


# --- finding templates by name ---------------------------------------------------------


def test_list_templates_names_every_template_sorted_with_its_title() -> None:
    found = list_templates()
    assert [template.name for template in found] == sorted(EXPECTED_RISK)
    for template in found:
        plan = load(template.name)
        assert template.path == PLANS / f"{template.name}.toml"
        assert template.title == plan.plan.name
        assert template.description == plan.plan.description.strip()


def test_the_checkout_templates_dir_is_the_repository_plans() -> None:
    assert templates_dir() == PLANS


def test_the_default_template_exists() -> None:
    assert find_template(DEFAULT_TEMPLATE).name == "beginner-full-body"


def test_find_template_forgives_case_and_the_toml_suffix() -> None:
    assert find_template("upper-lower-4").name == "upper-lower-4"
    assert find_template("Upper-Lower-4.toml").name == "upper-lower-4"
    assert find_template(" deload-week ").name == "deload-week"


def test_an_unknown_name_suggests_the_closest_and_lists_the_known_ones() -> None:
    with pytest.raises(TemplateNotFound) as caught:
        find_template("uper-lower-4")
    error = caught.value
    assert isinstance(error, LookupError)
    assert error.suggestion == "upper-lower-4"
    message = str(error)
    assert 'did you mean "upper-lower-4"?' in message
    for name in EXPECTED_RISK:
        assert name in message


def test_an_unrelated_name_lists_the_known_ones_without_a_guess() -> None:
    with pytest.raises(TemplateNotFound) as caught:
        find_template("marathon")
    assert caught.value.suggestion is None
    assert "did you mean" not in str(caught.value)
    assert "beginner-full-body" in str(caught.value)


def test_a_path_is_not_a_template_name() -> None:
    with pytest.raises(TemplateNotFound):
        find_template("../pyproject")


def test_template_text_is_the_file_with_its_comments() -> None:
    text = template_text("overloaded-week")
    assert text == (PLANS / "overloaded-week.toml").read_text(encoding="utf-8")
    assert "# MISTAKE" in text


# --- the directory, in a wheel and a checkout -------------------------------------------


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wheel_finds_the_templates_inside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "planner"
    write(package / "plans" / "solo.toml", 'format = 1\n[plan]\nname = "Solo"\n')
    write(tmp_path / "site-packages" / "plans" / "stray.toml", "")
    monkeypatch.setattr(templates_module, "_PACKAGE_DIR", package)
    assert templates_dir() == package / "plans"
    assert [template.name for template in list_templates()] == ["solo"]
    assert find_template("solo").title == "Solo"


def test_a_stray_plans_directory_next_to_an_installed_package_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "planner"
    package.mkdir(parents=True)
    write(tmp_path / "site-packages" / "plans" / "stray.toml", "")
    monkeypatch.setattr(templates_module, "_PACKAGE_DIR", package)
    assert templates_dir() is None
    assert list_templates() == []
    with pytest.raises(TemplateNotFound, match="none found"):
        find_template(DEFAULT_TEMPLATE)


def test_a_checkout_finds_the_templates_next_to_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "planner").mkdir()
    write(tmp_path / "pyproject.toml", "")
    write(tmp_path / "plans" / "a.toml", "")
    monkeypatch.setattr(templates_module, "_PACKAGE_DIR", tmp_path / "planner")
    assert templates_dir() == tmp_path / "plans"


def test_an_unreadable_template_is_listed_without_a_title(tmp_path: Path) -> None:
    write(tmp_path / "broken.toml", "format = = 1\n")
    write(tmp_path / "no-plan.toml", "format = 1\n")
    write(tmp_path / "good.toml", '[plan]\nname = "Good"\ndescription = "  Fine.\\n"\n')
    (tmp_path / "notes.txt").write_text("not a template", encoding="utf-8")
    found = list_templates(tmp_path)
    assert found == [
        Template("broken", tmp_path / "broken.toml", "", ""),
        Template("good", tmp_path / "good.toml", "Good", "Fine."),
        Template("no-plan", tmp_path / "no-plan.toml", "", ""),
    ]


def test_the_module_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, planner.templates\n"
        "heavy = [m for m in ('textual', 'tomlkit', 'pydantic', 'icalendar') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    import os

    root = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else "")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == ""
