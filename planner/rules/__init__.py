"""The rules engine: pure functions of a plan that return findings."""
