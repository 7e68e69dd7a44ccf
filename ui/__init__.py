"""Everything a person sees: the main window, panels, item models, dialogs and translations.

Widgets hold frozen snapshots from ``dispatch.services`` and refresh on change notices; they never
open a database session.
"""
