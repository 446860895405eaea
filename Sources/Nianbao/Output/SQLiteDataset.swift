import Foundation
import GRDB

/// The dataset as one SQLite file (through GRDB): tables `reports`, `cells`, `checks`,
/// `diagnostics`, `errors`, plus `codebook` and `meta`. Built in a temporary file beside the target
/// and renamed into place by ``commit()``. Shard files merge with `ATTACH` + `INSERT … SELECT`
/// (report ids are unique across shards).
public final class SQLiteDataset {
    public let target: String
    let temp: String
    var queue: DatabaseQueue?
    var pending: [(String, [(any DatabaseValueConvertible)?])] = []

    static let schema = """
    CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE reports (
        report_id TEXT PRIMARY KEY, source_path TEXT NOT NULL, sha256 TEXT, media_type TEXT, pages INTEGER,
        title TEXT, agency TEXT, agency_key TEXT, year INTEGER, generation TEXT,
        checks_pass INTEGER, checks_fail INTEGER, checks_not_assessable INTEGER, checks_failed TEXT,
        diagnostics_error INTEGER, diagnostics_warning INTEGER, json TEXT NOT NULL);
    CREATE TABLE cells (
        report_id TEXT NOT NULL, key TEXT NOT NULL, value NUMERIC, raw TEXT, kind TEXT NOT NULL,
        line INTEGER, page INTEGER, x0 REAL, y0 REAL, x1 REAL, y1 REAL, table_index INTEGER, row INTEGER, "column" INTEGER);
    CREATE TABLE checks (
        report_id TEXT NOT NULL, id TEXT NOT NULL, status TEXT NOT NULL, lhs NUMERIC, rhs NUMERIC, keys TEXT, previous TEXT);
    CREATE TABLE diagnostics (
        report_id TEXT NOT NULL, severity TEXT NOT NULL, code TEXT NOT NULL, message TEXT, line INTEGER, page INTEGER);
    CREATE TABLE errors (
        report_id TEXT PRIMARY KEY, source_path TEXT NOT NULL, sha256 TEXT, code TEXT NOT NULL, message TEXT);
    CREATE TABLE codebook (
        key TEXT PRIMARY KEY, table_name TEXT, table_label TEXT, row TEXT, row_label TEXT,
        "column" TEXT, column_label TEXT, label TEXT, type TEXT, generations TEXT);
    """

    public init(_ target: String) throws {
        self.target = target
        if AggregateFile.isSpecialFile(target) {
            throw AtomicFile.WriteError(description: "\(target): the SQLite output must be a regular file")
        }
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        temp = dir + "/." + url.lastPathComponent + ".nianbao-tmp-\(getpid())"
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temp + suffix) }
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        let queue = try DatabaseQueue(path: temp, configuration: config)
        try queue.write { db in
            try db.execute(sql: Self.schema)
            try db.execute(sql: "INSERT INTO meta VALUES ('nianbao_version', ?), ('schema_version', ?)",
                           arguments: [NianbaoVersion.string, String(Report.schemaVersion)])
            for e in Codebook.entries {
                try db.execute(sql: "INSERT INTO codebook VALUES (?,?,?,?,?,?,?,?,?,?)",
                               arguments: [e.key, e.table, e.tableLabel, e.rowKey, e.rowLabel, e.columnKey, e.columnLabel, e.label, e.valueType, e.generations.joined(separator: " ")])
            }
        }
        self.queue = queue
    }

    static func sqlValue(_ v: JSONValue?) -> (any DatabaseValueConvertible)? {
        switch v {
        case .none, .some(.null): return nil
        case .some(.string(let s)): return s
        case .some(.bool(let b)): return b
        case .some(let other):
            guard let d = other.decimalValue?.canonical else { return nil }
            if d.scale == 0 { return d.units }
            return Double(d.description)
        }
    }

    public func setMeta(_ name: String, _ value: String) {
        pending.append(("INSERT OR REPLACE INTO meta VALUES (?, ?)", [name, value]))
    }

    /// Rows to insert (statement, values), prepared off the writing thread.
    public struct Rows: @unchecked Sendable {
        var rows: [(String, [(any DatabaseValueConvertible)?])] = []
        public init() {}
    }

    public func add(_ rows: [(String, [(any DatabaseValueConvertible)?])]) throws {
        pending += rows
        if pending.count > 5000 { try flush() }
    }

    public func addReport(reportId: String, report r: JSONValue) throws {
        try add(Self.rows(reportId: reportId, report: r).rows)
    }

    public func addError(reportId: String, path: String, sha256: String?, code: String, message: String) throws {
        try add(Self.errorRows(reportId: reportId, path: path, sha256: sha256, code: code, message: message).rows)
    }

    public static func errorRows(reportId: String, path: String, sha256: String?, code: String, message: String) -> Rows {
        var out = Rows()
        out.rows.append(("INSERT INTO errors VALUES (?,?,?,?,?)", [reportId, path, sha256, code, message]))
        return out
    }

    public static func rows(reportId: String, report r: JSONValue) -> Rows {
        var pending: [(String, [(any DatabaseValueConvertible)?])] = []
        let wide = WideCSV.row(reportId: reportId, report: r)
        let meta = r["report"], source = r["source"]
        let trailing = Array(wide.suffix(WideCSV.trailingColumns.count))
        let json = String(decoding: r.serialized(pretty: false), as: UTF8.self)
        pending.append(("INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
            reportId, source?["path"]?.stringValue ?? "", source?["sha256"]?.stringValue, source?["media_type"]?.stringValue,
            Self.sqlValue(source?["pages"]), meta?["title"]?.stringValue, meta?["agency"]?.stringValue,
            meta?["agency"]?.stringValue.flatMap(AgencyKey.normalize), Self.sqlValue(meta?["year"]), meta?["generation"]?.stringValue,
            Int(trailing[0]), Int(trailing[1]), Int(trailing[2]), trailing[3].isEmpty ? nil : trailing[3], Int(trailing[4]), Int(trailing[5]), json,
        ]))
        for c in r["cells"]?.arrayValue ?? [] {
            let at = c["at"]
            let box = at?["box"]?.arrayValue ?? []
            func b(_ i: Int) -> (any DatabaseValueConvertible)? { box.count == 4 ? box[i].decimalValue.flatMap { Double($0.description) } : nil }
            pending.append(("INSERT INTO cells VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
                reportId, c["key"]?.stringValue ?? "", Self.sqlValue(c["value"]), c["raw"]?.stringValue, c["kind"]?.stringValue ?? "",
                Self.sqlValue(at?["line"]), Self.sqlValue(at?["page"]), b(0), b(1), b(2), b(3),
                Self.sqlValue(at?["table"]), Self.sqlValue(at?["row"]), Self.sqlValue(at?["column"]),
            ]))
        }
        for c in r["checks"]?.arrayValue ?? [] {
            let keys = (c["keys"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " ")
            pending.append(("INSERT INTO checks VALUES (?,?,?,?,?,?,?)", [
                reportId, c["id"]?.stringValue ?? "", c["status"]?.stringValue ?? "", Self.sqlValue(c["lhs"]), Self.sqlValue(c["rhs"]),
                keys, c["previous"]?.stringValue,
            ]))
        }
        for d in r["diagnostics"]?.arrayValue ?? [] {
            let at = d["at"]
            pending.append(("INSERT INTO diagnostics VALUES (?,?,?,?,?,?)", [
                reportId, d["severity"]?.stringValue ?? "", d["code"]?.stringValue ?? "", d["message"]?.stringValue,
                Self.sqlValue(at?["line"]), Self.sqlValue(at?["page"]),
            ]))
        }
        var out = Rows()
        out.rows = pending
        return out
    }

    func flush() throws {
        guard let queue, !pending.isEmpty else { return }
        let rows = pending
        pending.removeAll(keepingCapacity: true)
        try queue.write { db in
            for (sql, values) in rows {
                try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
            }
        }
    }

    public func commit() throws {
        try flush()
        guard let queue else { return }
        try queue.write { db in
            try db.execute(sql: """
                CREATE INDEX cells_report ON cells(report_id);
                CREATE INDEX cells_key ON cells(key);
                CREATE INDEX checks_report ON checks(report_id);
                CREATE INDEX diagnostics_report ON diagnostics(report_id);
                CREATE INDEX reports_agency_year ON reports(agency_key, year);
                """)
        }
        try queue.close()
        self.queue = nil
        let fd = open(temp, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
        guard rename(temp, target) == 0 else {
            throw AtomicFile.WriteError(description: "\(target): \(String(cString: strerror(errno)))")
        }
    }

    public func abort() {
        try? queue?.close()
        queue = nil
        unlink(temp)
    }
}
