"""The few HTML pieces a report is made of, in the subset QTextDocument lays out and prints.

Tables have a header row (``<thead>``: QTextDocument repeats it on every page a table runs onto),
black rules and a grey header that prints the same in black and white. Nothing means anything by
colour alone: a target missed is written and marked (``✗``), not painted red. Every text is escaped
here; a :class:`Raw` string is HTML already made by these functions.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence


class Raw(str):
    """HTML made by this module: inserted as it is, not escaped again."""


Cell = str | Raw

#: Rules, spacing and fonts; kept plain so the document prints the same on any printer.
STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans', sans-serif; font-size: 9pt; color: #000; }
h1 { font-size: 15pt; font-weight: bold; margin-top: 0; margin-bottom: 2pt; }
h2 { font-size: 11.5pt; font-weight: bold; margin-top: 12pt; margin-bottom: 4pt; }
h3 { font-size: 10pt; font-weight: bold; margin-top: 8pt; margin-bottom: 3pt; }
p { margin-top: 0; margin-bottom: 4pt; }
p.period { font-size: 10.5pt; margin-bottom: 8pt; }
p.none { font-style: italic; }
p.note { font-size: 8pt; }
table.grid { border-collapse: collapse; border-color: #000; border-style: solid; margin-bottom: 4pt; }
p.gap { font-size: 5pt; margin: 0; }
table.grid th { background-color: #d9d9d9; font-weight: bold; }
table.grid th.caption { background-color: #ffffff; font-size: 11pt; padding-top: 4pt; }
td.name { font-weight: bold; }
td.missed { font-weight: bold; }
td.wrap { white-space: pre-wrap; }
pre.text { font-family: 'DejaVu Sans', sans-serif; white-space: pre-wrap; }
"""


#: QTextDocument ignores a table's margins: a small empty paragraph keeps tables apart.
_GAP = '<p class="gap">&#160;</p>'
_OPEN_TABLE = _GAP + '<table class="grid" border="1" cellspacing="0" cellpadding="3" width="100%">'


def esc(value: object) -> str:
    if isinstance(value, Raw):
        return str(value)
    return html.escape(str(value), quote=True)


def document(title: str, body: Iterable[str]) -> str:
    """A whole report; ``title`` becomes the document's title (the PDF's, and each page's footer)."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>" + "".join(body) + "</body></html>"
    )


def heading(text: str, level: int = 2, new_page: bool = False) -> Raw:
    """A heading; ``new_page``: a part of its own (the handover's figures) begins a page."""
    if new_page:
        return Raw(f'<h{level} style="page-break-before: always">{esc(text)}</h{level}>')
    gap = _GAP if level > 1 else ""
    return Raw(f"{gap}<h{level}>{esc(text)}</h{level}>")


def paragraph(text: Cell, css_class: str = "") -> Raw:
    attribute = f' class="{css_class}"' if css_class else ""
    return Raw(f"<p{attribute}>{esc(text)}</p>")


def bold(text: Cell) -> Raw:
    return Raw(f"<b>{esc(text)}</b>")


def lines(texts: Iterable[Cell]) -> Raw:
    """Several lines in one cell."""
    return Raw("<br/>".join(esc(t) for t in texts))


def preformatted(text: str) -> Raw:
    """Free text as typed: its line breaks kept, nothing in it read as HTML."""
    return Raw(f'<pre class="text">{esc(text)}</pre>')


def _caption(caption: str, columns: int) -> str:
    """A table's title as its first header row: it stays with the table and repeats on each page."""
    return f'<tr><th class="caption" colspan="{columns}" align="left">{esc(caption)}</th></tr>'


def table(
    caption: str,
    headers: Sequence[Cell],
    rows: Iterable[Sequence[Cell]],
    numeric: Iterable[int] = (),
    widths: Sequence[int] | None = None,
    missed: Iterable[tuple[int, int]] = (),
) -> Raw:
    """A ruled table under its caption. ``numeric``: column indexes aligned right; ``widths``: column
    percentages; ``missed``: (row, column) cells printed bold (a target not met; the text says so too)."""
    right = set(numeric)
    strong = set(missed)
    parts = [_OPEN_TABLE, "<thead>"]
    if caption:
        parts.append(_caption(caption, len(headers)))
    parts.append("<tr>")
    for index, header in enumerate(headers):
        align = "right" if index in right else "left"
        width = f' width="{widths[index]}%"' if widths else ""
        parts.append(f'<th align="{align}"{width}>{esc(header)}</th>')
    parts.append("</tr></thead><tbody>")
    for row_index, row in enumerate(rows):
        parts.append("<tr>")
        for index, cell in enumerate(row):
            align = ' align="right"' if index in right else ""
            bold_cell = ' class="missed"' if (row_index, index) in strong else ""
            parts.append(f"<td{align}{bold_cell}>{esc(cell)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return Raw("".join(parts))


def facts(caption: str, pairs: Iterable[tuple[Cell, Cell]], widths: tuple[int, int] = (35, 65)) -> Raw:
    """A two-column table of names and values under its caption."""
    parts = [_OPEN_TABLE]
    if caption:
        parts.append(f"<thead>{_caption(caption, 2)}</thead>")
    parts.append("<tbody>")
    for name, value in pairs:
        parts.append(
            f'<tr><td class="name" width="{widths[0]}%">{esc(name)}</td>'
            f'<td width="{widths[1]}%">{esc(value)}</td></tr>'
        )
    parts.append("</tbody></table>")
    return Raw("".join(parts))


def boxed(caption: str, content: Cell) -> Raw:
    """One cell of text under a caption row, like a table: the caption never ends a page alone."""
    head = f"<thead>{_caption(caption, 1)}</thead>"
    return Raw(f"{_OPEN_TABLE}{head}<tbody><tr><td>{esc(content)}</td></tr></tbody></table>")


def nothing(caption: str, text: str) -> Raw:
    """A section with nothing to list: its caption and the sentence that says so, in italics."""
    return boxed(caption, paragraph(text, "none"))


def bar(share: float | None) -> Raw:
    """A bar for a share from 0 to 1 across its cell, drawn as a filled table cell: black on white,
    so it prints; the number beside it says the same."""
    if share is None:
        return Raw("")
    filled = max(0, min(100, round(share * 100)))
    if filled == 0:
        return Raw("")
    rest = f'<td width="{100 - filled}%"></td>' if filled < 100 else ""
    return Raw(
        '<table width="100%" cellspacing="0" cellpadding="0" border="0"><tr>'
        f'<td width="{filled}%" bgcolor="#404040">&#160;</td>{rest}</tr></table>'
    )
