"""Distances in words, one way everywhere (the form, the dispatch panel, the map): ``12 m``, ``350 m``,
``1.2 km`` (``1,2 km`` in Indonesian, by the locale's decimal mark), ``2 km``, ``12 km``: as precise as
is useful, never more precise than a straight line on the globe can be."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

translate = QCoreApplication.translate


def distance_words(metres: float) -> str:
    locale = QLocale()
    if metres < 100:
        return translate("Distances", "%1 m").replace("%1", locale.toString(round(metres)))
    if metres < 999.5:
        return translate("Distances", "%1 m").replace("%1", locale.toString(int(round(metres, -1))))
    km = metres / 1000
    # Whole kilometres (a scale bar's 2 km) and anything from 10 km on need no tenths.
    digits = 0 if km >= 9.95 or abs(km - round(km)) < 0.05 else 1
    return translate("Distances", "%1 km").replace("%1", locale.toString(km, "f", digits))
