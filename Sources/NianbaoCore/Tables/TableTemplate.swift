/// The fixed template of one statistics table, as the token reader matches it: rows in printed
/// order with their keywords (the layouts' ``RowSpec``s, shared with the grid reader), the number
/// of values per row, and the identities inside rows and between rows.
struct TableTemplate: Sendable {
    struct Row: Sendable {
        var spec: RowSpec
        var slots: Int
    }

    var name: String
    var rows: [Row]
    /// Rows tried in this order when a label names several (specific sub-rows first).
    var priority: [RowSpec]
    /// Label pieces holding these words are column headers, not row labels.
    var headerWords: [String] = []
    var rowIdentities: [RowIdentity] = []
    var columnIdentities: [ColumnIdentity] = []

    func index(of key: String) -> Int? { rows.firstIndex { $0.spec.key == key } }

    /// Table 三, with the three （六） sub-rows or the single （六）其他处理 row: one of two
    /// templates made once (it depends on nothing but `singleOther`).
    static func applications(singleOther: Bool) -> TableTemplate {
        singleOther ? applicationsSingleOther : applications2021
    }

    private static let applicationsSingleOther = makeApplications(singleOther: true)
    private static let applications2021 = makeApplications(singleOther: false)

    private static func makeApplications(singleOther: Bool) -> TableTemplate {
        let specs = singleOther ? ApplicationsLayout.rowsSingleOther : ApplicationsLayout.rows2021
        let n = ApplicationsLayout.columns.count
        var t = TableTemplate(
            name: "Table 三", rows: specs.map { Row(spec: $0, slots: n) },
            priority: ApplicationsLayout.matcher.priority.filter { p in specs.contains { $0.key == p.key } })
        t.headerWords = ["自然人", "商业企业", "科研机构", "申请人情况", "勾稽关系", "社会公益", "法律服务机构"]
        t.rowIdentities = [RowIdentity(parts: Array(0..<(n - 1)), total: n - 1)]
        let idx = { (k: String) in t.index(of: k)! }
        t.columnIdentities = [
            ColumnIdentity(lhs: [idx("new_received"), idx("carried_over")], rhs: [idx("total_processed"), idx("carried_forward")]),
            ColumnIdentity(lhs: [idx("total_processed")], rhs: ApplicationsLayout.resultRows(singleOther: singleOther).map(idx)),
        ]
        return t
    }

    /// Table 二 of one generation.
    static func activeDisclosure(_ generation: Generation) -> TableTemplate {
        let layout = ActiveDisclosureLayout.rows(generation)
        return TableTemplate(
            name: "Table 二", rows: layout.map { Row(spec: $0.spec, slots: $0.columns.count) },
            priority: ActiveDisclosureLayout.matcher(generation).priority)
    }

    /// Table 四: one row of 15 values under a header that names the blocks.
    static let reviewLitigationSpec = RowSpec(
        key: "review_litigation", label: "行政复议、行政诉讼",
        keywords: ["结果维持", "尚未审结", "复议后起诉", "直接起诉", "行政诉讼", "行政复议", "总计"])

    static func reviewLitigation() -> TableTemplate {
        var t = TableTemplate(
            name: "Table 四", rows: [Row(spec: reviewLitigationSpec, slots: ReviewLitigationLayout.keys.count)],
            priority: [reviewLitigationSpec])
        t.rowIdentities = (0..<3).map { b in RowIdentity(parts: Array((b * 5)..<(b * 5 + 4)), total: b * 5 + 4) }
        return t
    }
}
