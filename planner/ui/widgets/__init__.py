"""The editor's widgets: header, week grid, findings, load chart."""
