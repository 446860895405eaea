/// Table 三 收到和处理政府信息公开申请情况: rows, columns and how labels are recognized.
package enum ApplicationsLayout {
    package static let columns = [
        "natural_person", "commercial_enterprise", "research_institution",
        "social_welfare_organization", "legal_service_institution", "other_organization", "total",
    ]
    static let columnLabels = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

    static let newReceived = RowSpec(key: "new_received", label: "一、本年新收政府信息公开申请数量", keywords: ["本年新收", "新收政府信息"])
    static let carriedOver = RowSpec(key: "carried_over", label: "二、上年结转政府信息公开申请数量", keywords: ["上年结转"])
    static let granted = RowSpec(key: "granted", label: "（一）予以公开", keywords: ["予以公开"])
    static let partiallyGranted = RowSpec(key: "partially_granted", label: "（二）部分公开", keywords: ["部分公开", "只计这一情形", "区分处理的"])
    static let denied: [RowSpec] = [
        RowSpec(key: "denied.state_secret", label: "（三）1.属于国家秘密", keywords: ["国家秘密"]),
        RowSpec(key: "denied.prohibited_by_law", label: "（三）2.其他法律行政法规禁止公开", keywords: ["法律行政", "行政法规禁止", "法规禁止"]),
        RowSpec(key: "denied.security_stability", label: "（三）3.危及“三安全一稳定”", keywords: ["三安全", "一稳定"]),
        RowSpec(key: "denied.third_party_rights", label: "（三）4.保护第三方合法权益", keywords: ["第三方"]),
        RowSpec(key: "denied.internal_affairs", label: "（三）5.属于三类内部事务信息", keywords: ["内部事务"]),
        RowSpec(key: "denied.process_information", label: "（三）6.属于四类过程性信息", keywords: ["过程性"]),
        RowSpec(key: "denied.enforcement_files", label: "（三）7.属于行政执法案卷", keywords: ["执法案卷"]),
        RowSpec(key: "denied.administrative_inquiry", label: "（三）8.属于行政查询事项", keywords: ["查询事项", "行政查询"]),
    ]
    static let unable: [RowSpec] = [
        RowSpec(key: "unable.not_held", label: "（四）1.本机关不掌握相关政府信息", keywords: ["不掌握"]),
        RowSpec(key: "unable.needs_creation", label: "（四）2.没有现成信息需要另行制作", keywords: ["另行制作", "现成信息"]),
        RowSpec(key: "unable.unclear", label: "（四）3.补正后申请内容仍不明确", keywords: ["不明确", "补正后申请"]),
    ]
    static let notProcessed: [RowSpec] = [
        RowSpec(key: "not_processed.complaint", label: "（五）1.信访举报投诉类申请", keywords: ["信访", "举报投诉"]),
        RowSpec(key: "not_processed.repeated", label: "（五）2.重复申请", keywords: ["重复申请"]),
        RowSpec(key: "not_processed.publication", label: "（五）3.要求提供公开出版物", keywords: ["出版物"]),
        RowSpec(key: "not_processed.excessive", label: "（五）4.无正当理由大量反复申请", keywords: ["大量反复"]),
        RowSpec(key: "not_processed.confirmation", label: "（五）5.要求行政机关确认或重新出具已获取信息", keywords: ["重新出具", "确认或重", "机关确认"]),
    ]
    static let otherSubRows: [RowSpec] = [
        RowSpec(key: "other.overdue_correction", label: "（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", keywords: ["不补正"]),
        RowSpec(key: "other.overdue_fee", label: "（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", keywords: ["收费通知", "缴纳费用"]),
        RowSpec(key: "other.other", label: "（六）3.其他", keywords: [], wholeLabel: "其他"),
    ]
    static let otherTotal = RowSpec(key: "other.total", label: "（六）其他处理", keywords: ["其他处理"])
    static let totalProcessed = RowSpec(key: "total_processed", label: "（七）总计", keywords: ["总计"])
    static let carriedForward = RowSpec(key: "carried_forward", label: "四、结转下年度继续办理", keywords: ["结转下年", "继续办理"])

    /// Rows in table order, 2021 generation with （六） split into three rows.
    static let rows2021 =
        [newReceived, carriedOver, granted, partiallyGranted] + denied + unable + notProcessed
        + otherSubRows + [totalProcessed, carriedForward]
    /// Rows in table order with a single （六）其他处理 row (2019 generation, and some 2021 reports).
    static let rowsSingleOther =
        [newReceived, carriedOver, granted, partiallyGranted] + denied + unable + notProcessed
        + [otherTotal, totalProcessed, carriedForward]

    /// Every row in printed order, the single （六）其他处理 row before its three sub-rows: the order
    /// misread rows of a scan are placed by (``TemplateAligner``).
    static let aligner = TemplateAligner(
        template: [newReceived, carriedOver, granted, partiallyGranted] + denied + unable + notProcessed + [otherTotal] + otherSubRows
            + [totalProcessed, carriedForward])
    /// Every row by its key.
    static let specs = Dictionary(uniqueKeysWithValues: (rows2021 + [otherTotal]).map { ($0.key, $0) })

    /// Matching priority: specific sub-rows first, group rows whose words they contain last.
    static let matcher = LabelMatcher(
        priority: denied + unable + notProcessed + otherSubRows
            + [partiallyGranted, granted, newReceived, carriedOver, carriedForward, otherTotal, totalProcessed],
        groups: [otherTotal.key])

    /// Every flat key `applications.<row>.<column>`, made once.
    static let flatKeys: [String: [String: String]] = {
        var out: [String: [String: String]] = [:]
        for r in rows2021 + [otherTotal] {
            out[r.key] = Dictionary(uniqueKeysWithValues: columns.map { ($0, KeyLiterals.interned("applications.\(r.key).\($0)")) })
        }
        return out
    }()

    @inline(__always)
    static func key(_ row: String, _ column: String) -> String {
        flatKeys[row]?[column] ?? "applications.\(row).\(column)"
    }

    /// Every flat key by row key, then by column index (the order of ``columns``): one hash per row.
    static let flatKeysByColumn: [String: [String]] = flatKeys.mapValues { keys in columns.map { keys[$0]! } }

    /// Result rows summed by （七）总计 (I2): with the three （六） sub-rows or the single row.
    static func resultRows(singleOther: Bool) -> [String] {
        singleOther ? resultRowsSingle : resultRowsSplit
    }

    /// ``resultRows(singleOther:)``, made once each.
    static let resultRowsSingle = makeResultRows(singleOther: true)
    static let resultRowsSplit = makeResultRows(singleOther: false)

    private static func makeResultRows(singleOther: Bool) -> [String] {
        ["granted", "partially_granted"] + denied.map(\.key) + unable.map(\.key) + notProcessed.map(\.key)
            + (singleOther ? ["other.total"] : otherSubRows.map(\.key))
    }
}
