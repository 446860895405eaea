/// The identities I1–I4 of the format (see annual-report-format.md), over the extracted cells.
/// A check whose inputs are not all numbers is `not_assessable`; a printed error is a `fail`, never corrected.
package struct IdentityChecker: Sendable {
    package init() {}

    package func check(_ cells: [Cell]) -> [Check] {
        var values: [String: DecimalNumber?] = [:]
        for c in cells { values[c.key] = c.value }
        guard !values.isEmpty else { return [] }
        var checks: [Check] = []

        func sum(_ id: String, total: String, parts: [String]) -> Check? {
            let keys = [total] + parts
            guard keys.contains(where: { values[$0] != nil }) else { return nil }   // the rows are absent altogether
            let t = values[total] ?? nil
            let p = parts.map { values[$0] ?? nil }
            // A sum that overflows is no number: not assessable, never a pass.
            let rhs: DecimalNumber? = p.contains(where: { $0 == nil }) ? nil : DecimalNumber.sum(p.map { $0! })
            let status: Check.Status = (t == nil || rhs == nil) ? .notAssessable : (t! == rhs! ? .pass : .fail)
            return Check(id: id, status: status, lhs: t, rhs: rhs, keys: keys)
        }

        let hasApplications = values.keys.contains { $0.hasPrefix("applications.") }
        if hasApplications {
            let splitOther = values.keys.contains { $0.hasPrefix("applications.other.") && !$0.hasPrefix("applications.other.total.") }
            let results = ApplicationsLayout.resultRows(singleOther: !splitOther)
            for col in ApplicationsLayout.columns {
                let k = { (row: String) in ApplicationsLayout.key(row, col) }
                // I1: 一 + 二 = （七）总计 + 四
                let l = [values[k("new_received")] ?? nil, values[k("carried_over")] ?? nil]
                let r = [values[k("total_processed")] ?? nil, values[k("carried_forward")] ?? nil]
                let lhs = l.contains { $0 == nil } ? nil : l[0]!.adding(l[1]!)
                let rhs = r.contains { $0 == nil } ? nil : r[0]!.adding(r[1]!)
                checks.append(Check(id: "I1.\(col)", status: lhs == nil || rhs == nil ? .notAssessable : (lhs! == rhs! ? .pass : .fail),
                                    lhs: lhs, rhs: rhs,
                                    keys: ["new_received", "carried_over", "total_processed", "carried_forward"].map(k)))
                // I2: （七）总计 = Σ result rows
                if let c = sum("I2.\(col)", total: k("total_processed"), parts: results.map(k)) { checks.append(c) }
            }
            var rowOrder = ApplicationsLayout.rows2021.map(\.key)
            rowOrder.insert("other.total", at: rowOrder.firstIndex(of: "total_processed")!)
            for row in rowOrder {
                let cols = ApplicationsLayout.columns
                let totalKey = ApplicationsLayout.key(row, "total")
                let partKeys = cols.dropLast().map { ApplicationsLayout.key(row, $0) }
                guard ([totalKey] + partKeys).contains(where: { values[$0] != nil }) else { continue }
                if let c = sum("I3.\(row)", total: totalKey, parts: partKeys) { checks.append(c) }
            }
        }
        for (b, block) in ReviewLitigationLayout.blocks.enumerated() {
            let keys = Array(ReviewLitigationLayout.keys[(b * 5)..<(b * 5 + 5)])
            if let c = sum("I4.\(block)", total: keys[4], parts: Array(keys[0..<4])) { checks.append(c) }
        }
        return checks
    }
}
