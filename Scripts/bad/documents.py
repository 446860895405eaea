"""Text documents for the bad-input corpus: non-reports and mangled reports."""
import re

BUDGET = """某市财政局2024年部门预算

第一部分 部门概况

一、部门职责

贯彻执行国家财政、税收方针政策和法律法规，拟订全市财政发展规划和政策措施。

二、机构设置

本部门内设机构12个，下属单位3个。

第二部分 2024年部门预算表

一、收支预算总表

收入\t本年预算\t支出\t本年预算
一般公共预算拨款收入\t12345.67\t一般公共服务支出\t10000.00
政府性基金预算拨款收入\t0.00\t社会保障和就业支出\t1234.56
事业收入\t100.00\t住房保障支出\t1211.11
收入总计\t12445.67\t支出总计\t12445.67

二、一般公共预算“三公”经费支出表

因公出国（境）费\t公务用车购置及运行费\t公务接待费
0.00\t12.30\t4.50

第三部分 2024年部门预算情况说明

一、收支预算总体情况说明

2024年收支总预算12445.67万元。

二、政府采购情况说明

2024年政府采购预算总额300.00万元。

三、其他重要事项的情况说明

本部门国有资产占用情况良好。
"""

WORK_SUMMARY = """某县人民政府办公室2023年工作总结

2023年，县政府办公室在县委、县政府的坚强领导下，紧紧围绕全县中心工作，各项工作取得新成效。现将有关情况总结如下。

一、主要工作完成情况

（一）强化综合协调。全年组织筹备县政府常务会议24次，起草各类文稿300余篇。

（二）深化政务公开。全年在县政府网站发布政府信息2345条，办理政府信息公开申请12件，全部按期答复。

（三）狠抓督查落实。围绕重点工作开展专项督查15次，督办事项办结率100%。

二、存在的问题

一是统筹协调能力有待提升；二是文稿质量有待提高；三是干部队伍建设需要加强。

三、2024年工作打算

（一）提升服务水平。

（二）加强队伍建设。

特此报告。

某县人民政府办公室
2024年1月10日
"""


def html(text):
    body = "".join("<p>%s</p>\n" % line.replace("\t", " ") for line in text.split("\n") if line.strip())
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>预算</title></head><body>%s</body></html>" % body


HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、(?!本年新收|上年结转|本年度|结转下年)")


def without_headings(text):
    """Drops the six section headings (and the 一、… numbered lines that are not table rows)."""
    out = []
    for line in text.split("\n"):
        if HEADING.match(line) and "\t" not in line:
            continue
        out.append(line)
    return "\n".join(out)


def without_tables(text):
    """Keeps prose lines only: every line holding a tab or a run of digits-and-spaces goes."""
    out = []
    for line in text.split("\n"):
        if "\t" in line or re.search(r"\d\s+\d", line):
            continue
        out.append(line)
    return "\n".join(out)


def table_in_one_line(text):
    return " ".join(text.split("\n"))


def one_line(text, size):
    unit = table_in_one_line(text).replace("\t", " ") + " "
    reps = size // len(unit.encode("utf-8")) + 1
    return unit * reps


def big_html(page, size):
    filler = "<p>（此段为填充）本机关持续推进政务公开标准化规范化建设，加强政府信息管理，提升公开质量。</p>\n"
    reps = size // len(filler.encode("utf-8")) + 1
    cut = page.rfind("</body>")
    if cut < 0:
        cut = len(page)
    return page[:cut] + "<div class=\"related\">" + filler * reps + "</div>" + page[cut:]


def big_cell_html(size):
    chunk = "政府信息公开 1 2 3 "
    reps = size // len(chunk.encode("utf-8")) + 1
    return "<html><body><table><tr><td>a</td><td>" + chunk * reps + "</td></tr></table></body></html>"


def two_articles(page):
    """One page holding two reports, each in its own article with its own <h1> title."""
    start = page.index('<div class="article">')
    end = page.index("</body>")
    body = page[start + len('<div class="article">'):end]
    return (page[:start]
            + '<div class="article"><h1>2023年泉州市清江浦区人民政府政府信息公开工作年度报告</h1>' + body
            + '<div class="article"><h1>2022年泉州市清江浦区人民政府政府信息公开工作年度报告</h1>' + body
            + "</body></html>")
