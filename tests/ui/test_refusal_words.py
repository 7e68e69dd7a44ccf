"""The database refusal says its details in the user's language: real files refused by the real store."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from dispatch.store.database import DatabaseRefused, RefusalReason, open_database, sqlite_url
from ui.dialogs.refusal import detail_text, refusal_text
from ui.i18n import install_translator


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "id")
    yield
    qapp.removeTranslator(translator)


def _text_file(folder: Path) -> Path:
    path = folder / "catatan.sqlite3"
    path.write_text("bukan basis data\n" * 100)
    return path


def _folder(folder: Path) -> Path:
    path = folder / "folder.sqlite3"
    path.mkdir()
    return path


def _short_file(folder: Path) -> Path:
    path = folder / "pendek.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 50)
    connection.close()
    path.write_bytes(path.read_bytes()[: 4096 + 100])  # the header still counts every page
    return path


def _foreign_file(folder: Path) -> Path:
    path = folder / "lain.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE pelanggan (nama)")
    connection.close()
    return path


FILES: dict[str, tuple[Callable[[Path], Path], RefusalReason, str]] = {
    "text file": (
        _text_file,
        RefusalReason.NOT_A_DATABASE,
        "Awal berkas ini bukan awal berkas basis data SQLite.",
    ),
    "folder": (_folder, RefusalReason.NOT_A_DATABASE, "Ini folder, bukan berkas."),
    "cut short": (_short_file, RefusalReason.CORRUPT, "sebagian isinya hilang"),
    "another program's": (_foreign_file, RefusalReason.FOREIGN, "Tabel yang ditemukan: pelanggan."),
}


@pytest.mark.parametrize("case", sorted(FILES))
def test_refused_files_are_explained_in_indonesian(tmp_path: Path, indonesian: None, case: str) -> None:
    make, reason, words = FILES[case]
    path = make(tmp_path)
    with pytest.raises(DatabaseRefused) as refused:
        open_database(sqlite_url(path))
    assert refused.value.reason is reason
    text = refusal_text(refused.value)
    assert words in text
    assert refused.value.detail not in text or refused.value.detail in words  # no English from the log
    assert str(path) in text
    assert "Konsol tidak mengubah berkas ini." in text


def test_english_details_are_sentences_too(tmp_path: Path, qapp: QApplication) -> None:
    translator = install_translator(qapp, "en")
    try:
        with pytest.raises(DatabaseRefused) as refused:
            open_database(sqlite_url(_folder(tmp_path)))
        assert detail_text(refused.value) == "It is a folder, not a file."
    finally:
        qapp.removeTranslator(translator)


def test_values_are_kept_and_a_system_message_is_named_as_such(indonesian: None) -> None:
    def detail(reason: RefusalReason, text: str) -> str:
        return detail_text(DatabaseRefused(reason, "/srv/112/pusat.sqlite3", text))

    assert detail(RefusalReason.CORRUPT, "impossible page size 3000") == (
        "Halaman pertamanya menyebut ukuran halaman yang mustahil (3000)."
    )
    assert detail(RefusalReason.NEWER, "0099") == "Versi basis data: 0099."
    assert detail(RefusalReason.FOREIGN, "revision 0003 but tables differ: a, b") == (
        "Versi 0003, tetapi tabelnya berbeda: a, b."
    )
    # The driver's own words cannot be translated; they are named as the system's, for the installer,
    # and a value holding "%2" is shown as it is.
    assert detail(RefusalReason.UNREACHABLE, "unable to open database file %2") == (
        "Pesan sistem, untuk teknisi pemasang: unable to open database file %2"
    )
    assert detail(RefusalReason.UPGRADE_FAILED, "left at revision 0004: disk I/O error %2") == (
        "Tertinggal di versi 0004. Pesan sistem: disk I/O error %2"
    )
