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
              let ru = arr("rules", 3), let no = arr("normative", 3) else { return nil }
        agencyKey = j["agency_key"]?.stringValue
        year = j["year"]?.intValue
        generation = j["generation"]?.stringValue ?? "unknown"
        carriedOver = co; carriedForward = cf; rules = ru; normative = no
        hasApplications = j["has_applications"] == .bool(true)
        hasActive2021 = j["has_active_2021"] == .bool(true)
    }
}

/// Cross-year checks over the summaries of a batch: I5 (Table 三 二、上年结转 (t) = 四、结转下年度继续办理 (t−1),
/// per column) and I6 (现行有效件数 (t) = 现行有效件数 (t−1) + 本年制发件数 (t) − 本年废止件数 (t), for 规章 and
/// 行政规范性文件, both years of the 2021 generation; soft: a failure is also a note).
package struct CrossYearIndex: Sendable {
    /// agency id → year → input indices (path order after ``sort()``).
    var byAgencyYear: [Int32: [Int: [Int]]] = [:]
    /// Agency keys, interned: the batch keeps an id and a year per input, not the key.
    var agencyIds: [String: Int32] = [:]

    package init() {}

    /// Records that input `i` is the report of `agencyKey` for `year`; returns the agency's id.
    @discardableResult
    package mutating func add(_ i: Int, agencyKey: String, year: Int) -> Int32 {
        let id: Int32
        if let known = agencyIds[agencyKey] { id = known } else {
            id = Int32(agencyIds.count)
            agencyIds[agencyKey] = id
        }
        byAgencyYear[id, default: [:]][year, default: []].append(i)
        return id
    }

    /// Puts the inputs of each agency and year in path order (after adding in any order).
    package mutating func sort() {
        for k in byAgencyYear.keys {
            for y in byAgencyYear[k]!.keys { byAgencyYear[k]![y]!.sort() }
        }
    }

    /// The input holding the previous year's report of the same agency, and whether several did.
    package func previous(agency: Int32, year: Int) -> (index: Int, ambiguous: Bool)? {
        guard let list = byAgencyYear[agency]?[year - 1], let first = list.first else { return nil }
        return (first, list.count > 1)
    }

    /// The checks and diagnostics to add to the report `current`, given the previous year's summary.
    package static func checks(current: YearSummary, previous: YearSummary, previousPath: String, ambiguous: Bool) -> (checks: [Check], diagnostics: [Diagnostic]) {
        var checks: [Check] = []
        var diagnostics: [Diagnostic] = []
        func check(_ id: String, _ lhs: DecimalNumber?, _ rhs: DecimalNumber?, _ keys: [String]) -> Check {
            let status: Check.Status = (lhs != nil && rhs != nil) ? (lhs! == rhs! ? .pass : .fail) : .notAssessable
            return Check(id: id, status: status, lhs: lhs, rhs: rhs, keys: keys, previous: previousPath)
        }
        if current.hasApplications && previous.hasApplications {
            for (i, column) in YearSummary.columns.enumerated() {
                checks.append(check("I5.\(column)", current.carriedOver[i], previous.carriedForward[i],
                                    ["applications.carried_over.\(column)", "previous:applications.carried_forward.\(column)"]))
            }
        }
        if current.hasActive2021 && previous.hasActive2021 {
            for (row, now, before) in [("rules", current.rules, previous.rules), ("normative_documents", current.normative, previous.normative)] {
                var rhs: DecimalNumber? = nil
                if let p = before[2], let issued = now[0], let repealed = now[1], repealed.units != .min {
                    // Overflow: no number, so not assessable (never a pass).
                    rhs = p.adding(issued)?.adding(DecimalNumber(units: -repealed.units, scale: repealed.scale))
                }
                let c = check("I6.\(row)", now[2], rhs,
                              ["active_disclosure.\(row).in_force", "previous:active_disclosure.\(row).in_force",
                               "active_disclosure.\(row).issued", "active_disclosure.\(row).repealed"])
                checks.append(c)
                if c.status == .fail {
                    diagnostics.append(Diagnostic(.note, .crossYearInForceMismatch,
                        "I6.\(row): 现行有效件数 \(now[2]!) ≠ \(before[2]!) (previous year, \(previousPath)) + \(now[0]!) 制发 − \(now[1]!) 废止 = \(rhs!)"))
                }
            }
        }
        if ambiguous && !checks.isEmpty {
            diagnostics.append(Diagnostic(.note, .crossYearAmbiguous,
                "several reports of the same agency for the previous year; the cross-year checks use \(previousPath)"))
        }
        return (checks, diagnostics)
    }
}
