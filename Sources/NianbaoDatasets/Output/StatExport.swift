import Nianbao
import Foundation

/// The `--dta` and `--sav` outputs: the wide dataset (one row per report, the columns of the wide
/// CSV) with short variable names (``VariableName``), the official Chinese labels as variable
/// labels and, with `--kinds`, a kind variable per key with the value labels of ``kindLabels``.
///
/// Stata and SPSS need every string's width and the row count before the first row, so rows are
/// kept in a scratch file (typed values, no text parsing) while the batch finishes, then written.
/// Strings longer than Stata's 2,045 bytes are cut at a character boundary (titles and paths never
/// come near it).
package final class StatExport {
    let dta: String?
    let sav: String?
    let kinds: Bool
    private let scratchPath: String
    private var scratch: FileHandle?
    private var buffer: [UInt8] = []
    private(set) var rowCount = 0
    /// Widest value (bytes) of each string variable, by variable index.
    private var widths: [Int: Int] = [:]
    let variables: [StatFile.Variable]

    static let maxStringBytes = 2045

    /// `kind` value labels: 1 number, 2 empty (blank), 3 not_applicable ("/", "-", "无"), 4 text,
    /// 5 inferred; a key the report does not have is missing.
    package static let kindLabels: [(Int32, String)] = [(1, "number"), (2, "empty"), (3, "not_applicable"), (4, "text"), (5, "inferred")]
    static let kindCodes: [Cell.Kind: Int32] = [.number: 1, .empty: 2, .notApplicable: 3, .text: 4, .inferred: 5]

    static let leadingLabels: [String: String] = [
        "report_id": "报告编号 report id", "source_path": "文件路径 source path", "sha256": "SHA-256", "media_type": "文件类型 media type",
        "pages": "页数 pages", "title": "标题 title", "agency": "机关 agency", "agency_key": "机关键 agency key",
        "agency_level": "机关层级 agency level", "region_code": "行政区划代码 GB/T 2260", "province": "省 province", "city": "市 city",
        "county": "县 county", "year": "年度 year", "generation": "格式版本 generation",
        "checks_pass": "通过的校验 checks passed", "checks_fail": "未通过的校验 checks failed",
        "checks_not_assessable": "无法判断的校验 checks not assessable", "checks_failed": "未通过的校验编号 failed check ids",
        "diagnostics_error": "错误数 errors", "diagnostics_warning": "警告数 warnings",
    ]
    static let numericLeading: Set<String> = ["pages", "year", "checks_pass", "checks_fail", "checks_not_assessable", "diagnostics_error", "diagnostics_warning"]

    /// The variables in order: the wide CSV's leading columns, one per key, (kinds), the check summary.
    package static func variables(kinds: Bool) -> [StatFile.Variable] {
        func plain(_ name: String) -> StatFile.Variable {
            StatFile.Variable(name: name, label: leadingLabels[name] ?? name, type: numericLeading.contains(name) ? .number : .string(width: 1))
        }
        var out = WideCSV.leadingColumns.map(plain)
        let tableNumbers = ["active_disclosure": "二", "applications": "三", "review_litigation": "四"]
        for e in Codebook.entries {
            out.append(StatFile.Variable(name: VariableName.short(e.key), label: label("\(tableNumbers[e.table] ?? "") \(e.label)"), type: .number))
        }
        if kinds {
            for e in Codebook.entries {
                out.append(
                    StatFile.Variable(
                        name: VariableName.kind(e.key), label: label("\(tableNumbers[e.table] ?? "") \(e.label) · kind"),
                        type: .labelled("kind", kindLabels)))
            }
        }
        // Failed inputs are not rows here, so no `error` variable.
        out += WideCSV.trailingColumns.filter { $0 != "error" }.map(plain)
        return out
    }

    /// Stata keeps 80 characters of a variable label.
    static func label(_ s: String) -> String { s.count <= 80 ? s : String(s.prefix(79)) + "…" }

    package init(dta: String?, sav: String?, kinds: Bool, scratchDirectory: String) throws {
        self.dta = dta
        self.sav = sav
        self.kinds = kinds
        variables = Self.variables(kinds: kinds)
        scratchPath = scratchDirectory + "/stat-rows-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        FileManager.default.createFile(atPath: scratchPath, contents: nil)
        guard let handle = FileHandle(forUpdatingAtPath: scratchPath) else {
            throw StatFile.WriteError(description: "\(scratchPath): cannot create a scratch file")
        }
        scratch = handle
    }

    deinit {
        try? scratch?.close()
        unlink(scratchPath)
    }

    /// The row of a report, values in ``variables`` order.
    package static func row(reportId: String, report r: Report, counts: CheckCounts, kinds: Bool) -> [StatFile.Value] {
        func text(_ s: String?) -> StatFile.Value { s.map(StatFile.Value.text) ?? .text("") }
        func number(_ i: Int?) -> StatFile.Value { i.map { .number(Double($0)) } ?? .missing }
        var row: [StatFile.Value] = [
            .text(reportId), .text(r.source.path), .text(r.source.sha256), .text(r.source.mediaType), number(r.source.pages),
            text(r.title), text(r.agency), text(r.agency.flatMap(AgencyKey.normalize)), text(r.agencyLevel?.rawValue),
            text(r.region?.code), text(r.region?.province), text(r.region?.city), text(r.region?.county), number(r.year),
            .text(r.generation.rawValue),
        ]
        var cells: [String: Cell] = [:]
        for c in r.cells { cells[c.key] = c }
        for k in Codebook.keys {
            row.append(cells[k]?.value.flatMap { Double($0.description) }.map(StatFile.Value.number) ?? .missing)
        }
        if kinds {
            for k in Codebook.keys { row.append(cells[k].flatMap { kindCodes[$0.kind] }.map(StatFile.Value.code) ?? .missing) }
        }
        row += [
            number(counts.pass), number(counts.fail), number(counts.notAssessable), .text(counts.failedList),
            number(counts.errors), number(counts.warnings),
        ]
        return row
    }

    /// Adds a report's row (in path order).
    package func add(reportId: String, report: Report, counts: CheckCounts) throws {
        let values = Self.row(reportId: reportId, report: report, counts: counts, kinds: kinds)
        for (i, v) in values.enumerated() {
            switch v {
            case .missing: buffer.append(0)
            case .number(let d):
                buffer.append(1)
                withUnsafeBytes(of: d.bitPattern.littleEndian) { buffer.append(contentsOf: $0) }
            case .code(let c):
                buffer.append(2)
                withUnsafeBytes(of: c.littleEndian) { buffer.append(contentsOf: $0) }
            case .text(let s):
                let t = Self.fit(s)
                let u = Array(t.utf8)
                widths[i] = max(widths[i] ?? 1, u.count)
                buffer.append(3)
                withUnsafeBytes(of: UInt32(u.count).littleEndian) { buffer.append(contentsOf: $0) }
                buffer += u
            }
        }
        rowCount += 1
        if buffer.count > 1 << 20 { try flush() }
    }

    static func fit(_ s: String) -> String {
        guard s.utf8.count > maxStringBytes else { return s }
        var out = String.UnicodeScalarView()
        var n = 0
        for u in s.unicodeScalars {
            let k = String(u).utf8.count
            if n + k > maxStringBytes { break }
            out.append(u)
            n += k
        }
        return String(out)
    }

    private func flush() throws {
        guard let scratch, !buffer.isEmpty else { return }
        try scratch.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the `.dta` and `.sav` files.
    package func commit() throws {
        try flush()
        precondition(buffer.isEmpty)
        var vars = variables
        for (i, v) in vars.enumerated() where v.type == .string(width: 1) { vars[i].type = .string(width: widths[i] ?? 1) }
        for (format, target) in [(StatFile.Format.dta, dta), (.sav, sav)] {
            guard let target else { continue }
            try scratch?.seek(toOffset: 0)
            let data = try scratch?.readToEnd() ?? Data()
            let bytes = [UInt8](data)
            try StatFile.write(format: format, to: target, variables: vars, rowCount: rowCount) { sink in
                var at = 0
                var row: [StatFile.Value] = []
                row.reserveCapacity(vars.count)
                func word<T: FixedWidthInteger>(_ type: T.Type) -> T {
                    var v: T = 0
                    for k in 0..<MemoryLayout<T>.size { v |= T(bytes[at + k]) << (8 * k) }
                    at += MemoryLayout<T>.size
                    return v
                }
                for _ in 0..<rowCount {
                    row.removeAll(keepingCapacity: true)
                    for _ in 0..<vars.count {
                        let tag = bytes[at]
                        at += 1
                        switch tag {
                        case 0: row.append(.missing)
                        case 1: row.append(.number(Double(bitPattern: word(UInt64.self))))
                        case 2: row.append(.code(Int32(bitPattern: word(UInt32.self))))
                        default:
                            let n = Int(word(UInt32.self))
                            row.append(.text(String(decoding: bytes[at..<(at + n)], as: UTF8.self)))
                            at += n
                        }
                    }
                    try sink(row)
                }
            }
        }
    }
}
