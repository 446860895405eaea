/// Table 二 主动公开政府信息情况 in both generations: rows, their value columns, recognizing keywords.
enum ActiveDisclosureLayout {
    struct Row: Sendable {
        var spec: RowSpec
        /// Column keys of the row's values, left to right.
        package var columns: [String]
        /// Official column labels, for the codebook.
        var columnLabels: [String]
    }

    static let rules = RowSpec(key: "rules", label: "规章", keywords: ["规章"])
    static let normative = RowSpec(key: "normative_documents", label: "规范性文件", keywords: ["规范性文件"])
    static let licensing = RowSpec(key: "licensing", label: "行政许可", keywords: ["行政许可"])
    static let otherServices = RowSpec(key: "other_services", label: "其他对外管理服务事项", keywords: ["对外管理服务", "其他对外管理"])
    static let penalty = RowSpec(key: "penalty", label: "行政处罚", keywords: ["行政处罚"])
    static let coercion = RowSpec(key: "coercion", label: "行政强制", keywords: ["行政强制"])
    static let fees = RowSpec(key: "fees", label: "行政事业性收费", keywords: ["事业性收费", "行政事业性", "收费"])
    static let procurement = RowSpec(key: "procurement", label: "政府集中采购", keywords: ["集中采购", "政府采购"])

    static let rows2021: [Row] = [
        Row(spec: rules, columns: ["issued", "repealed", "in_force"], columnLabels: ["本年制发件数", "本年废止件数", "现行有效件数"]),
        Row(spec: normative, columns: ["issued", "repealed", "in_force"], columnLabels: ["本年制发件数", "本年废止件数", "现行有效件数"]),
        Row(spec: licensing, columns: ["decisions"], columnLabels: ["本年处理决定数量"]),
        Row(spec: penalty, columns: ["decisions"], columnLabels: ["本年处理决定数量"]),
        Row(spec: coercion, columns: ["decisions"], columnLabels: ["本年处理决定数量"]),
        Row(spec: fees, columns: ["amount"], columnLabels: ["本年收费金额（单位：万元）"]),
    ]

    static let rows2019: [Row] = [
        Row(spec: rules, columns: ["made", "published", "total_published"], columnLabels: ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
        Row(spec: normative, columns: ["made", "published", "total_published"], columnLabels: ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
        Row(spec: licensing, columns: ["items_prior", "change", "decisions"], columnLabels: ["上一年项目数量", "本年增/减", "处理决定数量"]),
        Row(spec: otherServices, columns: ["items_prior", "change", "decisions"], columnLabels: ["上一年项目数量", "本年增/减", "处理决定数量"]),
        Row(spec: penalty, columns: ["items_prior", "change", "decisions"], columnLabels: ["上一年项目数量", "本年增/减", "处理决定数量"]),
        Row(spec: coercion, columns: ["items_prior", "change", "decisions"], columnLabels: ["上一年项目数量", "本年增/减", "处理决定数量"]),
        Row(spec: fees, columns: ["items_prior", "change"], columnLabels: ["上一年项目数量", "本年增/减"]),
        Row(spec: procurement, columns: ["items", "amount"], columnLabels: ["采购项目数量", "采购总金额"]),
    ]

    /// The first row of each sub-table (第二十条第（一）（五）（六）（八）（九）项), in both generations.
    static let subTableFirstRows: Set<String> = [rules.key, licensing.key, penalty.key, fees.key, procurement.key]

    static func rows(_ generation: Generation) -> [Row] {
        generation == .g2019 ? rows2019 : rows2021
    }

    /// Priority: 其他对外管理服务 before 行政许可-like words; 规范性文件 before 规章.
    static func matcher(_ generation: Generation) -> LabelMatcher {
        plan(generation).matcher
    }

    private static func makeMatcher(_ rows: [Row]) -> LabelMatcher {
        let order: [RowSpec] = [otherServices, normative, rules, licensing, penalty, coercion, procurement, fees]
        let present = Set(rows.map(\.spec.key))
        return LabelMatcher(priority: order.filter { present.contains($0.key) })
    }

    /// What reading one generation's table needs, made once per process instead of per reading
    /// (the matcher's keyword masks, the flat keys of the cells).
    struct Plan: Sendable {
        var rows: [Row]
        var matcher: LabelMatcher
        /// Per spec of ``matcher``'s priority: the index of its row in ``rows``.
        var rowOfSpec: [Int]
        /// Per row: the flat key of each column, `active_disclosure.<row>.<column>`.
        var cellKeys: [[String]]
        /// Values the table holds (the sum of the rows' columns).
        var expected: Int

        init(_ rows: [Row]) {
            self.rows = rows
            matcher = makeMatcher(rows)
            rowOfSpec = matcher.priority.map { spec in rows.firstIndex { $0.spec.key == spec.key }! }
            cellKeys = rows.map { r in r.columns.map { KeyLiterals.interned("active_disclosure.\(r.spec.key).\($0)") } }
            expected = rows.reduce(0) { $0 + $1.columns.count }
        }
    }

    static let plan2019 = Plan(rows2019)
    static let plan2021 = Plan(rows2021)

    /// The plan of ``rows(_:)``'s table.
    static func plan(_ generation: Generation) -> Plan {
        generation == .g2019 ? plan2019 : plan2021
    }

    /// Every 2019 row (a superset of the 2021 ones), to find 行政许可 when no header word tells the generation.
    static let broadMatcher = LabelMatcher(priority: rows2019.map(\.spec))
    /// The index of 行政许可 in ``broadMatcher``'s priority.
    static let broadLicensing = rows2019.firstIndex { $0.spec.key == licensing.key }!

    /// Header words that tell the generation of Table 二.
    static let words2021 = ["制发件数", "废止件数", "现行有效件数", "本年收费金额"]
    static let words2019 = ["新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额", "集中采购"]
    /// The ``String/byteMask`` of each word, made once.
    static let words2021Masks = words2021.map(\.byteMask)
    static let words2019Masks = words2019.map(\.byteMask)
    /// Both generations' masks together (``ActiveDisclosureReader/holdsNoHeaderWord(_:)``).
    static let headerWordMasks = words2021Masks + words2019Masks
    /// Every header word is CJK ideographs only, as ``ActiveDisclosureReader/holdsNoHeaderWord(_:)`` needs.
    static let headerWordsAreIdeographs = (words2021 + words2019).allSatisfy { w in
        !w.isEmpty && w.unicodeScalars.allSatisfy { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
    }
}
