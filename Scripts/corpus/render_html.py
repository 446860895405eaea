"""HTML renderers: a published article page with real <table>s (colspan/rowspan for the merged
label cells, &nbsp; for blank cells), and a Word-exported "span soup" flavour. Returns str; the
generator encodes it (UTF-8, GBK, GB2312 ...) and the page declares the charset it is given."""

import html
import random

from . import identities as ids
from .render_text import ad_blocks, heading_text, result_groups
from .synth import APP_COL_LABELS, APP_CORNER, RL_COL_LABELS

ESC = lambda s: html.escape(s, quote=False)


class Cells:
    """Cell-content writer: plain or Word span soup."""

    def __init__(self, rng, word):
        self.rng = rng
        self.word = word

    def runs(self, text, digits_split=True, chunk=(1, 6)):
        if not self.word:
            return ESC(text)
        rng = self.rng
        if text == "":
            return "<span lang=EN-US>&nbsp;<o:p></o:p></span>"
        if text.isdigit() and digits_split and len(text) > 1:
            parts = list(text)
        else:
            parts, i = [], 0
            while i < len(text):
                n = rng.randint(*chunk)
                parts.append(text[i:i + n])
                i += n
        out = []
        for part in parts:
            if part.isascii():
                out.append("<span lang=EN-US>%s</span>" % ESC(part))
            elif rng.random() < 0.3:
                out.append("<font face=宋体>%s</font>" % ESC(part))
            else:
                out.append("<span\nstyle='font-family:宋体'>%s</span>" % ESC(part))
        return "".join(out) + "<o:p></o:p>"

    def td(self, text, colspan=1, rowspan=1, align="center", vertical=False):
        attrs = ""
        if colspan > 1:
            attrs += ' colspan="%d"' % colspan if not self.word else " colspan=%d" % colspan
        if rowspan > 1:
            attrs += ' rowspan="%d"' % rowspan if not self.word else " rowspan=%d" % rowspan
        if self.word:
            w = self.rng.choice([41, 48, 57, 64, 75])
            attrs += " width=%d style='width:%.1fpt;border:solid windowtext 1.0pt'" % (w, w * 0.75)
            body = self.runs(text.replace("\n", ""))
            if vertical:
                body = "<br>\n".join(self.runs(ch) for ch in text)
            return "<td%s>\n<p class=MsoNormal align=%s>%s</p></td>" % (attrs, align, body)
        if text == "":
            body = "&nbsp;"
        elif vertical:
            body = "<br />".join(ESC(ch) for ch in text)
        elif "\n" in text:
            body = "<br />".join(ESC(x) for x in text.split("\n"))
        else:
            body = ESC(text)
        return '<td%s><p align="%s">%s</p></td>' % (attrs, align, body)


def render_html(r):
    st = r.style
    rng = random.Random(r.seed * 13 + 5)
    word = st.get("word", False)
    cells = Cells(rng, word)
    charset = st.get("charset", "utf-8")
    out = []
    if word:
        out.append('<html xmlns:v="urn:schemas-microsoft-com:vml"\nxmlns:o="urn:schemas-microsoft-com:office:office"\n'
                   'xmlns:w="urn:schemas-microsoft-com:office:word"\nxmlns="http://www.w3.org/TR/REC-html40">\n<head>')
        out.append('<meta http-equiv=Content-Type content="text/html; charset=%s">' % charset)
        out.append('<meta name=Generator content="Microsoft Word 15 (filtered)">')
        out.append("<title>%s</title>\n<style>\n<!--\n p.MsoNormal, li.MsoNormal {margin:0cm;text-align:justify;"
                   "font-size:10.5pt;font-family:\"Calibri\",sans-serif;}\n-->\n</style>\n</head>\n"
                   "<body lang=ZH-CN style='text-justify-trim:punctuation'>\n<div class=WordSection1>" % ESC(r.title))
    else:
        if st.get("meta_style") == "http-equiv":
            out.append('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                       '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')
            out.append('<html><head><meta http-equiv="Content-Type" content="text/html; charset=%s" />' % charset)
        else:
            out.append("<!DOCTYPE html>")
            out.append('<html><head><meta charset="%s">' % charset)
        out.append("<title>%s</title></head><body>" % ESC(r.title))
        out.append('<div class="header"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>')
        out.append('<div class="article">')

    def para(text, center=False, bold=False):
        if word:
            body = cells.runs(text, digits_split=False, chunk=(6, 40))
            style = "text-align:center" if center else "text-indent:32.0pt"
            if bold:
                body = "<b>%s</b>" % body
            out.append("<p class=MsoNormal style='%s;line-height:28.0pt'>%s</p>" % (style, body))
        else:
            t = ESC(text)
            if bold:
                t = "<strong>%s</strong>" % t
            style = "text-align: center;" if center else "text-indent: 2em;"
            out.append('<p style="%s">%s</p>' % (style, t))

    for t in r.title_lines if word else [r.title]:
        para(t, center=True, bold=True)
    if not word:
        out.append('<p style="text-align: center">发布日期：%d-01-%02d　来源：%s</p>' % (r.year + 1, rng.randint(10, 31), ESC(r.agency)))
    para(r.preface)
    for i, sec in enumerate(r.sections):
        h = heading_text(r, sec.heading)
        if h is not None:
            para(h, bold=True)
        for x in sec.paragraphs:
            para(x)
        for marker, head, text in sec.subsections:
            if rng.random() < 0.5:
                para(marker + head, bold=True)
                para(text)
            else:
                para(marker + head + text)
        if i == 1:
            out.append(html_table2(r, cells))
        elif i == 2:
            out.append(html_table3(r, cells))
        elif i == 3:
            out.append(html_table4(r, cells))
    if word:
        out.append("</div>\n</body>\n</html>")
    else:
        out.append("</div></body></html>")
    return "\n".join(out) + "\n"


def table_open(cells):
    if cells.word:
        return ("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0\n"
                " style='border-collapse:collapse;border:none'>")
    return '<table align="center" border="1" cellspacing="0" cellpadding="0" style="border-collapse: collapse;">'


def tr(tds):
    return "<tr>" + "".join(tds) + "</tr>"


def html_table2(r, cells):
    """Table 二 on a 5-column grid. With style 'ad_colspan_mismatch' the header rows and data
    rows split the grid differently (as on shanghai.gov.cn): header 1+1+2+1, data 1+2+1+1."""
    mismatch = r.style.get("ad_colspan_mismatch")
    rows = [table_open(cells), "<tbody>"]
    for title, header, data in ad_blocks(r):
        rows.append(tr([cells.td(title, colspan=5)]))
        n = len(header) - 1
        if n == 3:
            hs = [1, 1, 2, 1]
            ds = [1, 2, 1, 1] if mismatch and header[1] == "上一年项目数量" else [1, 1, 2, 1]
        elif n == 2:
            hs = [1, 2, 2]
            ds = [1, 2, 2]
        else:
            hs = [1, 4]
            ds = [1, 4]
        if r.style.get("br_headers"):
            header = [h.replace("本年新", "本年新\n") for h in header]
        rows.append(tr([cells.td(h, colspan=s) for h, s in zip(header, hs)]))
        for label, vals in data:
            rows.append(tr([cells.td(label, align="left")] + [cells.td(v, colspan=s) for v, s in zip(vals, ds[1:])]))
    rows.append("</tbody></table>")
    return "\n".join(rows)


def html_table3(r, cells):
    st = r.style
    vals = lambda row: [cells.td(r.text["applications.%s.%s" % (row, c)]) for c in ids.APP_COLUMNS]
    rows = [table_open(cells), "<tbody>"]
    rows.append(tr([cells.td(APP_CORNER, colspan=3, rowspan=3), cells.td("申请人情况", colspan=7)]))
    rows.append(tr([cells.td("自然人", rowspan=2), cells.td("法人或其他组织", colspan=5), cells.td("总计", rowspan=2)]))
    rows.append(tr([cells.td(l) for l in APP_COL_LABELS[1:6]]))
    for row in ("new_received", "carried_over"):
        rows.append(tr([cells.td(r.labels[row], colspan=3, align="left")] + vals(row)))
    groups = result_groups(r)
    n_result = sum(len(g[1]) for g in groups)
    first = True
    for g, keys in groups:
        for j, row in enumerate(keys):
            tds = []
            if first:
                tds.append(cells.td("三、本年度办理结果", rowspan=n_result, vertical=st.get("vertical_result_label", False)))
                first = False
            if g is None:
                tds.append(cells.td(r.labels[row], colspan=2, align="left"))
            else:
                if j == 0:
                    tds.append(cells.td(r.group_labels[g], rowspan=len(keys)))
                tds.append(cells.td(r.labels[row], align="left"))
            rows.append(tr(tds + vals(row)))
    rows.append(tr([cells.td(r.labels["carried_forward"], colspan=3, align="left")] + vals("carried_forward")))
    rows.append("</tbody></table>")
    return "\n".join(rows)


def html_table4(r, cells):
    vert = r.style.get("rl_vertical", False)
    rows = [table_open(cells), "<tbody>"]
    rows.append(tr([cells.td("行政复议", colspan=5), cells.td("行政诉讼", colspan=10)]))
    rows.append(tr([cells.td(l, rowspan=2, vertical=vert) for l in RL_COL_LABELS]
                   + [cells.td("未经复议直接起诉", colspan=5), cells.td("复议后起诉", colspan=5)]))
    rows.append(tr([cells.td(l, vertical=vert) for l in RL_COL_LABELS * 2]))
    rows.append(tr([cells.td(r.text["review_litigation.%s.%s" % (b, c)]) for b in ids.RL_BLOCKS for c in ids.RL_COLUMNS]))
    rows.append("</tbody></table>")
    return "\n".join(rows)
