"""Text renderers: tab-separated (like text pulled out of a DOCX/WPS file, see the seed report)
and pdftotext -layout style (runs of spaces, hard-wrapped narrative, page numbers, scattered
headers). Both return a str; encoding is the caller's business."""

import random
import re

from . import identities as ids
from .synth import (APP_COL_LABELS, APP_CORNER, CN_NUM, RL_COL_LABELS, radicalize)

CJK = re.compile(r"[\u4e00-\u9fff]")


def digit_spaces(text):
    """pdftotext/WPS habit: a space between ASCII digit runs and CJK ideographs (2023 年 1 月)."""
    text = re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)", " ", text)
    text = re.sub(r"(?<=\d)(?=[\u4e00-\u9fff])", " ", text)
    return text


def heading_text(r, h):
    if h is None:
        return None
    return radicalize(h) if r.style.get("radicals") else h


def app_values(r, row):
    """Printed cell texts of a Table 三 row, dropped cells left out."""
    out = []
    for c in ids.APP_COLUMNS:
        k = "applications.%s.%s" % (row, c)
        if k in r.dropped:
            continue
        out.append(r.text[k])
    return out


def rl_values(r):
    out = []
    for b in ids.RL_BLOCKS:
        for c in ids.RL_COLUMNS:
            k = "review_litigation.%s.%s" % (b, c)
            if k not in r.dropped:
                out.append(r.text[k])
    return out


def ad(r, key):
    k = "active_disclosure." + key
    return "" if k in r.dropped else r.text[k]


def ad_blocks(r):
    """Table 二 as [(block title, header labels, [(row label, [cell texts])])]."""
    blocks = _ad_blocks(r)
    if r.style.get("radical_labels"):
        blocks = [(radicalize(t), [radicalize(h) for h in hs], [(radicalize(l), c) for l, c in rows])
                  for t, hs, rows in blocks]
    return blocks


def _ad_blocks(r):
    lab = r.ad_labels
    if r.generation == "2021":
        return [
            ("第二十条第（一）项", ["信息内容", "本年制发件数", lab.get("repealed", "本年废止件数"), "现行有效件数"],
             [("规章", [ad(r, "rules.issued"), ad(r, "rules.repealed"), ad(r, "rules.in_force")]),
              ("行政规范性文件", [ad(r, "normative_documents.issued"), ad(r, "normative_documents.repealed"),
                            ad(r, "normative_documents.in_force")])]),
            ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("行政许可", [ad(r, "licensing.decisions")])]),
            ("第二十条第（六）项", ["信息内容", "本年处理决定数量"],
             [("行政处罚", [ad(r, "penalty.decisions")]), ("行政强制", [ad(r, "coercion.decisions")])]),
            ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"],
             [("行政事业性收费", [ad(r, "fees.amount")])]),
        ]
    three = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    return [
        ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
         [("规章", [ad(r, "rules.made"), ad(r, "rules.published"), ad(r, "rules.total_published")]),
          ("规范性文件", [ad(r, "normative_documents.made"), ad(r, "normative_documents.published"),
                     ad(r, "normative_documents.total_published")])]),
        ("第二十条第（五）项", three,
         [("行政许可", [ad(r, "licensing.items_prior"), ad(r, "licensing.change"), ad(r, "licensing.decisions")]),
          ("其他对外管理服务事项", [ad(r, "other_services.items_prior"), ad(r, "other_services.change"),
                          ad(r, "other_services.decisions")])]),
        ("第二十条第（六）项", three,
         [("行政处罚", [ad(r, "penalty.items_prior"), ad(r, "penalty.change"), ad(r, "penalty.decisions")]),
          ("行政强制", [ad(r, "coercion.items_prior"), ad(r, "coercion.change"), ad(r, "coercion.decisions")])]),
        ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"],
         [("行政事业性收费", [ad(r, "fees.items_prior"), ad(r, "fees.change")])]),
        ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"],
         [("政府集中采购", [ad(r, "procurement.items"), ad(r, "procurement.amount")])]),
    ]


def result_groups(r):
    """[(group or None, [row keys])] for the 三、本年度办理结果 block."""
    groups = [(None, ["granted"]), (None, ["partially_granted"])]
    for g, subs in (("denied", ids.DENIED), ("unable", ids.UNABLE), ("not_processed", ids.NOT_PROCESSED)):
        groups.append((g, ["%s.%s" % (g, s) for s in subs]))
    if r.single_other:
        groups.append((None, ["other.total"]))
    else:
        groups.append(("other", ["other." + s for s in ids.OTHER_2021]))
    groups.append((None, ["total_processed"]))
    return groups


# ============================================================================================
# Tab-separated


def render_text_tabs(r):
    st = r.style
    T = "\t"
    out = ["", ""]
    for t in r.title_lines:
        out += [digit_spaces(t) if st.get("digit_spaces") else t, ""]
    pre = digit_spaces(r.preface) if st.get("digit_spaces") else r.preface
    out += [pre, ""]
    if r.generation == "legacy":
        for s in r.sections:
            out += [s.heading, ""]
            for p in s.paragraphs:
                out += [p, ""]
        return "\n".join(out).rstrip("\n") + "\n"

    for i, sec in enumerate(r.sections):
        h = heading_text(r, sec.heading)
        if h is not None:
            out += [h, ""]
        for p in sec.paragraphs:
            out += [p, ""]
        for marker, head, text in sec.subsections:
            out += [marker + head + text, ""]
        if i == 1:
            for title, header, rows in ad_blocks(r):
                width = max(4 if r.generation == "2021" else 4, len(header))
                out.append(title + T * (width - 1))
                out.append(T.join(header + [""] * (width - len(header))))
                for label, cells in rows:
                    out.append(T.join([label] + cells + [""] * (width - 1 - len(cells))))
            out.append("")
        elif i == 2:
            out += tabs_table3(r)
            out.append("")
        elif i == 3:
            out += tabs_table4(r)
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def tabs_table3(r):
    st = r.style
    T = "\t"
    lines = [APP_CORNER + T + "申请人情况" + T * 6 + "总计",
             T + "自然人" + T + "法人或其他组织" + T * 5,
             T * 2 + T.join(APP_COL_LABELS[1:6]) + T]
    for row in ("new_received", "carried_over"):
        lines.append(T.join([r.labels[row]] + app_values(r, row)))
    split = st.get("split_result_label")   # seed: 三、本年度办 / 理结果
    if st.get("tabs_strict"):
        # one field per grid column: label fields, then exactly 7 value fields (blank cells stay
        # positional). Used where blank cells make the seed's irregular field counts ambiguous.
        for g, rows in result_groups(r):
            for j, row in enumerate(rows):
                first = "三、本年度办理结果" if row == "granted" else ""
                if g is None:
                    lines.append(T.join([first, r.labels[row], ""] + app_values(r, row)))
                else:
                    lines.append(T.join([first, r.group_labels[g] if j == 0 else "", r.labels[row]]
                                        + app_values(r, row)))
        lines.append(T.join([r.labels["carried_forward"]] + app_values(r, "carried_forward")))
        return lines
    tail = None
    for g, rows in result_groups(r):
        for j, row in enumerate(rows):
            vals = app_values(r, row)
            if g is None:
                lab = r.labels[row]
                if row == "granted":
                    first = "三、本年度办" if split else "三、本年度办理结果"
                    lines.append(T.join([first, lab] + vals))
                elif row == "partially_granted" and split:
                    cut = lab.index("只") + 1
                    lines.append(T.join(["", lab[:cut]] + vals))
                    tail = "理结果" + T + lab[cut:].replace("）", ")") + T * 8
                    lines.append("")
                    lines.append(tail)
                elif row in ("total_processed", "other.total"):
                    lines.append(T.join(["", lab, ""] + vals))
                else:
                    lines.append(T.join(["", lab] + vals))
            else:
                lines.append(T.join(["", r.group_labels[g] if j == 0 else "", r.labels[row]] + vals))
    lines.append(T.join([r.labels["carried_forward"], ""] + app_values(r, "carried_forward")) + T)
    return lines


def tabs_table4(r):
    T = "\t"
    vals = rl_values(r)
    if r.style.get("rl_vertical"):
        return ["行政复议" + T * 5 + "行政诉讼" + T * 2,
                T.join(["结", "结", "其", "尚", "总", "未经复议直接起诉", "复议后起诉", ""]),
                "",
                T.join(["果 维 持", "果 纠 正", "他 结 果", "未 审 结", "计"]
                       + [" ".join(l) for l in RL_COL_LABELS] * 2),
                T.join(vals)]
    return ["行政复议" + T * 5 + "行政诉讼" + T * 9,
            T * 5 + "未经复议直接起诉" + T * 5 + "复议后起诉" + T * 4,
            T.join(RL_COL_LABELS * 3),
            T.join(vals)]


# ============================================================================================
# pdftotext -layout


def cwidth(s):
    return sum(1 if CJK.match(c) or ord(c) > 0x2E80 else 0.5 for c in s)


NO_LINE_START = set("，。、；：？！）》”’」』】〉,.;:)%")


def wrap(text, first, rest):
    """Hard-wrap at a CJK-width budget; ASCII counts half."""
    lines, cur, w, cap = [], "", 0.0, first
    for ch in text:
        cw = 1 if ord(ch) > 0x2E80 else 0.5
        if w + cw > cap and cur and ch not in NO_LINE_START:
            lines.append(cur)
            cur, w, cap = "", 0.0, rest
        cur += ch
        w += cw
    if cur:
        lines.append(cur)
    return lines


def place(items):
    """Build one line from (column, text) pairs; columns count characters, like pdftotext."""
    s = ""
    for col, text in sorted(items, key=lambda x: x[0]):
        if not text:
            continue
        col = int(col)
        if len(s) < col:
            s += " " * (col - len(s))
        elif s:
            s += " "
        s += text
    return s.rstrip()


class Pager:
    def __init__(self, rng, style):
        self.rng = rng
        self.style = style
        self.out = []
        self.page = 1
        self.n = 0
        self.page_len = style.get("page_len", 44)
        self.ff = False
        self.new_page_config()

    def new_page_config(self):
        rng = self.rng
        self.indent = rng.choice([2, 3, 3, 5])
        self.base = rng.randint(44, 50)
        self.gaps = [rng.choice([4, 5, 6]) for _ in range(6)]
        self.label_shift = rng.choice([0, 0, -1, -13])

    def centers(self, n=7):
        c = [self.base]
        for g in self.gaps[: n - 1]:
            c.append(c[-1] + g)
        return c

    def line(self, s):
        if self.n >= self.page_len:
            self.break_page()
        if self.ff:
            s = "\f" + s
            self.ff = False
        self.out.append(s)
        self.n += 1

    def blank(self, k=1):
        for _ in range(k):
            self.line("")

    def page_number(self):
        fmt = self.style.get("page_fmt", "-{}-")
        return " " * self.rng.choice([5, 6, 26, 43, 72]) + fmt.format(self.page)

    def break_page(self):
        self.out += ["", self.page_number()]
        self.page += 1
        self.n = 0
        self.ff = self.style.get("formfeed", True)
        self.new_page_config()

    def finish(self):
        self.out += ["", "", self.page_number()]
        if self.style.get("formfeed", True):
            self.out.append("\f")
        return "\n".join(self.out) + ("" if self.style.get("formfeed", True) else "\n")


def render_text_layout(r):
    st = r.style
    rng = random.Random(r.seed * 7 + 1)
    p = Pager(rng, st)
    # title: agency / "2023 年政府信息公开工作年度报告"
    for t in r.title_lines:
        t = digit_spaces(t)
        p.line(" " * max(2, int(22 - cwidth(t))) + t)
    p.blank()
    para(p, digit_spaces(r.preface))
    if r.generation == "legacy":
        for s in r.sections:
            p.line(" " * p.indent + s.heading)
            for x in s.paragraphs:
                para(p, digit_spaces(x))
        return p.finish()
    for i, sec in enumerate(r.sections):
        h = heading_text(r, sec.heading)
        if h is not None:
            p.line(" " * p.indent + h)
        for x in sec.paragraphs:
            para(p, digit_spaces(x))
        for marker, head, text in sec.subsections:
            if rng.random() < 0.25:
                p.line(" " * p.indent + marker + head)
                para(p, digit_spaces(text))
            else:
                para(p, digit_spaces(marker + head + text))
        if i == 1:
            layout_table2(r, p, rng)
        elif i == 2:
            layout_table3(r, p, rng)
        elif i == 3:
            layout_table4(r, p, rng)
    return p.finish()


def para(p, text):
    for j, l in enumerate(wrap(text, 28, 30)):
        p.line((" " * p.indent if j == 0 else "") + l)


def layout_table2(r, p, rng):
    for title, header, rows in ad_blocks(r):
        p.line(" " * rng.choice([14, 14, 39]) + title)
        p.blank(2)
        ncol = len(header) - 1
        if ncol == 1:
            cols = [rng.choice([26, 30, 58])]
        elif ncol == 2:
            cols = [24, 42]
        else:
            cols = [17, 28, 36]
        hdr = [(7, header[0])]
        for c, h in zip(cols, header[1:]):
            hdr.append((c - (len(h) // 2 if ncol > 1 else 0) + (3 if ncol > 1 else 0), h))
        p.line(place(hdr))
        p.blank(2)
        for label, cells in rows:
            p.line(place([(0, label)] + [(c + (4 if len(label) > 5 and ncol > 1 else 0) - len(v) // 2, v)
                                         for c, v in zip(cols, cells)]))
            p.blank()
        p.blank()


def num_items(p, cells, centers=None, shift=0):
    cs = centers or p.centers()
    return [(c + shift - (len(v) - 1) // 2, v) for c, v in zip(cs, cells)]


def layout_table3(r, p, rng):
    st = r.style
    cs = p.centers()
    p.blank(1)
    p.line(place([(cs[3] - 2, "申请人情况")]))
    p.blank()
    p.line(place([(cs[2] - 2, "法人或其他组织")]))
    p.line("（本列数据的勾稽关系为：第一项加第二项之和， 等")
    p.line("于第三项加第四项之和）")
    p.line(place([(cs[0] - 1, "自然人"), (cs[3] - 1, "社会"), (cs[4] - 1, "法律"), (cs[6] - 1, "总计")]))
    p.line(place([(cs[1] - 1, "商业"), (cs[2] - 1, "科研")]))
    p.line(place([(cs[3] - 1, "公益"), (cs[4] - 1, "服务"), (cs[5] - 1, "其他")]))
    p.line(place([(cs[1] - 1, "企业"), (cs[2] - 1, "机构")]))
    p.line(place([(cs[3] - 1, "组织"), (cs[4] - 1, "机构")]))
    p.blank()

    breaks = set(st.get("t3_page_break_after", []))
    vertical = st.get("result_label", "scatter")   # scatter | column
    vchars = list("三、本年度办理结果")
    wrapped = set(st.get("wrap_rows", ["partially_granted", "not_processed.confirmation",
                                       "other.overdue_correction", "other.overdue_fee"]))
    result_index = 0

    def row_line(label_col, label, row):
        nonlocal result_index
        vals = app_values(r, row)
        prefix = []
        if vertical == "column" and row not in ("new_received", "carried_over", "carried_forward") \
                and result_index < len(vchars):
            prefix = [(1, vchars[result_index])]
            result_index += 1
        if row in wrapped and (row not in ids.app_rows(True) or True):
            parts = wrap(label, 12 if label_col > 20 else 19, 12)
            p.line(place(prefix + [(label_col, parts[0])]))
            for cont in parts[1:]:
                p.line(place([(label_col + (4 if label_col > 20 else 0), cont)]))
            # the numbers of a wrapped row sit on a line of their own, often shifted
            shift = 0 if not st.get("shift_wrapped_numbers") else rng.choice([-1, 1])
            if len(vals) < 7:
                # missing cell: the short row is re-spaced evenly, so its position is not
                # recoverable from the columns
                step = 5
                p.line(place([(cs[0] + 1 + k * step - (len(v) - 1) // 2, v) for k, v in enumerate(vals)]))
            else:
                p.line(place(num_items(p, vals, None, shift)))
        else:
            items = prefix + [(label_col, label)]
            if len(vals) < 7:
                items += [(p.centers()[k] - (len(v) - 1) // 2, v) for k, v in enumerate(vals)]
            else:
                items += num_items(p, vals)
            p.line(place(items))
        if row in breaks:
            p.break_page()

    top = 0
    mid = lambda: max(2, 18 + p.label_shift)
    sub = lambda: max(12, 28 + p.label_shift)
    for row in ("new_received", "carried_over"):
        row_line(top, r.labels[row], row)
    emitted_scatter = False
    for g, rows in result_groups(r):
        if g is None:
            row = rows[0]
            row_line(mid(), r.labels[row], row)
            continue
        n = len(rows)
        at = (n - 1) // 2
        for j, row in enumerate(rows):
            if j == at and st.get("group_same_line"):
                vals_label = r.group_labels[g]
                # group label on the same line, left of the sub-label
                vals = app_values(r, row)
                p.line(place([(mid(), vals_label), (sub(), r.labels[row])] + num_items(p, vals)))
                if row in breaks:
                    p.break_page()
                continue
            row_line(sub(), r.labels[row], row)
            if j == at:
                p.line(place([(mid(), r.group_labels[g])]))
            if g == "denied" and j == 0 and vertical == "scatter" and not emitted_scatter:
                p.line(" 三 、本 年 度办 理 结果")
                p.blank(4)
                emitted_scatter = True
    row_line(top, r.labels["carried_forward"], "carried_forward")
    p.blank(3)


def layout_table4(r, p, rng):
    vals = rl_values(r)
    if r.style.get("rl_vertical"):
        cols = [k * 5 + (k // 5) * 2 for k in range(15)]
        p.line(place([(10, "行政复议"), (48, "行政诉讼")]))
        p.blank()
        p.line(place([(cols[5] + 2, "未经复议直接起诉"), (cols[10] + 4, "复议后起诉")]))
        labels = RL_COL_LABELS * 3
        for k in range(4):
            items = []
            for c, lab in zip(cols, labels):
                if lab == "总计":
                    ch = {0: "总", 2: "计"}.get(k)
                else:
                    ch = lab[k]
                if ch:
                    items.append((c, ch))
            p.line(place(items))
        p.blank(2)
        p.line(place([(c, v) for c, v in zip(cols, vals)]))
        p.blank()
        return
    p.line(place([(10, "行政复议"), (48, "行政诉讼")]))
    p.blank()
    p.line(place([(30, "未经复议直接起诉"), (64, "复议后起诉")]))
    p.blank()
    p.line("结果   结果     其他   尚未")
    p.line(place([(20, "总 计 结果 结果 其他       尚未     结果 结果 其他 尚未")]))
    p.line("维持   纠正     结果   审结                                               总计")
    p.line(place([(42, "总 计")]))
    p.line(place([(24, "维持 纠正 结果       审结     维持 纠正 结果 审结")]))
    p.blank(3)
    gaps = [rng.choice([3, 4, 5, 6]) for _ in vals]
    s = ""
    for v, g in zip(vals, gaps):
        s += v.ljust(len(v) + g if len(v) < 3 else len(v) + 2)
    p.line(s.rstrip())
    p.blank()
