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
        let order: [RowSpec] = [otherServices, normative, rules, licensing, penalty, coercion, procurement, fees]
        let present = Set(rows(generation).map(\.spec.key))
        return LabelMatcher(priority: order.filter { present.contains($0.key) })
    }

    /// Header words that tell the generation of Table 二.
    static let words2021 = ["制发件数", "废止件数", "现行有效件数", "本年收费金额"]
    static let words2019 = ["新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额", "集中采购"]
    /// The ``String/byteMask`` of each word, made once.
    static let words2021Masks = words2021.map(\.byteMask)
    static let words2019Masks = words2019.map(\.byteMask)
}
