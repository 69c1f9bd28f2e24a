"""Exports of a plan for other tools: iCalendar (`ics`) and Markdown (`markdown`).

TOML and JSON exports come from `planner.planfile` and the model themselves. Import the
submodule you need; this package imports nothing heavy on its own.
"""
