import Nianbao

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
        if let known = agencyIds[agencyKey] {
            id = known
        } else {
            id = Int32(agencyIds.count)
            agencyIds[agencyKey] = id
        }
        byAgencyYear[id, default: [:]][year, default: []].append(i)
        return id
    }

    /// The inputs holding a report of `agency` for `year`, in path order.
    package func reports(agency: Int32, year: Int) -> [Int] {
        byAgencyYear[agency]?[year] ?? []
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

    /// The checks and diagnostics to add to the report `current`, given the previous year's summary;
    /// `previousId` is the previous report's report id (what `Check.previous` holds).
    package static func checks(current: YearSummary, previous: YearSummary, previousId: String, ambiguous: Bool) -> (checks: [Check], diagnostics: [Diagnostic]) {
        var checks: [Check] = []
        var diagnostics: [Diagnostic] = []
        func check(_ id: String, _ lhs: DecimalNumber?, _ rhs: DecimalNumber?, _ keys: [String]) -> Check {
            let status: Check.Status = (lhs != nil && rhs != nil) ? (lhs! == rhs! ? .pass : .fail) : .notAssessable
            return Check(id: id, status: status, lhs: lhs, rhs: rhs, keys: keys, previous: previousId)
        }
        if current.hasApplications && previous.hasApplications {
            for (i, column) in YearSummary.columns.enumerated() {
                checks.append(
                    check(
                        "I5.\(column)", current.carriedOver[i], previous.carriedForward[i],
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
                let c = check(
                    "I6.\(row)", now[2], rhs,
                    [
                        "active_disclosure.\(row).in_force", "previous:active_disclosure.\(row).in_force",
                        "active_disclosure.\(row).issued", "active_disclosure.\(row).repealed",
                    ])
                checks.append(c)
                if c.status == .fail {
                    diagnostics.append(
                        Diagnostic(
                            .note, .crossYearInForceMismatch,
                            "I6.\(row): 现行有效件数 \(now[2]!) ≠ \(before[2]!) (previous year, \(previousId)) + \(now[0]!) 制发 − \(now[1]!) 废止 = \(rhs!)"))
                }
            }
        }
        if ambiguous && !checks.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .note, .crossYearAmbiguous,
                    "several reports of the same agency for the previous year; the cross-year checks use \(previousId)"))
        }
        return (checks, diagnostics)
    }
}
