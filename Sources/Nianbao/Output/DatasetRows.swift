/// CSV fields as pandas, R (`read.csv`), Stata (`import delimited`) and Excel read them without
/// options: comma separated, `\n` line ends, a field quoted only when it holds a comma, a quote, a
/// line break or leading/trailing spaces (so numbers are never quoted), empty for null.
public enum CSV {
    public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func field(_ s: String) -> String {
        var needsQuotes = false
        for u in s.utf8 where u == 0x2C || u == 0x22 || u == 0x0A || u == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes, let f = s.unicodeScalars.first, let l = s.unicodeScalars.last,
           f == " " || l == " " || f == "\t" || l == "\t" { needsQuotes = true }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}

/// Plain text of a JSON scalar for a CSV cell: numbers as their exact literal, null as empty.
func csvText(_ v: JSONValue?) -> String {
    switch v {
    case .none, .some(.null): return ""
    case .some(.string(let s)): return s
    case .some(.bool(let b)): return b ? "true" : "false"
    case .some(let other):
        if let d = other.decimalValue { return d.description }
        return String(decoding: other.serialized(pretty: false), as: UTF8.self)
    }
}

/// The wide CSV: one row per report, one column per flat key of the codebook.
public enum WideCSV {
    public static let leadingColumns = ["report_id", "source_path", "sha256", "media_type", "pages", "title", "agency", "agency_key", "year", "generation"]
    public static let trailingColumns = ["checks_pass", "checks_fail", "checks_not_assessable", "checks_failed", "diagnostics_error", "diagnostics_warning"]

    public static var header: [String] { leadingColumns + Codebook.keys + trailingColumns }

    public static func row(reportId: String, report r: JSONValue) -> [String] {
        let source = r["source"], meta = r["report"]
        var values: [String: String] = [:]
        for c in r["cells"]?.arrayValue ?? [] {
            if let k = c["key"]?.stringValue { values[k] = csvText(c["value"]) }
        }
        var pass = 0, fail = 0, na = 0
        var failed: [String] = []
        for c in r["checks"]?.arrayValue ?? [] {
            switch c["status"]?.stringValue {
            case "pass": pass += 1
            case "fail": fail += 1; failed.append(c["id"]?.stringValue ?? "")
            default: na += 1
            }
        }
        var errors = 0, warnings = 0
        for d in r["diagnostics"]?.arrayValue ?? [] {
            switch d["severity"]?.stringValue {
            case "error": errors += 1
            case "warning": warnings += 1
            default: break
            }
        }
        let agency = meta?["agency"]?.stringValue
        var row = [
            reportId, csvText(source?["path"]), csvText(source?["sha256"]), csvText(source?["media_type"]), csvText(source?["pages"]),
            csvText(meta?["title"]), agency ?? "", agency.flatMap(AgencyKey.normalize) ?? "", csvText(meta?["year"]), csvText(meta?["generation"]),
        ]
        row.reserveCapacity(header.count)
        for k in Codebook.keys { row.append(values[k] ?? "") }
        row += [String(pass), String(fail), String(na), failed.joined(separator: ";"), String(errors), String(warnings)]
        return row
    }
}

/// The long CSV: one row per cell.
public enum LongCSV {
    public static let header = ["report_id", "key", "value", "raw", "kind", "line", "page", "x0", "y0", "x1", "y1", "table", "row", "column"]

    public static func rows(reportId: String, report r: JSONValue) -> [[String]] {
        (r["cells"]?.arrayValue ?? []).map { c in
            let at = c["at"]
            let box = at?["box"]?.arrayValue ?? []
            return [
                reportId, csvText(c["key"]), csvText(c["value"]), csvText(c["raw"]), csvText(c["kind"]),
                csvText(at?["line"]), csvText(at?["page"]),
                box.count == 4 ? csvText(box[0]) : "", box.count == 4 ? csvText(box[1]) : "",
                box.count == 4 ? csvText(box[2]) : "", box.count == 4 ? csvText(box[3]) : "",
                csvText(at?["table"]), csvText(at?["row"]), csvText(at?["column"]),
            ]
        }
    }
}
