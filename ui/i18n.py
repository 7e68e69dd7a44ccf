"""Languages: Indonesian and English, from Qt Linguist files in resources/translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from dispatch.resources import resource_path

LANGUAGES = ("id", "en")


def default_language() -> str:
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "id"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator:
    """Load ``dispatch_<lang>.qm``; the source strings are English, but English has its file too.

    Indonesian's file also holds Qt's own words (see :func:`standard_button_words`), so removing the
    one translator returned puts Qt back in English as well.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    translator = QTranslator(app)
    path = resource_path("translations", f"dispatch_{lang}.qm")
    if not translator.load(str(path)):
        raise FileNotFoundError(f"translation file missing: {path}")
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English))
    return translator


#: Qt's own words on standard buttons, as Qt asks for them: under its theme's context,
#: ``QPlatformTheme``, or ``QGnomeTheme`` on GNOME, Xfce and other GTK desktops.
QT_BUTTON_WORDS = (
    *(
        ("QPlatformTheme", word)
        for word in (
            "OK",
            "Save",
            "Save All",
            "Open",
            "&Yes",
            "Yes to &All",
            "&No",
            "N&o to All",
            "Abort",
            "Retry",
            "Ignore",
            "Close",
            "Cancel",
            "Discard",
            "Help",
            "Apply",
            "Reset",
            "Restore Defaults",
        )
    ),
    *(("QGnomeTheme", word) for word in ("&OK", "&Save", "&Cancel", "&Close", "Close without Saving")),
)


def standard_button_words() -> list[str]:
    """Qt's own words on dialog buttons (OK, Cancel, Close, Save...), in the language installed.

    Qt ships no Indonesian for them (nor for its message and input dialogs, context menus, scroll
    bars, docks and file dialog), so the Indonesian console showed "Cancel" and "Close" beside
    Indonesian fields. Their Indonesian is ``resources/translations/qtbase_id.ts``, written by hand
    and compiled into ``dispatch_id.qm`` with the console's own words (scripts/update_translations.py),
    so the one translator :func:`install_translator` installs speaks for Qt too.
    """
    translate = QCoreApplication.translate
    return [translate(context, word) for context, word in QT_BUTTON_WORDS]
