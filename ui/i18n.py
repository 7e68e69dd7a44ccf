"""Languages: Indonesian and English, from Qt Linguist files in resources/translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from dispatch.resources import resource_path

LANGUAGES = ("id", "en")


def default_language() -> str:
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "id"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator:
    """Load ``dispatch_<lang>.qm``; the source strings are English, but English has its file too."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    translator = QTranslator(app)
    path = resource_path("translations", f"dispatch_{lang}.qm")
    if not translator.load(str(path)):
        raise FileNotFoundError(f"translation file missing: {path}")
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English))
    return translator


def standard_button_words() -> list[str]:
    """Qt's own words on dialog buttons (OK, Cancel, Close, Save...), in the language installed.

    Qt asks for them under its theme's context: ``QPlatformTheme``, or ``QGnomeTheme`` on GNOME, Xfce
    and other GTK desktops. Qt ships no Indonesian for them, so the Indonesian console showed
    "Cancel" and "Close" beside Indonesian fields; they are listed here, where lupdate finds them,
    and translated in the console's own catalogue.
    """
    translate = QCoreApplication.translate
    return [
        translate("QPlatformTheme", "OK"),
        translate("QPlatformTheme", "Save"),
        translate("QPlatformTheme", "&Yes"),
        translate("QPlatformTheme", "&No"),
        translate("QPlatformTheme", "Close"),
        translate("QPlatformTheme", "Cancel"),
        translate("QPlatformTheme", "Discard"),
        translate("QPlatformTheme", "Help"),
        translate("QPlatformTheme", "Apply"),
        translate("QPlatformTheme", "Reset"),
        translate("QPlatformTheme", "Restore Defaults"),
        translate("QGnomeTheme", "&OK"),
        translate("QGnomeTheme", "&Save"),
        translate("QGnomeTheme", "&Cancel"),
        translate("QGnomeTheme", "&Close"),
        translate("QGnomeTheme", "Close without Saving"),
    ]
