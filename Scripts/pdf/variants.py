"""HTML → print-ready HTML transforms that imitate how WPS/Word exports of the annual reports look
when printed to PDF: A4 pages, 仿宋/宋体-like CJK serif text, ruled or borderless tables, vertical
labels, narrow wrapping label columns, page numbers in the footer, page breaks inside Table 三."""

import re

BASE_CSS = """
@page { size: A4; margin: 22mm 24mm 22mm 26mm;
  @bottom-center { content: %(footer)s; font-family: %(font)s; font-size: 10.5pt; } }
body { font-family: %(font)s; font-size: 15pt; line-height: 1.65; margin: 0; }
p { margin: 0; text-align: justify; }
table { border-collapse: collapse; margin: 6pt auto; width: 100%%; font-size: 10pt; line-height: 1.25; }
td, th { padding: 2pt 3pt; vertical-align: middle; }
td p { text-align: inherit; }
td[rowspan] { vertical-align: top; }
strong, b { font-family: "WenQuanYi Micro Hei", sans-serif; font-weight: normal; }
"""

RULED_CSS = "td, th { border: 0.75pt solid #000; }\ntable { border: 1pt solid #000; }\n"
BORDERLESS_CSS = "td, th { border: none !important; padding: 3pt 6pt; }\ntable { border: none !important; }\n"

FOOTERS = {
    "dash": '"- " counter(page) " -"',
    "emdash": '"— " counter(page) " —"',
    "di": '"第 " counter(page) " 页"',
}


def decode(raw):
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:2000])
    enc = (m.group(1).decode() if m and m.group(1) else "utf-8").lower()
    if enc in ("gb2312", "gbk"):
        enc = "gb18030"
    return raw.decode(enc)


def strip_site_chrome(html):
    html = re.sub(r'<div class="header">.*?</div>', "", html, flags=re.S)
    html = re.sub(r'<meta[^>]*charset[^>]*>', "", html, flags=re.I)
    return html


def cell_style(html, text_pattern, style):
    """Adds `style` to every <td> whose content matches text_pattern (a regex on the cell's inner HTML)."""
    def repl(m):
        attrs, inner = m.group(1), m.group(2)
        if not re.search(text_pattern, re.sub(r"<[^>]+>", "", inner)):
            return m.group(0)
        return '<td%s style="%s">%s</td>' % (re.sub(r'\sstyle="[^"]*"', "", attrs), style, inner)
    return re.sub(r"<td([^>]*)>(.*?)</td>", repl, html, flags=re.S)


def cell_chars_per_line(html, text_pattern):
    """Rewrites matching cells as one character per line (Word's narrow merged cells)."""
    def repl(m):
        attrs, inner = m.group(1), m.group(2)
        text = re.sub(r"<[^>]+>", "", inner).strip()
        if not re.search(text_pattern, text):
            return m.group(0)
        return '<td%s><p align="center">%s</p></td>' % (attrs, "<br>".join(text))
    return re.sub(r"<td([^>]*)>(.*?)</td>", repl, html, flags=re.S)


def break_before_row(html, text_pattern):
    """Forces a page break before the first table row whose text matches text_pattern."""
    rows = list(re.finditer(r"<tr([^>]*)>(.*?)</tr>", html, flags=re.S))
    for m in rows:
        if re.search(text_pattern, re.sub(r"<[^>]+>", "", m.group(2))):
            return html[:m.start()] + '<tr style="break-before: page">' + m.group(2) + "</tr>" + html[m.end():]
    raise ValueError("no row matches " + text_pattern)


def thead_for_table(html, table_index, header_rows):
    """Moves the first header_rows rows of the n-th table into <thead> (Chromium repeats it on each page)."""
    tables = list(re.finditer(r"<table[^>]*>(.*?)</table>", html, flags=re.S))
    t = tables[table_index]
    body = t.group(1)
    rows = list(re.finditer(r"<tr[^>]*>.*?</tr>", body, flags=re.S))
    head = "".join(r.group(0) for r in rows[:header_rows])
    rest = body[rows[header_rows - 1].end():]
    rest = rest.replace("<tbody>", "")
    new = "<thead>%s</thead><tbody>%s" % (head, rest.lstrip())
    new = new.replace("<tbody>\n</tbody>", "")
    start = t.start(1)
    return html[:start] + new.replace("<tbody><tbody>", "<tbody>") + html[t.end(1):]


SANS = '"WenQuanYi Micro Hei", sans-serif'
SERIF = '"AR PL UMing CN", "WenQuanYi Micro Hei", serif'


def print_html(html, footer="dash", ruled=True, extra_css="", font=SANS):
    css = BASE_CSS % {"footer": FOOTERS[footer], "font": font} + (RULED_CSS if ruled else BORDERLESS_CSS) + extra_css
    html = strip_site_chrome(html)
    if not ruled:
        html = re.sub(r'<table([^>]*)\sborder="1"', r"<table\1", html)
    head = '<meta charset="utf-8"><style>%s</style>' % css
    if "<head>" in html:
        return html.replace("<head>", "<head>" + head, 1)
    return head + html
