import Nianbao

/// Plain text of a value for a CSV cell: numbers as their exact literal, null as empty.
func csvText(_ v: DecimalNumber?) -> String { v?.description ?? "" }
func csvText(_ v: Int?) -> String { v.map(String.init) ?? "" }

/// The wide CSV: one row per report, one column per flat key of the codebook.
package enum WideCSV {
    package static let leadingColumns = [
        "report_id", "source_path", "sha256", "media_type", "pages", "title", "agency", "agency_key",
        "agency_level", "region_code", "province", "city", "county", "year", "generation",
    ]
    package static let trailingColumns = ["checks_pass", "checks_fail", "checks_not_assessable", "checks_failed", "diagnostics_error", "diagnostics_warning", "error"]

    package static var header: [String] { header(kinds: false) }

    /// With `kinds`, a column `<key>.kind` per key after the values: the cell's kind (`number`,
    /// `empty` for a blank, `not_applicable` for "/" "-" "无", `text`, `inferred`), empty when the
    /// report has no such cell.
    package static func header(kinds: Bool) -> [String] {
        leadingColumns + Codebook.keys + (kinds ? Codebook.keys.map { $0 + ".kind" } : []) + trailingColumns
    }

    /// The kind columns of a report.
    package static func kinds(report r: Report) -> [String] {
        var kinds: [String: String] = [:]
        for c in r.cells { kinds[c.key] = c.kind.rawValue }
        return Codebook.keys.map { kinds[$0] ?? "" }
    }

    /// The row of a failed input: its id, path and SHA-256, empty values, and its error code.
    package static func errorRow(reportId: String, path: String, sha256: String?, code: String, kinds: Bool) -> [String] {
        var row = [reportId, path, sha256 ?? ""]
        row += Array(repeating: "", count: header(kinds: kinds).count - 4)
        row.append(code)
        return row
    }

    /// The row without the check summary (``trailingColumns``), which the cross-year checks change.
    package static func leading(reportId: String, report r: Report) -> [String] {
        var values: [String: String] = [:]
        for c in r.cells { values[c.key] = csvText(c.value) }
        var row = [
            reportId, r.source.path, r.source.sha256, r.source.mediaType, csvText(r.source.pages),
            r.title ?? "", r.agency ?? "", r.agency.flatMap(AgencyKey.normalize) ?? "",
            r.agencyLevel?.rawValue ?? "", r.region?.code ?? "", r.region?.province ?? "", r.region?.city ?? "", r.region?.county ?? "",
            csvText(r.year), r.generation.rawValue,
        ]
        row.reserveCapacity(header.count)
        for k in Codebook.keys { row.append(values[k] ?? "") }
        return row
    }
}
