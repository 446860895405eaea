/// The flat keys a report of a generation has, so that `tables` shows null for a value the source lacks.
enum ExpectedKeys {
    static func keys(for report: Report) -> [String] {
        switch report.generation {
        case .legacy, .unknown: return report.cells.map(\.key)
        case .g2019, .g2021:
            let activeRows = ActiveDisclosureLayout.rows(report.generation)
            let splitOther = report.cells.contains { $0.key.hasPrefix("applications.other.") && !$0.key.hasPrefix("applications.other.total.") }
                || (report.generation == .g2021 && !report.cells.contains { $0.key.hasPrefix("applications.other.total.") })
            let appRows = splitOther ? ApplicationsLayout.rows2021 : ApplicationsLayout.rowsSingleOther
            return activeRows.flatMap { r in r.columns.map { "active_disclosure.\(r.spec.key).\($0)" } }
                + appRows.flatMap { r in ApplicationsLayout.columns.map { "applications.\(r.key).\($0)" } }
                + ReviewLitigationLayout.keys
        }
    }
}
