import Nianbao
/// CSV fields as pandas, R (`read.csv`), Stata (`import delimited`) and Excel read them without
/// options: comma separated, `\n` line ends, a field quoted only when it holds a comma, a quote, a
/// line break or leading/trailing spaces (so numbers are never quoted), empty for null.
package enum CSV {
    package static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    package static func field(_ s: String) -> String {
        var w = CSVWriter()
        w.field(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    package static func line(_ fields: [String]) -> String {
        var w = CSVWriter()
        for f in fields { w.field(f) }
        w.endLine()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

/// CSV written straight into bytes: the quoting rule of ``CSV`` lives here.
package struct CSVWriter {
    package var bytes: [UInt8] = []
    private var atLineStart = true

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func field(_ s: String) {
        if !atLineStart { bytes.append(0x2C) }
        atLineStart = false
        var s = s
        s.withUTF8 { u in
            guard !u.isEmpty else { return }
            var quote = u.first == 0x20 || u.first == 0x09 || u.last == 0x20 || u.last == 0x09
            if !quote { for b in u where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { quote = true; break } }
            guard quote else { bytes.append(contentsOf: u); return }
            bytes.append(0x22)
            for b in u {
                if b == 0x22 { bytes.append(0x22) }
                bytes.append(b)
            }
            bytes.append(0x22)
        }
    }

    package mutating func endLine() {
        bytes.append(0x0A)
        atLineStart = true
    }
}

/// Plain text of a value for a CSV cell: numbers as their exact literal, null as empty.
func csvText(_ v: DecimalNumber?) -> String { v?.description ?? "" }
func csvText(_ v: Int?) -> String { v.map(String.init) ?? "" }

/// The wide CSV: one row per report, one column per flat key of the codebook.
package enum WideCSV {
    package static let leadingColumns = ["report_id", "source_path", "sha256", "media_type", "pages", "title", "agency", "agency_key", "year", "generation"]
    package static let trailingColumns = ["checks_pass", "checks_fail", "checks_not_assessable", "checks_failed", "diagnostics_error", "diagnostics_warning"]

    package static var header: [String] { leadingColumns + Codebook.keys + trailingColumns }

    /// The row without the check summary (``trailingColumns``), which the cross-year checks change.
    package static func leading(reportId: String, report r: Report) -> [String] {
        var values: [String: String] = [:]
        for c in r.cells { values[c.key] = csvText(c.value) }
        var row = [
            reportId, r.source.path, r.source.sha256, r.source.mediaType, csvText(r.source.pages),
            r.title ?? "", r.agency ?? "", r.agency.flatMap(AgencyKey.normalize) ?? "", csvText(r.year), r.generation.rawValue,
        ]
        row.reserveCapacity(header.count)
        for k in Codebook.keys { row.append(values[k] ?? "") }
        return row
    }
}

/// The check summary of a report (the trailing columns of the wide CSV and of SQLite `reports`).
package struct CheckCounts: Sendable, Equatable {
    package var pass = 0, fail = 0, notAssessable = 0
    /// Ids of the failed checks, in report order.
    package var failed: [String] = []
    package var errors = 0, warnings = 0

    package init() {}

    package init(report r: Report) {
        add(checks: r.checks, diagnostics: r.diagnostics)
    }

    package mutating func add(checks: [Check], diagnostics: [Diagnostic]) {
        for c in checks {
            switch c.status {
            case .pass: pass += 1
            case .fail: fail += 1; failed.append(c.id)
            case .notAssessable: notAssessable += 1
            }
        }
        for d in diagnostics {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: break
            }
        }
    }

    package var failedList: String { failed.joined(separator: ";") }

    /// Values of ``WideCSV/trailingColumns``.
    package var fields: [String] {
        [String(pass), String(fail), String(notAssessable), failedList, String(errors), String(warnings)]
    }

    var json: JSONValue {
        .fields(["pass": .int(pass), "fail": .int(fail), "not_assessable": .int(notAssessable),
                 "failed": .array(failed.map(JSONValue.string)), "errors": .int(errors), "warnings": .int(warnings)])
    }

    init?(json j: JSONValue?) {
        guard let j, let p = j["pass"]?.intValue, let f = j["fail"]?.intValue, let n = j["not_assessable"]?.intValue,
              let e = j["errors"]?.intValue, let w = j["warnings"]?.intValue, let list = j["failed"]?.arrayValue else { return nil }
        pass = p; fail = f; notAssessable = n; errors = e; warnings = w
        failed = list.compactMap(\.stringValue)
    }
}

/// The long CSV: one row per cell.
package enum LongCSV {
    package static let header = ["report_id", "key", "value", "raw", "kind", "line", "page", "x0", "y0", "x1", "y1", "table", "row", "column"]

    /// The rows of a report's cells, as CSV text.
    package static func text(reportId: String, report r: Report) -> [UInt8] {
        var w = CSVWriter(capacity: r.cells.count * 96)
        for c in r.cells {
            w.field(reportId)
            for v in [c.key, csvText(c.value), c.raw ?? "", c.kind.rawValue] { w.field(v) }
            var line: Int?, page: Int?, box: [String] = ["", "", "", ""], table: Int?, row: Int?, column: Int?
            switch c.at {
            case .line(let n): line = n
            case .page(let p, let b):
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
