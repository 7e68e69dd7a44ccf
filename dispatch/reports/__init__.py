"""Report content (shift handover, interval reports) as data, for ``ui`` to render and print.

Empty in this release: the handover and shift reports arrive with the shifts-and-reports issue.
The package exists now so that its place in the layers (pyproject.toml) is fixed from the start.
"""
