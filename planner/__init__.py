"""planner: plan a training week, checked for load spacing and overload risk."""

__version__ = "1.0.0"
