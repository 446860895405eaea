import Nianbao

/// The long CSV: one row per cell.
package enum LongCSV {
    package static let header = ["report_id", "region_code", "agency_key", "year", "key", "value", "raw", "kind", "line", "page", "x0", "y0", "x1", "y1", "table", "row", "column"]

    /// The rows of a report's cells, as CSV text.
    package static func text(reportId: String, report r: Report) -> [UInt8] {
        var w = CSVWriter(capacity: r.cells.count * 128)
        let agencyKey = r.agency.flatMap(AgencyKey.normalize) ?? "", region = r.region?.code ?? "", year = csvText(r.year)
        for c in r.cells {
            w.field(reportId)
            w.field(region); w.field(agencyKey); w.field(year)
            for v in [c.key, csvText(c.value), c.raw ?? "", c.kind.rawValue] { w.field(v) }
            var line: Int?, page: Int?, box: [String] = ["", "", "", ""], table: Int?, row: Int?, column: Int?
            switch c.at {
            case .line(let n): line = n
            case .page(let p, let b), .scan(let p, let b, _):
                page = p
                box = [b.x0, b.y0, b.x1, b.y1].map { JSONValue.fixed1Decimal($0).description }
            case .table(let t, let r, let k): (table, row, column) = (t, r, k)
            case .none: break
            }
            w.field(csvText(line)); w.field(csvText(page))
            for b in box { w.field(b) }
            for v in [table, row, column] { w.field(csvText(v)) }
            w.endLine()
        }
        return w.bytes
    }
}
