"""Reports on screen, on paper and in PDF, in the user's language (docs/reports.md).

``render_html(kind, data, language, zone)`` words a report's data (the JSON its module in
dispatch/reports gives) as one HTML document; ``write_pdf`` and ``print_report`` put that same
document on A4 pages.
"""

from ui.reports.document import KINDS, paint_pages, print_report, render_html, write_pdf

__all__ = ["KINDS", "paint_pages", "print_report", "render_html", "write_pdf"]
