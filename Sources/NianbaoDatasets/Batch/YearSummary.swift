import Nianbao

/// The few numbers of one report the cross-year checks I5 and I6 need, kept in the report's state
/// entry (the batch holds only an agency id and a year per input until the checks are made).
package struct YearSummary: Sendable, Hashable {
    package var agencyKey: String?
    package var year: Int?
    package var generation: String
    /// Table 三 二、上年结转 and 四、结转下年度继续办理, per column (nil: blank or absent).
    package var carriedOver: [DecimalNumber?]
    package var carriedForward: [DecimalNumber?]
    package var hasApplications: Bool
    /// Table 二 (2021): issued, repealed, in_force for 规章 and 行政规范性文件.
    package var rules: [DecimalNumber?]
    package var normative: [DecimalNumber?]
    package var hasActive2021: Bool

    package static let columns = ApplicationsLayout.columns
    static let activeColumns = ["issued", "repealed", "in_force"]

    package init(report r: Report) {
        agencyKey = r.agency.flatMap(AgencyKey.normalize)
        year = r.year
        generation = r.generation.rawValue
        var values: [String: DecimalNumber?] = [:]
        for c in r.cells { values[c.key] = c.value }
        func get(_ k: String) -> DecimalNumber? { values[k] ?? nil }
        carriedOver = Self.columns.map { get("applications.carried_over.\($0)") }
        carriedForward = Self.columns.map { get("applications.carried_forward.\($0)") }
        hasApplications = values.keys.contains { $0.hasPrefix("applications.carried_over.") || $0.hasPrefix("applications.carried_forward.") }
        rules = Self.activeColumns.map { get("active_disclosure.rules.\($0)") }
        normative = Self.activeColumns.map { get("active_disclosure.normative_documents.\($0)") }
        hasActive2021 = r.generation == .g2021 && values.keys.contains { $0.hasPrefix("active_disclosure.rules.") || $0.hasPrefix("active_disclosure.normative_documents.") }
    }

    // A compact JSON form, kept in the state file's header line.
    var json: JSONValue {
        func arr(_ a: [DecimalNumber?]) -> JSONValue { .array(a.map { $0.map(JSONValue.number) ?? .null }) }
        return .object([
            "agency_key": agencyKey.map(JSONValue.string) ?? .null,
            "year": year.map(JSONValue.int) ?? .null,
            "generation": .string(generation),
            "carried_over": arr(carriedOver), "carried_forward": arr(carriedForward),
            "has_applications": .bool(hasApplications),
            "rules": arr(rules), "normative": arr(normative),
            "has_active_2021": .bool(hasActive2021),
        ])
    }

    init?(json j: JSONValue) {
        guard j.objectMembers != nil else { return nil }
        func arr(_ k: String, _ n: Int) -> [DecimalNumber?]? {
            guard let a = j[k]?.arrayValue, a.count == n else { return nil }
            return a.map { $0.decimalValue }
        }
        guard let co = arr("carried_over", 7), let cf = arr("carried_forward", 7),
            let ru = arr("rules", 3), let no = arr("normative", 3)
        else { return nil }
        agencyKey = j["agency_key"]?.stringValue
        year = j["year"]?.intValue
        generation = j["generation"]?.stringValue ?? "unknown"
        carriedOver = co; carriedForward = cf; rules = ru; normative = no
        hasApplications = j["has_applications"] == .bool(true)
        hasActive2021 = j["has_active_2021"] == .bool(true)
    }
}
