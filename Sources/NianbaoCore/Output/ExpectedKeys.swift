/// The flat keys a report of a generation has, so that `tables` shows null for a value the source lacks.
package enum ExpectedKeys {
    package static func keys(for report: Report) -> [String] {
        if let v = variant(for: report) { return variants[v] }
        return report.cells.map(\.key)
    }

    /// The index in ``variants`` of the report's keys (nil: legacy or unknown generation, whose
    /// expected keys are its cells' keys).
    package static func variant(for report: Report) -> Int? {
        switch report.generation {
        case .legacy, .unknown: return nil
        case .g2019, .g2021:
            // One pass over the keys, on their bytes (KeyBytes.hasPrefix answers as hasPrefix),
            // the cells read in the array's storage (not copied out, their keys not retained).
            var otherPart = false
            var otherTotal = false
            report.cells.withUnsafeBufferPointer { cells in
                for i in cells.indices {
                    guard KeyBytes.hasPrefix(cells[i].key, "applications.other.") else { continue }
                    if KeyBytes.hasPrefix(cells[i].key, "applications.other.total.") {
                        otherTotal = true
                    } else {
                        // A part row decides `splitOther`: the rest cannot change it.
                        otherPart = true
                        break
                    }
                }
            }
            let splitOther = otherPart || (report.generation == .g2021 && !otherTotal)
            return report.generation == .g2019 ? (splitOther ? 1 : 0) : (splitOther ? 3 : 2)
        }
    }

    /// The four variants (2019/2021 Table 二 × single/split （六）), built once.
    static let variants: [[String]] = [(Generation.g2019, false), (.g2019, true), (.g2021, false), (.g2021, true)].map { g, split in
        let appRows = split ? ApplicationsLayout.rows2021 : ApplicationsLayout.rowsSingleOther
        return ActiveDisclosureLayout.plan(g).cellKeys.flatMap { $0 }
            + appRows.flatMap { r in ApplicationsLayout.columns.map { ApplicationsLayout.key(r.key, $0) } }
            + ReviewLitigationLayout.keys
    }
}
