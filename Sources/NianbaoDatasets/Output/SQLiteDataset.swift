import Nianbao
import Foundation
import GRDB
import GRDBSQLite

/// The dataset as one SQLite file (through GRDB): tables `reports`, `cells`, `checks`,
/// `diagnostics`, `errors`, plus `codebook` and `meta`, and the view `duplicates` (one row per
/// report flagged `duplicate_report`). Built in a temporary file beside the target
/// and renamed into place by ``commit()``. Shard files merge with `ATTACH` + `INSERT … SELECT`
/// (report ids are unique across shards).
///
/// Used from one thread, except the index build of ``beginIndexingCells()``, which only goes through
/// the (serialized) database queue and reports back after ``commit()`` waited for it.
package final class SQLiteDataset: @unchecked Sendable {
    package let target: String
    let temp: String
    var queue: DatabaseQueue?
    var pending: [(SQLRows, [UInt8])] = []
    var pendingRows = 0
    private var indexing: DispatchGroup?
    private var indexError: Error?

    static let schema = """
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE reports (
            report_id TEXT PRIMARY KEY, source_path TEXT NOT NULL, sha256 TEXT, media_type TEXT, pages INTEGER,
            title TEXT, agency TEXT, agency_key TEXT, agency_level TEXT, region_code TEXT, province TEXT, city TEXT, county TEXT,
            year INTEGER, generation TEXT,
            checks_pass INTEGER, checks_fail INTEGER, checks_not_assessable INTEGER, checks_failed TEXT,
            diagnostics_error INTEGER, diagnostics_warning INTEGER, json TEXT NOT NULL);
        CREATE TABLE cells (
            report_id TEXT NOT NULL, region_code TEXT, agency_key TEXT, year INTEGER, key TEXT NOT NULL, value NUMERIC, raw TEXT, kind TEXT NOT NULL,
            line INTEGER, page INTEGER, x0 REAL, y0 REAL, x1 REAL, y1 REAL, table_index INTEGER, row INTEGER, "column" INTEGER);
        CREATE TABLE checks (
            report_id TEXT NOT NULL, id TEXT NOT NULL, status TEXT NOT NULL, lhs NUMERIC, rhs NUMERIC, keys TEXT, previous TEXT);
        CREATE TABLE diagnostics (
            report_id TEXT NOT NULL, severity TEXT NOT NULL, code TEXT NOT NULL, message TEXT, line INTEGER, page INTEGER);
        CREATE TABLE errors (
            report_id TEXT PRIMARY KEY, source_path TEXT NOT NULL, sha256 TEXT, code TEXT NOT NULL, message TEXT);
        CREATE TABLE skipped (path TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT);
        CREATE TABLE codebook (
            key TEXT PRIMARY KEY, table_name TEXT, table_label TEXT, row TEXT, row_label TEXT,
            "column" TEXT, column_label TEXT, label TEXT, type TEXT, generations TEXT, variable TEXT);
        CREATE VIEW duplicates AS
            SELECT r.agency_key, r.year, r.region_code, r.report_id, r.source_path, r.sha256, d.message
            FROM reports r JOIN diagnostics d ON d.report_id = r.report_id AND d.code = 'duplicate_report'
            ORDER BY r.agency_key, r.year, r.report_id;
        """

    package init(_ target: String) throws {
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
            try db.execute(
                sql: "INSERT INTO meta VALUES ('nianbao_version', ?), ('schema_version', ?)",
                arguments: [NianbaoVersion.string, String(Report.schemaVersion)])
            for e in Codebook.entries {
                try db.execute(
                    sql: "INSERT INTO codebook VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    arguments: [
                        e.key, e.table, e.tableLabel, e.rowKey, e.rowLabel, e.columnKey, e.columnLabel, e.label, e.valueType,
                        e.generations.joined(separator: " "), VariableName.short(e.key),
                    ])
            }
        }
        self.queue = queue
    }

    static func sqlValue(_ v: DecimalNumber?) -> SQLRows.Value {
        guard let d = v?.canonical else { return .null }
        if d.scale == 0 { return .integer(d.units) }
        return Double(d.description).map(SQLRows.Value.real) ?? .null
    }

    static func sqlValue(_ v: Int?) -> SQLRows.Value { v.map { .integer(Int64($0)) } ?? .null }

    static func text(_ s: String?) -> SQLRows.Value { s.map(SQLRows.Value.text) ?? .null }

    /// The files the batch found but did not convert.
    package func addSkipped(_ skipped: [SkippedFile]) throws {
        guard !skipped.isEmpty else { return }
        try flush()
        try queue?.write { db in
            for s in skipped { try db.execute(sql: "INSERT INTO skipped VALUES (?, ?, ?)", arguments: [s.path, s.kind, s.reason]) }
        }
    }

    package func setMeta(_ name: String, _ value: String) throws {
        try flush()
        try queue?.write { db in try db.execute(sql: "INSERT OR REPLACE INTO meta VALUES (?, ?)", arguments: [name, value]) }
    }

    package static func errorRows(reportId: String, path: String, sha256: String?, code: String, message: String) -> SQLRows {
        var out = SQLRows()
        out.append(.errors, [.text(reportId), .text(path), text(sha256), .text(code), .text(message)])
        return out
    }

    /// The rows of a report: `reports` (its `json` column is the report's compact JSON, given at insert),
    /// `cells`, `checks`, `diagnostics`.
    package static func rows(reportId: String, report r: Report, counts: CheckCounts? = nil) -> SQLRows {
        var out = SQLRows()
        let counts = counts ?? CheckCounts(report: r)
        let agencyKey = r.agency.flatMap(AgencyKey.normalize)
        out.append(
            .reports,
            [
                .text(reportId), .text(r.source.path), .text(r.source.sha256), .text(r.source.mediaType),
                sqlValue(r.source.pages), text(r.title), text(r.agency),
                text(agencyKey), text(r.agencyLevel?.rawValue), text(r.region?.code),
                text(r.region?.province), text(r.region?.city), text(r.region?.county), sqlValue(r.year), .text(r.generation.rawValue),
                .integer(Int64(counts.pass)), .integer(Int64(counts.fail)), .integer(Int64(counts.notAssessable)),
                counts.failed.isEmpty ? .null : .text(counts.failedList), .integer(Int64(counts.errors)), .integer(Int64(counts.warnings)), .reportJSON,
            ])
        for c in r.cells {
            var line: Int?, page: Int?, box: [SQLRows.Value] = [.null, .null, .null, .null], table: Int?, row: Int?, column: Int?
            switch c.at {
            case .line(let n): line = n
            case .page(let p, let b), .scan(let p, let b, _):
                page = p
                box = [b.x0, b.y0, b.x1, b.y1].map { x in Double(JSONValue.fixed1Decimal(x).description).map(SQLRows.Value.real) ?? .null }
            case .table(let t, let r, let k): (table, row, column) = (t, r, k)
            case .none: break
            }
            out.append(
                .cells,
                [
                    .text(reportId), text(r.region?.code), text(agencyKey), sqlValue(r.year), .text(c.key), sqlValue(c.value), text(c.raw), .text(c.kind.rawValue),
                    sqlValue(line), sqlValue(page), box[0], box[1], box[2], box[3],
                    sqlValue(table), sqlValue(row), sqlValue(column),
                ])
        }
        out.append(contentsOf: checkRows(reportId: reportId, checks: r.checks, diagnostics: r.diagnostics))
        return out
    }

    /// `checks` and `diagnostics` rows (also for the cross-year checks added by a batch).
    package static func checkRows(reportId: String, checks: [Check], diagnostics: [Diagnostic]) -> SQLRows {
        var out = SQLRows()
        for c in checks {
            out.append(
                .checks,
                [
                    .text(reportId), .text(c.id), .text(c.status.rawValue), sqlValue(c.lhs), sqlValue(c.rhs),
                    .text(c.keys.joined(separator: " ")), text(c.previous),
                ])
        }
        for d in diagnostics {
            var line: Int?, page: Int?
            switch d.at {
            case .line(let n): line = n
            case .page(let p, _), .scan(let p, _, _): page = p
            case .table, .none: break
            }
            out.append(
                .diagnostics,
                [
                    .text(reportId), .text(d.severity.rawValue), .text(d.code.rawValue), .text(d.message),
                    sqlValue(line), sqlValue(page),
                ])
        }
        return out
    }

    /// Queues rows for insertion; `json` is the report JSON the `reports` row refers to.
    package func add(_ rows: SQLRows, json: [UInt8] = []) throws {
        pending.append((rows, json))
        pendingRows += rows.count
        if pendingRows > 5000 { try flush() }
    }

    package func addReport(reportId: String, report r: Report) throws {
        try add(Self.rows(reportId: reportId, report: r), json: r.jsonBytes(pretty: false))
    }

    /// After the cross-year checks: reports' new check summaries and JSON (report id, counts, compact JSON).
    package func updateReports(_ updates: [(String, CheckCounts, [UInt8])]) throws {
        try flush()
        try queue?.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE reports SET checks_pass = ?, checks_fail = ?, checks_not_assessable = ?, checks_failed = ?, json = ?
                    WHERE report_id = ?
                    """)
            for (id, counts, json) in updates {
                try statement.execute(arguments: [
                    counts.pass, counts.fail, counts.notAssessable, counts.failed.isEmpty ? nil : counts.failedList,
                    String(decoding: json, as: UTF8.self), id,
                ])
            }
        }
    }

    func flush() throws {
        guard let queue, !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        pendingRows = 0
        try queue.write { db in
            var statements: [SQLRows.Table: Statement] = [:]
            for t in SQLRows.Table.allCases { statements[t] = try db.cachedStatement(sql: t.insert) }
            for (rows, json) in batch {
                try rows.forEach { table, fields in
                    let handle = statements[table]!.sqliteStatement
                    try Self.bindAndStep(handle, fields, rows: rows, json: json, db: db)
                }
            }
        }
    }

    /// Binds one row straight to the SQLite statement (no GRDB value boxing: this is the serial part of a batch).
    static func bindAndStep(_ s: SQLiteStatement, _ fields: [SQLRows.Field], rows: SQLRows, json: [UInt8], db: Database) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_reset(s)
        for (k, f) in fields.enumerated() {
            let column = Int32(k + 1)
            let rc: Int32
            switch f {
            case .null: rc = sqlite3_bind_null(s, column)
            case .integer(let i): rc = sqlite3_bind_int64(s, column, i)
            case .real(let d): rc = sqlite3_bind_double(s, column, d)
            case .text(let range):
                rc = rows.bytes.withUnsafeBufferPointer { buf in
                    sqlite3_bind_text(
                        s, column, UnsafeRawPointer(buf.baseAddress! + range.lowerBound).assumingMemoryBound(to: CChar.self),
                        Int32(range.count), transient)
                }
            case .reportJSON:
                rc = json.withUnsafeBufferPointer { buf in
                    sqlite3_bind_text(
                        s, column, UnsafeRawPointer(buf.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self),
                        Int32(buf.count), transient)
                }
            }
            guard rc == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
        }
        let rc = sqlite3_step(s)
        guard rc == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
    }

    /// Starts building the index of `cells` by key on another thread: once every cell is in, it can
    /// be built while the batch adds the cross-year checks (later writes wait for it).
    package func beginIndexingCells() throws {
        try flush()
        guard let queue, indexing == nil else { return }
        let group = DispatchGroup()
        group.enter()
        indexing = group
        Thread {
            do {
                try queue.write { try $0.execute(sql: "CREATE INDEX cells_report ON cells(report_id); CREATE INDEX cells_key ON cells(key)") }
            } catch { self.indexError = error }
            group.leave()
        }.start()
    }

    package func commit() throws {
        try flush()
        guard let queue else { return }
        // Indexes on columns in path order grow as rows come (see the schema); these are built at the end.
        if indexing == nil { try beginIndexingCells() }
        indexing?.wait()
        if let indexError { throw indexError }
        try queue.write { db in
            try db.execute(
                sql: """
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

    package func abort() {
        indexing?.wait()
        try? queue?.close()
        queue = nil
        unlink(temp)
    }
}
