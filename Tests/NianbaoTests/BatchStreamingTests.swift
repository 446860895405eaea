import Foundation
import GRDB
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// The pieces that let a batch write its outputs while converting: byte-level JSON edits instead of a
/// second parse, SQLite rows kept as bytes, state entries with prepared parts, and cross-year checks
/// applied after streaming.
@Suite struct BatchStreamingTests {
    static func corpusReports() throws -> [JSONValue] {
        let dir = BatchFixture.packageRoot + "/Corpus"
        var out: [JSONValue] = []
        for sub in ["text", "html", "pdf"] {
            for f in try FileManager.default.contentsOfDirectory(atPath: dir + "/" + sub).sorted() where f.hasSuffix(".expected.json") {
                out.append(try JSONParser.parse(Array(FileManager.default.contents(atPath: dir + "/" + sub + "/" + f)!)))
            }
        }
        return out
    }

    @Test func prettyFromCompactEqualsTheIndentedWriter() throws {
        let reports = try Self.corpusReports()
        #expect(reports.count >= 30)
        for r in reports {
            #expect(CompactJSON.pretty(r.serialized(pretty: false)) == r.serialized(pretty: true))
        }
        let tricky: JSONValue = .object([
            "a": .array([]), "b": .object([:]), "c": .string("{[,:]} \"quoted\" \\ back\\slash\n"),
            "d": .array([.array([]), .object(["x": .null, "y": .array([.int(1), .number(DecimalNumber(units: -250, scale: 2))])])]),
            "e": .string(""), "f": .string("\\"),
        ])
        #expect(CompactJSON.pretty(tricky.serialized(pretty: false)) == tricky.serialized(pretty: true))
        #expect(CompactJSON.pretty(JSONValue.array([]).serialized(pretty: false)) == JSONValue.array([]).serialized(pretty: true))
    }

    /// The reference the splice is compared with: the arrays extended in a parsed JSON tree.
    static func inject(into report: JSONValue, checks: [JSONValue], diagnostics: [JSONValue]) -> JSONValue {
        guard var members = report.objectMembers, !(checks.isEmpty && diagnostics.isEmpty) else { return report }
        members["checks"] = .array((members["checks"]?.arrayValue ?? []) + checks)
        members["diagnostics"] = .array((members["diagnostics"]?.arrayValue ?? []) + diagnostics)
        return .object(members)
    }

    @Test func appendingChecksEqualsInjectingThem() throws {
        let checks: [JSONValue] = [
            .object([
                "id": .string("I5.total"), "status": .string("fail"), "lhs": .int(1), "rhs": .int(2),
                "keys": .array([.string("applications.carried_over.total")]), "previous": .string("a/\"2022\",[x].txt"),
            ]),
            .object(["id": .string("I6.rules"), "status": .string("pass"), "lhs": .null, "rhs": .null, "keys": .array([]), "previous": .string("b")]),
        ]
        let notes: [JSONValue] = [.object(["severity": .string("note"), "code": .string("cross_year_ambiguous"), "message": .string("m"), "at": .null])]
        func append(_ r: JSONValue, _ c: [JSONValue], _ d: [JSONValue]) -> [UInt8]? {
            CompactJSON.appending(
                [
                    (key: "checks", items: c.map { $0.serialized(pretty: false) }),
                    (key: "diagnostics", items: d.map { $0.serialized(pretty: false) }),
                ], to: r.serialized(pretty: false))
        }
        for r in try Self.corpusReports() {
            #expect(append(r, checks, notes) == Self.inject(into: r, checks: checks, diagnostics: notes).serialized(pretty: false))
            #expect(append(r, checks, []) == Self.inject(into: r, checks: checks, diagnostics: []).serialized(pretty: false))
        }
        // Empty arrays, a key that only looks like "checks" inside a string or a nested object.
        let small: JSONValue = .object([
            "checks": .array([]), "diagnostics": .array([]),
            "a": .object(["checks": .array([.int(9)])]), "b": .string(#""checks":["#),
        ])
        #expect(append(small, checks, notes) == Self.inject(into: small, checks: checks, diagnostics: notes).serialized(pretty: false))
        #expect(append(.object(["a": .int(1)]), checks, []) == nil)
        #expect(append(.object(["checks": .int(1)]), checks, []) == nil)
    }

    @Test func sqlRowsRoundTripAndRefuseDamage() throws {
        var rows = SQLRows()
        rows.append(.checks, [.text("r/1.txt"), .text("I1"), .text("pass"), .integer(-42), .real(7730.28), .text(""), .null])
        rows.append(.errors, [.text("中文"), .text("p"), .null, .text("empty"), .reportJSON])
        var seen: [(SQLRows.Table, Int)] = []
        try rows.forEach { table, fields in
            seen.append((table, fields.count))
            if table == .checks {
                guard case .integer(-42) = fields[3], case .real(7730.28) = fields[4], case .text(let r) = fields[0], case .null = fields[6] else {
                    Issue.record("fields \(fields)"); return
                }
                #expect(String(decoding: rows.bytes[r], as: UTF8.self) == "r/1.txt")
            }
        }
        #expect(seen.map(\.0) == [.checks, .errors] && seen.map(\.1) == [7, 5])
        #expect(SQLRows(bytes: rows.bytes) == rows)
        #expect(SQLRows(bytes: Array(rows.bytes.dropLast(3))) == nil)
        #expect(SQLRows(bytes: [9, 1, 0]) == nil)
    }

    @Test func stateEntriesRoundTripAndRefuseTruncation() throws {
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: BatchFixture.corpusText + "/t01-2021-tabs.txt")))
        let sha = ContentHash.sha256Hex(bytes)
        let report = try ReportExtractor().extract(bytes: bytes, path: "x/t01.txt")
        let entry = BatchConversion.convert(
            BatchInput(path: "x/t01.txt", id: "t01.txt"), bytes: bytes, sha256: sha,
            options: ExtractOptions(), parts: [.wide, .long, .sql, .wideKinds])
        #expect(Set(entry.parts.keys) == Set(StateEntry.Part.allCases))
        #expect(entry.parts[StateEntry.Part.json] == ReportExtractor.json(report, pretty: false))
        let back = try #require(StateEntry(bytes: entry.bytes))
        #expect(back.parts == entry.parts)
        #expect(back.meta.counts == entry.meta.counts && back.meta.summary == entry.meta.summary)
        #expect(entry.meta.counts?.pass ?? 0 > 0)
        #expect(StateEntry(bytes: Array(entry.bytes.dropLast())) == nil)
        #expect(StateEntry(bytes: entry.bytes + [0x20]) == nil)
        // Only the JSON when no output needs more.
        let bare = BatchConversion.convert(BatchInput(path: "x/t01.txt", id: "t01.txt"), bytes: bytes, sha256: sha, options: ExtractOptions())
        #expect(Set(bare.parts.keys) == Set([StateEntry.Part.json]))
        let failed = BatchConversion.convert(BatchInput(path: "x/e.txt", id: "e.txt"), bytes: [], sha256: "0", options: ExtractOptions())
        #expect(failed.meta.errorCode == .empty && failed.parts.isEmpty)
        #expect(StateEntry(bytes: failed.bytes)?.meta.errorCode == .empty)
    }

    /// The state keeps every result but a crash (a library out of memory): the next run retries
    /// it, whichever runner (in process or a worker) converted the file.
    @Test func theStateKeepsNoCrash() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try BatchStateStore(directory: dir)
        let damaged = StateEntry(meta: StateMeta(path: "x/d.html", id: "d.html", sha256: "0", errorCode: .damaged, errorMessage: "cut"))
        try store.write(key: "aa01", entry: damaged)
        #expect(store.read(key: "aa01")?.meta.errorCode == .damaged)
        let crashed = StateEntry(meta: StateMeta(path: "x/c.html", id: "c.html", sha256: "1", errorCode: .crashed, errorMessage: "out of memory"))
        try store.write(key: "aa02", entry: crashed)
        #expect(store.read(key: "aa02") == nil)
        #expect(!FileManager.default.fileExists(atPath: store.path(forKey: "aa02")))
    }

    @Test func stateKeysAndTheCrossYearIndexStaySmall() throws {
        let hex = BatchStateStore.key(id: "a/2023.txt", sha256: String(repeating: "ab", count: 32), fingerprint: "f")
        let key = try #require(StateKey(hex: hex))
        #expect(key.hex == hex)
        #expect(StateKey(hex: hex.uppercased()) == key)
        #expect(StateKey(hex: String(hex.dropLast())) == nil && StateKey(hex: String(hex.dropLast()) + "g") == nil)
        #expect(MemoryLayout<StateKey>.size == 32)
        // Inputs arrive in completion order; after sort() the previous year is the first in path order.
        var index = CrossYearIndex()
        let a = index.add(7, agencyKey: "洪泽区人民政府", year: 2022)
        index.add(3, agencyKey: "洪泽区人民政府", year: 2022)
        let b = index.add(5, agencyKey: "其他局", year: 2022)
        index.add(9, agencyKey: "洪泽区人民政府", year: 2023)
        index.sort()
        #expect(a != b)
        #expect(index.previous(agency: a, year: 2023).map { [$0.index, $0.ambiguous ? 1 : 0] } == [3, 1])
        #expect(index.previous(agency: b, year: 2023).map { [$0.index, $0.ambiguous ? 1 : 0] } == [5, 0])
        #expect(index.previous(agency: b, year: 2024) == nil)
        #expect(index.previous(agency: a, year: 2022) == nil)
    }

    /// The cross-year checks are added after the report was streamed: every output must agree.
    @Test func crossYearChecksReachEveryOutput() throws {
        let root = BatchFixture.temporaryDirectory("crossyear-outputs")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let r = try BatchTests.run(root: root, archive: archive)
        let lines = BatchFixture.read(r.root + "/all.jsonl").split(separator: "\n").map { Array($0.utf8) }
        let wide = BatchFixture.parseCSV(BatchFixture.read(r.root + "/wide.csv"))
        let header = wide[0]
        let db = try DatabaseQueue(path: r.root + "/data.sqlite")
        var patched = 0
        for line in lines {
            let report = try JSONParser.parse(line)
            guard let id = report["report_id"]?.stringValue ?? r.inputs.first(where: { $0.path == report["source"]?["path"]?.stringValue })?.id,
                report["error"] == nil
            else { continue }
            let checks = report["checks"]?.arrayValue ?? []
            if checks.contains(where: { $0["id"]?.stringValue?.hasPrefix("I5.") == true }) { patched += 1 }
            // --out file: the same report, indented.
            let out = try #require(FileManager.default.contents(atPath: r.root + "/json/" + id + ".json"))
            let same = [UInt8](out) == CompactJSON.pretty(line)  // a Bool: no byte dump on failure
            #expect(same, "--out \(id)")
            // Wide CSV: the check summary counts the cross-year checks too.
            let row = try #require(wide.first { $0.first == id })
            let counts = CheckCounts(report: try ReportDecoder.decode(report))
            #expect(Array(row.suffix(WideCSV.trailingColumns.count)) == counts.fields, "\(id)")
            #expect(header.suffix(WideCSV.trailingColumns.count) == WideCSV.trailingColumns[...])
            // SQLite: the stored JSON, the summary columns and the checks table.
            let json = try BatchTests.scalar(db, "SELECT json FROM reports WHERE report_id = '\(id)'")
            #expect(json?.utf8.elementsEqual(line) == true, "SQLite json \(id)")
            #expect(try BatchTests.scalar(db, "SELECT checks_fail FROM reports WHERE report_id = '\(id)'") == String(counts.fail))
            #expect(try BatchTests.scalar(db, "SELECT count(*) FROM checks WHERE report_id = '\(id)'") == String(checks.count))
        }
        #expect(patched == 1)

        // Without a JSONL output the patches start from the state entries: same files, same rows.
        let inputs = BatchDiscovery.discover(arguments: [archive])
        let o = root + "/no-jsonl"
        _ = try BatchEngine(BatchConfiguration(inputs: inputs, jobs: 2, outputs: BatchOutputs(outDirectory: o + "/json", sqlite: o + "/data.sqlite"))).run()
        for input in inputs {
            let a = FileManager.default.contents(atPath: r.root + "/json/" + input.id + ".json")
            let b = FileManager.default.contents(atPath: o + "/json/" + input.id + ".json")
            #expect(a == b, "\(input.id)")
        }
        let other = try DatabaseQueue(path: o + "/data.sqlite")
        for table in ["reports", "checks", "diagnostics"] {
            let sql = "SELECT * FROM \(table) ORDER BY rowid"
            #expect(try db.read { try Row.fetchAll($0, sql: sql) } == other.read { try Row.fetchAll($0, sql: sql) }, "\(table)")
        }
    }

    /// A re-run that asks for more outputs reuses the state and makes the parts it lacks.
    @Test func addingOutputsOnResumeEqualsAFreshRun() throws {
        let root = BatchFixture.temporaryDirectory("add-outputs")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let inputs = BatchDiscovery.discover(arguments: [archive])
        let o = root + "/grow"
        let state = root + "/state"
        let first = try BatchEngine(BatchConfiguration(inputs: inputs, jobs: 2, outputs: BatchOutputs(jsonl: o + "/all.jsonl", stateDirectory: state))).run()
        #expect(first.convertedNow == inputs.count)
        let all = BatchOutputs(
            outDirectory: o + "/json", jsonl: o + "/all.jsonl", csv: o + "/wide.csv", long: o + "/long.csv",
            sqlite: o + "/data.sqlite", stateDirectory: state)
        let second = try BatchEngine(BatchConfiguration(inputs: inputs, jobs: 2, outputs: all)).run()
        #expect(second.reused == inputs.count)
        let fresh = try BatchTests.run(root: root, archive: archive, name: "fresh")
        for f in ["all.jsonl", "wide.csv", "long.csv"] {
            #expect(BatchFixture.read(o + "/" + f) == BatchFixture.read(fresh.root + "/" + f), "\(f)")
        }
        for table in ["reports", "cells", "checks", "diagnostics", "errors"] {
            let a = try DatabaseQueue(path: o + "/data.sqlite"), b = try DatabaseQueue(path: fresh.root + "/data.sqlite")
            let sql = "SELECT * FROM \(table) ORDER BY rowid"
            let ra = try a.read { try Row.fetchAll($0, sql: sql) }, rb = try b.read { try Row.fetchAll($0, sql: sql) }
            #expect(ra == rb, "\(table)")
        }
        // The state keeps only the report JSON (the parts go from the worker through the pipe), and
        // a resumed run makes them again: a third run with another job count gives the same files.
        let third = try BatchEngine(BatchConfiguration(inputs: inputs, jobs: 1, outputs: all)).run()
        #expect(third.reused == inputs.count)
        #expect(BatchFixture.read(o + "/wide.csv") == BatchFixture.read(fresh.root + "/wide.csv"))
    }
}
