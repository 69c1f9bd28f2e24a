"""The interactive editor (Textual). Import `planner.ui.app` only when the editor runs."""
