"""Deterministic model of a synthetic 政府信息公开工作年度报告.

A `Report` holds what the document *prints*: agency, title, preface, six sections, and the three
tables as flat keys (report-model.md) with
  - `true`    the number the agency meant (identities I1-I4 hold on these),
  - `text`    the printed cell text ("0", "1,024", "１２", "251000元", "", "/", ...),
  - `dropped` keys whose cell is left out of the rendered text (missing-cell artifact).
Gold values are parsed from `text` (what is printed), except for dropped keys, which keep the
true value. Deliberate arithmetic errors change `text` (and so the gold) but not `true`.

Everything is driven by one `random.Random(seed)`; no global state, no time, no hashing of
unordered sets, so the same seed gives the same bytes.
"""

import random
import re
import unicodedata

from . import identities as ids

# --------------------------------------------------------------------------------------------
# Names

CITIES = ["保定市", "淮安市", "宜昌市", "绵阳市", "株洲市", "赣州市", "潍坊市", "南阳市", "柳州市",
          "遵义市", "曲靖市", "天水市", "湖州市", "泉州市", "九江市", "邯郸市"]
DISTRICTS = ["新华区", "清江浦区", "西陵区", "涪城区", "荷塘区", "章贡区", "奎文区", "宛城区",
             "城中区", "红花岗区", "麒麟区", "秦州区", "吴兴区", "鲤城区", "浔阳区", "丛台区"]
COUNTIES = ["平山县", "涟水县", "秭归县", "三台县", "攸县", "兴国县", "临朐县", "镇平县", "融安县",
            "湄潭县", "陆良县", "甘谷县", "长兴县", "安溪县", "彭泽县", "涉县"]
BUREAUS = ["教育局", "生态环境局", "自然资源和规划局", "住房和城乡建设局", "交通运输局",
           "卫生健康委员会", "市场监督管理局", "人力资源和社会保障局", "民政局", "财政局",
           "农业农村局", "应急管理局", "医疗保障局", "退役军人事务局", "机关事务管理局", "统计局",
           "审计局", "水利局", "司法局", "文化广电和旅游局"]
STREETS = ["东风街道办事处", "解放街道办事处", "新城街道办事处", "城南街道办事处", "北关街道办事处"]
PROVINCE_RULES = {
    "保定市": "《河北省实施〈中华人民共和国政府信息公开条例〉办法》",
    "邯郸市": "《河北省实施〈中华人民共和国政府信息公开条例〉办法》",
}


def make_agency(rng, kind):
    city = rng.choice(CITIES)
    if kind == "city_gov":
        return city + "人民政府", "large"
    if kind == "district_gov":
        return city + rng.choice(DISTRICTS) + "人民政府", "medium"
    if kind == "county_gov":
        return rng.choice(COUNTIES) + "人民政府", "medium"
    if kind == "city_bureau":
        return city + rng.choice(BUREAUS), rng.choice(["small", "medium"])
    if kind == "county_bureau":
        return rng.choice(COUNTIES) + rng.choice(BUREAUS), "small"
    if kind == "street":
        return city + rng.choice(DISTRICTS) + rng.choice(STREETS), "small"
    if kind == "gov_office":
        return city + "人民政府办公室", "large"
    raise ValueError(kind)


# --------------------------------------------------------------------------------------------
# Labels

CN_NUM = "一二三四五六七八九十"
GROUP_LABELS = {"denied": "不予公开", "unable": "无法提供", "not_processed": "不予处理", "other": "其他处理"}
GROUP_MARKS = {"denied": "三", "unable": "四", "not_processed": "五", "other": "六"}
SUB_LABELS = {
    "denied.state_secret": "属于国家秘密",
    "denied.prohibited_by_law": "其他法律行政法规禁止公开",
    "denied.security_stability": "危及“三安全一稳定”",
    "denied.third_party_rights": "保护第三方合法权益",
    "denied.internal_affairs": "属于三类内部事务信息",
    "denied.process_information": "属于四类过程性信息",
    "denied.enforcement_files": "属于行政执法案卷",
    "denied.administrative_inquiry": "属于行政查询事项",
    "unable.not_held": "本机关不掌握相关政府信息",
    "unable.needs_creation": "没有现成信息需要另行制作",
    "unable.unclear": "补正后申请内容仍不明确",
    "not_processed.complaint": "信访举报投诉类申请",
    "not_processed.repeated": "重复申请",
    "not_processed.publication": "要求提供公开出版物",
    "not_processed.excessive": "无正当理由大量反复申请",
    "not_processed.confirmation": "要求行政机关确认或重新出具已获取信息",
    "other.overdue_correction": "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.overdue_fee": "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other.other": "其他",
}
TOP_LABELS = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "other.total": "（六）其他处理",
    "total_processed": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
APP_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APP_COL_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
RL_COL_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

SECTION_VARIANTS = [
    ["一、总体情况"],
    ["二、主动公开政府信息情况"],
    ["三、收到和处理政府信息公开申请情况"],
    ["四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"],
    ["五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"],
    ["六、其他需要报告的事项"],
]

# Kangxi radicals for display-identical compatibility characters (⼀ U+2F00 etc.).
RADICAL_OF = {}
for _cp in range(0x2F00, 0x2FD6):
    RADICAL_OF.setdefault(unicodedata.normalize("NFKC", chr(_cp)), chr(_cp))


def radicalize(text, chars="一二人文方日月行"):
    return "".join(RADICAL_OF.get(c, c) if c in chars else c for c in text)


def display_form(text):
    """What the extractor should emit: radicals mapped back to ideographs, nothing else."""
    return "".join(unicodedata.normalize("NFKC", c) if 0x2E80 <= ord(c) <= 0x2FDF else c for c in text)


FULLWIDTH = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")

# --------------------------------------------------------------------------------------------
# Printed-text → value

NA_TEXTS = {"", "/", "-", "—", "－", "无", "不适用", "／"}
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def parse_printed(text):
    t = unicodedata.normalize("NFKC", text).strip()
    if t in NA_TEXTS:
        return None
    t = t.replace(",", "")
    for unit in ("万元", "元", "件", "个", "项"):
        if t.endswith(unit):
            t = t[: -len(unit)]
    if not re.match(r"^-?\d+(\.\d+)?$", t):
        raise ValueError("unparseable printed cell %r" % text)
    return float(t) if "." in t else int(t)


# --------------------------------------------------------------------------------------------
# The model


class Section:
    def __init__(self, heading, paragraphs, subsections=None):
        self.heading = heading          # printed heading, or None when the document omits it
        self.paragraphs = paragraphs    # list of str
        self.subsections = subsections or []  # [(marker, heading, text)]


class Report:
    def __init__(self, name, seed):
        self.name = name
        self.seed = seed
        self.rng = random.Random(seed)
        self.agency = ""
        self.year = 0
        self.generation = "2021"
        self.single_other = False
        self.title_lines = []       # as printed
        self.title = ""             # display form, one line
        self.preface = ""
        self.sections = []          # six Sections (legacy: any number)
        self.true = {}
        self.text = {}
        self.dropped = []
        self.dropped_note = ""
        self.notes = []
        self.style = {}             # presentation flags shared by the renderers
        self.labels = {}            # Table 三 row key -> printed sub-label / label
        self.group_labels = {}      # group -> printed group label
        self.ad_labels = {}         # Table 二 printed labels

    # -- derived ---------------------------------------------------------------------------
    def keys(self):
        if self.generation == "legacy":
            return []
        return ids.all_keys(self.generation, self.single_other)

    def gold_values(self):
        out = {}
        for k in self.keys():
            out[k] = self.true[k] if k in self.dropped else parse_printed(self.text[k])
        return out

    def set_text(self, key, text):
        assert key in self.text, key
        self.text[key] = text

    def app_rows(self):
        return ids.app_rows(self.single_other)


def new_report(name, seed, year, agency_kind, single_other=False, size=None, tweak=None):
    r = Report(name, seed)
    rng = r.rng
    r.year = year
    r.generation = "2021" if year >= 2021 else ("2019" if year >= 2019 else "legacy")
    r.single_other = single_other or r.generation == "2019"
    r.agency, default_size = make_agency(rng, agency_kind)
    r.size = size or default_size
    if rng.random() < 0.75:
        r.title_lines = [r.agency, "%d年政府信息公开工作年度报告" % year]
    else:
        r.title_lines = ["%d年%s政府信息公开工作年度报告" % (year, r.agency)]
    r.title = "".join(r.title_lines)
    r.headings = [rng.choice(v) for v in SECTION_VARIANTS]
    r.style = {
        "paren": "（）",
        "numbering": ".",
        "quote": "“”",
    }
    if r.generation != "legacy":
        gen_tables(r)
        if tweak:
            tweak(r)
            retotal(r)
        r.text = {k: fmt_number(r.true[k]) for k in r.keys()}
        make_labels(r)
    gen_text(r)
    return r


def fmt_number(v):
    if isinstance(v, float):
        s = "%.2f" % v
        return s
    return str(v)


# --------------------------------------------------------------------------------------------
# Numbers


WEIGHTS = {
    "granted": 34, "partially_granted": 9,
    "denied.state_secret": 1, "denied.prohibited_by_law": 1, "denied.security_stability": 1,
    "denied.third_party_rights": 2, "denied.internal_affairs": 3, "denied.process_information": 3,
    "denied.enforcement_files": 1, "denied.administrative_inquiry": 2,
    "unable.not_held": 24, "unable.needs_creation": 4, "unable.unclear": 3,
    "not_processed.complaint": 5, "not_processed.repeated": 3, "not_processed.publication": 1,
    "not_processed.excessive": 1, "not_processed.confirmation": 1,
    "other.overdue_correction": 3, "other.overdue_fee": 0.3, "other.other": 4,
}


def _distribute(rng, n, rows):
    weights = [WEIGHTS[r] if r in WEIGHTS else sum(WEIGHTS["other." + o] for o in ids.OTHER_2021)
               for r in rows]
    counts = dict.fromkeys(rows, 0)
    for _ in range(n):
        counts[rng.choices(rows, weights)[0]] += 1
    return counts


def gen_tables(r):
    rng = r.rng
    size = r.size
    t = r.true
    # Table 三 ----------------------------------------------------------------------------
    if size == "small":
        np_new = rng.choice([0, 0, 1, 2, 3, 4, 6, 9, 13])
        others = lambda: rng.choice([0, 0, 0, 0, 0, 1])
    elif size == "medium":
        np_new = rng.randint(12, 90)
        others = lambda: rng.choice([0, 0, 0, 1, 2, 3, 5])
    else:
        np_new = rng.randint(520, 1400)
        others = lambda: rng.choice([0, 1, 3, 8, 15, 36])
    new = {"natural_person": np_new}
    for c in ids.APPLICANT_COLUMNS[1:]:
        v = others()
        if c in ("research_institution", "social_welfare_organization") and rng.random() < 0.7:
            v = 0
        new[c] = v
    results = ids.result_rows(r.single_other)
    for c in ids.APPLICANT_COLUMNS:
        carried = rng.choice([0, 0, 0, 1, 2]) if new[c] else 0
        if size == "large" and c == "natural_person":
            carried = rng.randint(10, 60)
        avail = new[c] + carried
        fwd = min(avail, rng.choice([0, 0, 0, 1, 2, 3]) if size != "large" or c != "natural_person"
                  else rng.randint(20, 80))
        done = avail - fwd
        counts = _distribute(rng, done, results)
        t["applications.new_received." + c] = new[c]
        t["applications.carried_over." + c] = carried
        t["applications.carried_forward." + c] = fwd
        t["applications.total_processed." + c] = done
        for row in results:
            t["applications.%s.%s" % (row, c)] = counts[row]
    for row in ids.app_rows(r.single_other):
        t["applications.%s.total" % row] = sum(t["applications.%s.%s" % (row, c)]
                                               for c in ids.APPLICANT_COLUMNS)
    # Table 四 ----------------------------------------------------------------------------
    scale = {"small": 1, "medium": 3, "large": 12}[size]
    for b in ids.RL_BLOCKS:
        parts = []
        for col in ids.RL_COLUMNS[:4]:
            p = rng.random()
            if b == "litigation_after_review":
                p += 0.3
            v = 0 if p < 0.6 else rng.randint(1, scale + 1)
            if col == "corrected" and rng.random() < 0.6:
                v = 0
            parts.append(v)
        for col, v in zip(ids.RL_COLUMNS, parts + [sum(parts)]):
            t["review_litigation.%s.%s" % (b, col)] = v
    # Table 二 ----------------------------------------------------------------------------
    big = size == "large"
    ad = {}
    if r.generation == "2021":
        ad["rules.issued"] = rng.choice([0, 1, 2, 3]) if big else 0
        ad["rules.repealed"] = rng.choice([0, 0, 1]) if big else 0
        ad["rules.in_force"] = rng.randint(20, 140) if big else 0
        ad["normative_documents.issued"] = rng.randint(0, 25 if big else 6)
        ad["normative_documents.repealed"] = rng.randint(0, 8 if big else 3)
        ad["normative_documents.in_force"] = rng.randint(ad["normative_documents.issued"], 260 if big else 40)
        ad["licensing.decisions"] = rng.choice([0, 0, rng.randint(1, 90), rng.randint(300, 9000)])
        ad["penalty.decisions"] = rng.choice([0, rng.randint(1, 60), rng.randint(200, 6000)])
        ad["coercion.decisions"] = rng.choice([0, 0, rng.randint(1, 300)])
        ad["fees.amount"] = rng.choice([0, 0, round(rng.uniform(0.5, 9999), 2)])
        if isinstance(ad["fees.amount"], float) and ad["fees.amount"] == int(ad["fees.amount"]):
            ad["fees.amount"] += 0.01
    else:
        for row in ("rules", "normative_documents"):
            made = (rng.randint(0, 15) if big else 0) if row == "rules" else rng.randint(0, 20 if big else 5)
            ad[row + ".made"] = made
            ad[row + ".published"] = made
            ad[row + ".total_published"] = made + (rng.randint(10, 500) if big or row != "rules" else 0)
        for row in ("licensing", "other_services", "penalty", "coercion"):
            prior = rng.choice([0, 0, rng.randint(1, 40)])
            ad[row + ".items_prior"] = prior
            ad[row + ".change"] = rng.randint(-min(prior, 5), 4) if prior else 0
            ad[row + ".decisions"] = rng.choice([0, rng.randint(1, 300), rng.randint(300, 4000)]) if prior else 0
        ad["fees.items_prior"] = rng.choice([0, 0, rng.randint(1, 12)])
        ad["fees.change"] = -rng.randint(1, min(3, ad["fees.items_prior"])) if ad["fees.items_prior"] else 0
        ad["procurement.items"] = rng.choice([0, rng.randint(1, 30)])
        ad["procurement.amount"] = (rng.choice([rng.randint(10, 900), round(rng.uniform(1, 800), 2)])
                                    if ad["procurement.items"] else 0)
    for k, v in ad.items():
        t["active_disclosure." + k] = v


# --------------------------------------------------------------------------------------------
# Labels (printed forms)


def sub_label(r, key, n):
    sep = r.style["numbering"]
    text = SUB_LABELS[key]
    q = r.style["quote"]
    text = text.replace("“", q[0]).replace("”", q[1])
    if key in r.style.get("typos", {}):
        text = r.style["typos"][key]
    return "%d%s%s" % (n, sep, text)


def paren(r, mark):
    p = r.style["paren"]
    if p == "()":
        return "(%s) " % mark
    return "（%s）" % mark


def make_labels(r):
    labels = {}
    for row in r.app_rows():
        if row in TOP_LABELS:
            lab = TOP_LABELS[row]
            if lab.startswith("（"):
                lab = paren(r, lab[1]) + lab[3:]
            labels[row] = lab
        else:
            group, sub = row.split(".")
            n = (ids.DENIED + ids.UNABLE + ids.NOT_PROCESSED + ids.OTHER_2021).index(sub)
            idx = {"denied": ids.DENIED, "unable": ids.UNABLE, "not_processed": ids.NOT_PROCESSED,
                   "other": ids.OTHER_2021}[group].index(sub) + 1
            labels[row] = sub_label(r, row, idx)
    r.labels = labels
    r.group_labels = {g: paren(r, GROUP_MARKS[g]) + GROUP_LABELS[g] for g in GROUP_LABELS}


def relabel(r):
    """Re-run label construction after style changes."""
    make_labels(r)


# --------------------------------------------------------------------------------------------
# Narrative

SUBSECTIONS = [
    ("主动公开", ["严格执行政府信息公开相关规定，及时主动向社会公开涉及群众切身利益的重大决策和重要政策。",
              "{year}年，通过{site}主动公开政府信息{pub}条，其中政策文件{docs}件，政策解读{interp}篇。",
              "围绕优化营商环境、乡村振兴、民生保障等重点领域，持续加大信息公开力度，做到应公开尽公开。"]),
    ("依申请公开", ["进一步规范依申请公开办理流程，畅通申请渠道，严格按照法定时限答复。",
               "{year}年共收到政府信息公开申请{new}件，上年结转{carried}件，均在法定期限内予以答复{fwd_text}。",
               "加强与申请人的沟通，准确把握申请人诉求，依法依规作出答复。"]),
    ("政府信息管理", ["严格落实信息发布审核制度，坚持“先审后发”，实行“三审三校”。",
                "动态调整主动公开基本目录，及时清理过期失效信息，确保公开信息准确、权威。"]),
    ("政府信息公开平台建设", ["加强{site}建设和日常运维，持续优化栏目设置，提升信息检索的便捷度。",
                    "统筹政务新媒体管理，关停整合更新不及时、无力运维的账号，形成发布合力。"]),
    ("监督保障", ["将政务公开工作纳入年度重点工作和绩效考核，明确分管领导和工作人员。",
              "组织开展政务公开业务培训{train}次，进一步提升工作人员的业务能力。"]),
]
SITES = ["政府门户网站", "部门网站", "政府信息公开专栏", "“{short}发布”微信公众号"]

PROBLEMS = [
    "{year}年，我单位政府信息公开工作取得了一定成效，但对照上级要求和人民群众期盼，仍存在一些不足：一是主动公开的深度和广度还有待拓展；二是政策解读形式较为单一；三是工作人员业务水平有待提升。",
    "下一步，我们将进一步健全完善信息公开工作机制，加强业务培训，丰富政策解读形式，不断提升政府信息公开工作质量和水平。",
]
OTHER = [
    "按照《政府信息公开信息处理费管理办法》规定，{year}年未收取信息处理费。",
    "本年度无其他需要报告的事项。",
    "认真落实{year}年政务公开工作要点，各项任务均已按要求完成。",
]


def gen_text(r):
    rng = r.rng
    y = r.year
    basis = PROVINCE_RULES.get(r.agency[:3], "")
    r.preface = ("本报告根据《中华人民共和国政府信息公开条例》%s等规定编制。全文包括总体情况、主动公开政府信息情况、"
                 "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
                 "其他需要报告的事项。本报告中所列数据统计期限为%d年1月1日至%d年12月31日。" % (basis, y, y))
    if rng.random() < 0.5:
        r.preface = ("根据《中华人民共和国政府信息公开条例》%s等规定，发布本年度报告。报告中所列数据统计期限为"
                     "%d年1月1日至12月31日。" % (basis, y))
    short = r.agency[:2]
    site = rng.choice(SITES).format(short=short)
    if r.generation == "legacy":
        return
    new_total = r.true["applications.new_received.total"]
    fill = dict(year=y, site=site, pub=rng.randint(80, 4000), docs=rng.randint(3, 120),
                interp=rng.randint(1, 40), new=new_total,
                carried=r.true["applications.carried_over.total"],
                fwd_text=("，结转下年度办理%d件" % r.true["applications.carried_forward.total"]
                          if r.true["applications.carried_forward.total"] else ""),
                train=rng.randint(1, 6))
    subs = []
    for i, (name, pool) in enumerate(SUBSECTIONS):
        n = rng.randint(1, len(pool))
        text = "".join(pool[:n]).format(**fill)
        subs.append(("（%s）" % CN_NUM[i], name + "。" if rng.random() < 0.5 else name + "情况。", text))
    intro = ("%d年，%s坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院关于全面推进政务公开的"
             "决策部署，严格执行《中华人民共和国政府信息公开条例》，不断提升政府信息公开工作质效。" % (y, r.agency))
    r.sections = [
        Section(r.headings[0], [intro], subs),
        Section(r.headings[1], []),
        Section(r.headings[2], []),
        Section(r.headings[3], []),
        Section(r.headings[4], [p.format(year=y) for p in PROBLEMS[: rng.randint(1, 2)]]),
        Section(r.headings[5], [rng.choice(OTHER).format(year=y)]),
    ]


# --------------------------------------------------------------------------------------------
# Presentation artifacts (all change printed text only)


def blank_zero_cells(r, prefix, prob, keep_totals_rows=()):
    for k in r.keys():
        if k.startswith(prefix) and r.true[k] == 0 and r.rng.random() < prob:
            if any(k.startswith("applications.%s." % row) for row in keep_totals_rows):
                continue
            r.text[k] = ""


def thousands(r, prefix=""):
    for k in r.keys():
        v = r.true[k]
        if k.startswith(prefix) and isinstance(v, int) and abs(v) >= 1000 and r.text[k] == str(v):
            r.text[k] = "{:,}".format(v)


def inject_error(r, key, printed):
    """Print a wrong number (a real agency's arithmetic error). Gold follows the print."""
    r.text[key] = str(printed)


def drop(r, key):
    r.dropped.append(key)


def force(r, row, col, v):
    """Set a Table 三 result cell and keep I1/I2 true by adjusting 一、本年新收 of that column."""
    k = "applications.%s.%s" % (row, col)
    delta = v - r.true[k]
    r.true[k] = v
    r.true["applications.total_processed." + col] += delta
    r.true["applications.new_received." + col] += delta
    assert r.true["applications.new_received." + col] >= 0, (row, col, v)


def retotal(r):
    for row in r.app_rows():
        r.true["applications.%s.total" % row] = sum(r.true["applications.%s.%s" % (row, c)]
                                                   for c in ids.APPLICANT_COLUMNS)
    for b in ids.RL_BLOCKS:
        r.true["review_litigation.%s.total" % b] = sum(r.true["review_litigation.%s.%s" % (b, c)]
                                                      for c in ids.RL_COLUMNS[:4])


ROW_CN = {"new_received": "一", "carried_over": "二", "total_processed": "（七）总计", "carried_forward": "四"}
COL_CN = dict(zip(ids.APP_COLUMNS, APP_COL_LABELS))
RL_CN = dict(zip(ids.RL_COLUMNS, RL_COL_LABELS))


def describe_failures(r, checks, values):
    out = []
    for c in checks:
        if c["status"] != "fail":
            continue
        kind, what = c["id"].split(".", 1)
        if kind == "I1":
            out.append("%s: 一 + 二 = %s but （七）总计 + 四 = %s in column %s"
                       % (c["id"], c["lhs"], c["rhs"], COL_CN[what]))
        elif kind == "I2":
            out.append("%s: printed （七）总计 %s but the result rows （一）..（六） sum to %s in column %s"
                       % (c["id"], c["lhs"], c["rhs"], COL_CN[what]))
        elif kind == "I3":
            parts = " + ".join(str(values["applications.%s.%s" % (what, col)]) for col in ids.APPLICANT_COLUMNS)
            out.append("%s: printed 总计 %s but %s = %s (row %s)" % (c["id"], c["lhs"], parts, c["rhs"], what))
        else:
            parts = " + ".join("%s %s" % (RL_CN[col], values["review_litigation.%s.%s" % (what, col)])
                               for col in ids.RL_COLUMNS[:4])
            out.append("%s: printed 总计 %s but %s = %s" % (c["id"], c["lhs"], parts, c["rhs"]))
    return [x + " (deliberate error printed in the synthetic document)" for x in out]


# --------------------------------------------------------------------------------------------
# Legacy (2008-2018 free-form) report


def new_legacy(name, seed, year):
    r = Report(name, seed)
    rng = r.rng
    r.year = year
    r.generation = "legacy"
    r.agency, r.size = make_agency(rng, "county_gov")
    r.title_lines = [r.agency + "%d年政府信息公开工作年度报告" % year]
    r.title = r.title_lines[0]
    r.preface = ("本报告根据《中华人民共和国政府信息公开条例》要求，由%s办公室编制。全文包括概述，主动公开政府信息情况，"
                 "依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，"
                 "政府信息公开工作存在的主要问题及改进措施，其他需要报告的事项。本报告中所列数据统计期限自%d年1月1日起至"
                 "%d年12月31日止。" % (r.agency, year, year))
    face, net, mail = rng.randint(0, 12), rng.randint(0, 30), rng.randint(0, 5)
    tot = face + net + mail
    granted = rng.randint(0, tot)
    r.sections = [
        Section("一、概述", ["%d年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，以公开为常态、不公开为例外，"
                           "进一步加强组织领导，完善工作机制，扎实推进政府信息公开工作。" % year]),
        Section("二、主动公开政府信息情况", ["%d年，全县共主动公开政府信息%d条，其中通过县政府门户网站公开%d条，"
                                      "通过政府公报、新闻发布会等其他方式公开%d条。" % (year, 900 + tot * 7, 800 + tot * 5, 100 + tot * 2)]),
        Section("三、依申请公开政府信息情况", ["%d年，共受理政府信息公开申请%d件，其中当面申请%d件，网络申请%d件，"
                                        "信函申请%d件。已全部按期答复，其中同意公开%d件，不予公开%d件。"
                                        % (year, tot, face, net, mail, granted, tot - granted)]),
        Section("四、政府信息公开的收费及减免情况", ["%d年，未收取政府信息公开检索、复制、邮寄等费用。" % year]),
        Section("五、因政府信息公开申请行政复议、提起行政诉讼的情况", ["%d年，未发生因政府信息公开申请行政复议、提起行政诉讼的情况。" % year]),
        Section("六、政府信息公开工作存在的主要问题及改进情况", [PROBLEMS[1].format(year=year)]),
        Section("七、其他需要报告的事项", ["无。"]),
    ]
    return r
