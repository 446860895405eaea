import Foundation
import GRDB
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

@Suite struct BatchTests {
    struct Run {
        var root: String
        var outputs: BatchOutputs
        var summary: BatchSummary
        var inputs: [BatchInput]
    }

    static func run(root: String, archive: String, jobs: Int = 2, bom: Bool = false, name: String = "o") throws -> Run {
        let inputs = BatchDiscovery.discover(arguments: [archive])
        let o = root + "/" + name
        let outputs = BatchOutputs(
            outDirectory: o + "/json", jsonl: o + "/all.jsonl", csv: o + "/wide.csv", long: o + "/long.csv",
            sqlite: o + "/data.sqlite", bom: bom)
        let summary = try BatchEngine(BatchConfiguration(inputs: inputs, jobs: jobs, outputs: outputs)).run()
        return Run(root: o, outputs: outputs, summary: summary, inputs: inputs)
    }

    static func scalar(_ db: DatabaseQueue, _ sql: String) throws -> String? {
        try db.read { db -> String? in
            guard let v = try DatabaseValue.fetchOne(db, sql: sql) else { return nil }
            switch v.storage {
            case .int64(let i): return String(i)
            case .double(let d): return String(d)
            case .string(let s): return s
            case .blob, .null: return nil
            }
        }
    }

    @Test func discoveryFindsReportFilesSortedWithSafeIds() {
        let root = BatchFixture.temporaryDirectory("discover")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let inputs = BatchDiscovery.discover(arguments: [archive])
        #expect(inputs.count == BatchFixture.expectedInputCount())
        #expect(inputs.map(\.path) == inputs.map(\.path).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(inputs.first?.id == "agency/2022.txt")
        #expect(!inputs.contains { $0.id.hasSuffix(".json") || $0.id.contains(".hidden") })
        // Several arguments: ids are relative to the deepest folder holding them all, never escaping the output folder.
        let mixed = BatchDiscovery.discover(arguments: ["/abs/x/a.txt", "/abs/b.txt", "/abs/x/../c.txt"])
        #expect(mixed.map(\.id) == ["b.txt", "c.txt", "x/a.txt"])
        #expect(!mixed.contains { $0.id.hasPrefix("/") || $0.id.split(separator: "/").contains("..") })
    }

    @Test func convertsArchiveToEveryFormat() throws {
        let root = BatchFixture.temporaryDirectory("formats")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let r = try Self.run(root: root, archive: archive, bom: true)
        let n = BatchFixture.expectedInputCount()
        #expect(r.summary.total == n)
        #expect(r.summary.failures == [.empty: 1, .undecodable: 1, .notAReport: 1])
        #expect(r.summary.reports == n - 3)
        #expect(r.summary.exitStatus(failOnCheck: false) == 1)

        // JSONL: one line per input, in path order; error records name the file and the code.
        let lines = BatchFixture.jsonLines(r.root + "/all.jsonl")
        #expect(lines.count == n)
        let paths = lines.map { $0["source"]?["path"]?.stringValue ?? "" }
        #expect(paths == r.inputs.map(\.path))
        let errors = lines.filter { $0["error"] != nil }
        #expect(errors.count == 3)
        #expect(Set(errors.compactMap { $0["error"]?["code"]?.stringValue }) == ["empty", "undecodable", "not_a_report"])
        #expect(errors.contains { $0["source"]?["path"]?.stringValue?.hasSuffix("bad/junk.txt") == true && $0["error"]?["code"] == .string("undecodable") })

        // Wide CSV: BOM, header + one row per report, every row as wide as the header.
        let wideBytes = [UInt8](FileManager.default.contents(atPath: r.root + "/wide.csv")!)
        #expect(Array(wideBytes.prefix(3)) == CSV.bom)
        let wideText = String(decoding: wideBytes, as: UTF8.self)
        let wide = BatchFixture.parseCSV(wideText)
        #expect(wide.count == 1 + n, "a row per input, failed ones with their error code")
        #expect(wide[0] == WideCSV.header)
        #expect(wide.allSatisfy { $0.count == WideCSV.header.count })
        #expect(WideCSV.header.count == WideCSV.leadingColumns.count + Codebook.keys.count + WideCSV.trailingColumns.count)
        let col = Dictionary(uniqueKeysWithValues: wide[0].enumerated().map { ($1, $0) })
        let t01 = wide.first { $0[0] == "corpus/t01-2021-tabs.txt" }!
        #expect(t01[col["agency"]!] == "潍坊市水利局")
        #expect(t01[col["year"]!] == "2023")
        #expect(t01[col["applications.carried_over.total"]!] == "0")
        #expect(!wideText.contains("\"0\""))  // numbers unquoted

        // Long CSV: one row per cell of every report.
        let long = BatchFixture.parseCSV(BatchFixture.read(r.root + "/long.csv"))
        let cellCount = lines.reduce(0) { $0 + ($1["cells"]?.arrayValue?.count ?? 0) }
        #expect(long.count == 1 + cellCount)
        #expect(long[0] == LongCSV.header)
        #expect(long.dropFirst().allSatisfy { $0.count == LongCSV.header.count })

        // SQLite.
        let db = try DatabaseQueue(path: r.root + "/data.sqlite")
        #expect(try Self.scalar(db, "SELECT count(*) FROM reports") == "\(n - 3)")
        #expect(try Self.scalar(db, "SELECT count(*) FROM errors") == "3")
        #expect(try Self.scalar(db, "SELECT count(*) FROM cells") == "\(cellCount)")
        let checkCount = lines.reduce(0) { $0 + ($1["checks"]?.arrayValue?.count ?? 0) }
        #expect(try Self.scalar(db, "SELECT count(*) FROM checks") == "\(checkCount)")
        #expect(try Self.scalar(db, "SELECT count(*) FROM codebook") == "\(Codebook.entries.count)")
        #expect(try Self.scalar(db, "SELECT code FROM errors WHERE source_path LIKE '%empty.txt'") == "empty")
        #expect(try Self.scalar(db, "SELECT value FROM cells WHERE report_id = 'corpus/t01-2021-tabs.txt' AND key = 'applications.carried_forward.total'") == "1")

        // --out: one JSON per input, mirroring the paths; errors as <id>.error.json.
        for input in r.inputs {
            let ok = FileManager.default.fileExists(atPath: r.root + "/json/" + input.id + ".json")
            let err = FileManager.default.fileExists(atPath: r.root + "/json/" + input.id + ".error.json")
            #expect(ok != err, "\(input.id)")
        }
    }

    @Test func outJSONEqualsSingleFileJSON() throws {
        let root = BatchFixture.temporaryDirectory("single")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let r = try Self.run(root: root, archive: archive)
        for f in BatchFixture.corpusFiles() {
            // The same JSON but for the report id (relative to the archive in a batch, the file name alone).
            var report = try ReportExtractor().extract(file: archive + "/corpus/" + f)
            #expect(report.reportId == f)
            report.reportId = "corpus/" + f
            let single = ReportExtractor.json(report)
            let batch = [UInt8](FileManager.default.contents(atPath: r.root + "/json/corpus/" + f + ".json")!)
            #expect(single.elementsEqual(batch), "\(f)")
        }
    }

    @Test func crossYearI5AndI6AcrossTwoYearsOfOneAgency() throws {
        let root = BatchFixture.temporaryDirectory("crossyear")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let r = try Self.run(root: root, archive: archive)
        let lines = BatchFixture.jsonLines(r.root + "/all.jsonl")
        func report(_ id: String) -> JSONValue { lines.first { $0["source"]?["path"]?.stringValue == archive + "/" + id }! }
        let y2022 = report("agency/2022.txt"), y2023 = report("agency/2023.txt")
        #expect(y2023["report"]?["agency"]?.stringValue == "淮安市洪泽区人民政府")
        #expect(y2022["report"]?["agency"]?.stringValue == "洪泽区人民政府")
        func value(_ r: JSONValue, _ key: String) -> DecimalNumber? {
            r["cells"]?.arrayValue?.first { $0["key"]?.stringValue == key }?["value"]?.decimalValue
        }
        let checks = y2023["checks"]!.arrayValue!
        let i5 = checks.filter { $0["id"]?.stringValue?.hasPrefix("I5.") == true }
        #expect(i5.count == 7)
        for c in i5 {
            let column = String(c["id"]!.stringValue!.dropFirst(3))
            let now = value(y2023, "applications.carried_over.\(column)"), before = value(y2022, "applications.carried_forward.\(column)")
            let expected = (now != nil && before != nil) ? (now == before ? "pass" : "fail") : "not_assessable"
            #expect(c["status"]?.stringValue == expected, "\(column)")
            #expect(c["previous"]?.stringValue == "agency/2022.txt")
        }
        // t01's 2022 copy carries 1 natural-person application forward; the 2023 copy received none from last year.
        #expect(
            i5.first { $0["id"] == .string("I5.natural_person") }?["status"]
                == .string(
                    value(y2023, "applications.carried_over.natural_person") == value(y2022, "applications.carried_forward.natural_person") ? "pass" : "fail"))
        let i6 = checks.filter { $0["id"]?.stringValue?.hasPrefix("I6.") == true }
        #expect(i6.map { $0["id"]!.stringValue! } == ["I6.rules", "I6.normative_documents"])
        // The earlier year gets no cross-year checks; nor do reports of other agencies.
        #expect(!(y2022["checks"]!.arrayValue!.contains { $0["id"]?.stringValue?.hasPrefix("I5") == true }))
        #expect(r.summary.crossYearChecks == 9)
        // The wide CSV and SQLite carry them too.
        let db = try DatabaseQueue(path: r.root + "/data.sqlite")
        #expect(try Self.scalar(db, "SELECT count(*) FROM checks WHERE id LIKE 'I5.%' AND report_id = 'agency/2023.txt'") == "7")
    }

    @Test func schedulingAndResumeDoNotChangeOutputs() throws {
        let root = BatchFixture.temporaryDirectory("determinism")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let a = try Self.run(root: root, archive: archive, jobs: 1, name: "a")
        let b = try Self.run(root: root, archive: archive, jobs: 3, name: "b")
        for f in ["all.jsonl", "wide.csv", "long.csv"] {
            #expect(BatchFixture.read(a.root + "/" + f) == BatchFixture.read(b.root + "/" + f), "\(f)")
        }
        // Second run of the same command: everything resumed, identical outputs.
        let before = BatchFixture.read(a.root + "/all.jsonl")
        let again = try Self.run(root: root, archive: archive, jobs: 2, name: "a")
        #expect(again.summary.reused == again.summary.total)
        #expect(again.summary.convertedNow == 0)
        #expect(BatchFixture.read(a.root + "/all.jsonl") == before)
        // A changed file is converted again; the rest is resumed.
        let t05 = archive + "/corpus/t05-2020-layout.txt"
        try (BatchFixture.read(t05) + "\n").write(toFile: t05, atomically: true, encoding: .utf8)
        let third = try Self.run(root: root, archive: archive, jobs: 2, name: "a")
        #expect(third.summary.convertedNow == 1)
    }

    @Test func damagedStateEntryIsConvertedAgain() throws {
        let root = BatchFixture.temporaryDirectory("damaged")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let a = try Self.run(root: root, archive: archive, name: "a")
        let before = BatchFixture.read(a.root + "/all.jsonl")
        let state = a.outputs.defaultStateDirectory!
        // Truncate one entry (as a torn write would), then re-run.
        let sub = try FileManager.default.contentsOfDirectory(atPath: state).sorted().first!
        let entry = try FileManager.default.contentsOfDirectory(atPath: state + "/" + sub).first { $0.hasSuffix(".json") }!
        let path = state + "/" + sub + "/" + entry
        let data = FileManager.default.contents(atPath: path)!
        FileManager.default.createFile(atPath: path, contents: data.prefix(data.count / 2))
        let b = try Self.run(root: root, archive: archive, name: "a")
        #expect(b.summary.convertedNow == 1)
        #expect(BatchFixture.read(a.root + "/all.jsonl") == before)
    }

    @Test func shardsPartitionTheInputs() {
        let root = BatchFixture.temporaryDirectory("shards")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let inputs = BatchDiscovery.discover(arguments: [archive])
        let shards = (1...3).map { BatchShard("\($0)/3")! }
        var seen: [String] = []
        for s in shards { seen += inputs.filter(s.contains).map(\.id) }
        #expect(seen.sorted() == inputs.map(\.id).sorted())
        #expect(Set(seen).count == inputs.count)
        #expect(BatchShard("0/3") == nil && BatchShard("4/3") == nil && BatchShard("x") == nil)
        // Same split whatever the archive's mount point.
        let elsewhere = inputs.map { BatchInput(path: "/mnt/other/" + $0.id, id: $0.id) }
        #expect(inputs.filter(shards[0].contains).map(\.id) == elsewhere.filter(shards[0].contains).map(\.id))
    }

    @Test func agencyKeys() {
        #expect(AgencyKey.normalize("洪泽区人民政府") == "洪泽区政府")
        #expect(AgencyKey.normalize("淮安市洪泽区人民政府") == "洪泽区政府")
        #expect(AgencyKey.normalize("江苏省淮安市洪泽区人民政府") == "洪泽区政府")
        #expect(AgencyKey.normalize("淮安市洪泽区政府") == "洪泽区政府")
        #expect(AgencyKey.normalize("保定市机关事务管理局") == "保定市机关事务管理局")
        #expect(AgencyKey.normalize("河北省保定市机关事务管理局") == "保定市机关事务管理局")
        #expect(AgencyKey.normalize("潍坊市市场监督管理局") == "潍坊市市场监督管理局")
        #expect(AgencyKey.normalize("潍坊市城市管理局") == "潍坊市城市管理局")
        #expect(AgencyKey.normalize("潍坊市住房和城乡建设局") == "潍坊市住房和城乡建设局")
        #expect(AgencyKey.normalize("淮安市宛城区人民政府") == "宛城区政府")
        #expect(AgencyKey.normalize("沛县人民政府") == "沛县政府")
        #expect(AgencyKey.normalize("徐州市沛县人民政府") == "沛县政府")
        #expect(AgencyKey.normalize("天水市浔阳区新城街道办事处") == "新城街道办事处")
        #expect(AgencyKey.normalize("洪泽区人民政府办公室（区政府研究室）") == "洪泽区政府办公室")
        #expect(AgencyKey.normalize("广西壮族自治区南宁市人民政府") == "南宁市政府")
        #expect(AgencyKey.normalize("  洪泽区 人民政府 ") == "洪泽区政府")
        #expect(AgencyKey.normalize("") == nil)
    }

    @Test func jsonParserRoundTripsReportJSON() throws {
        for f in BatchFixture.corpusFiles().prefix(5) {
            let report = try ReportExtractor().extract(file: BatchFixture.corpusText + "/" + f)
            let bytes = ReportExtractor.json(report, pretty: false)
            #expect(try JSONParser.parse(bytes).serialized(pretty: false) == bytes)
            let pretty = ReportExtractor.json(report, pretty: true)
            #expect(try JSONParser.parse(pretty).serialized(pretty: true) == pretty)
        }
        #expect(
            try JSONParser.parse(Array(#"{"a":[1,-2.50,"\u4e2d\ud83d\ude00\n"],"b":null}"#.utf8))
                == .object(["a": .array([.number(DecimalNumber(1)), .number(DecimalNumber(units: -250, scale: 2)), .string("中😀\n")]), "b": .null]))
        #expect(throws: JSONParser.ParseError.self) { try JSONParser.parse(Array(#"{"a":1"#.utf8)) }
    }

    @Test func codebookCoversEveryKeyTheReadersEmit() throws {
        let keys = Set(Codebook.keys)
        #expect(keys.count == Codebook.entries.count)
        for f in BatchFixture.corpusFiles() {
            let report = try ReportExtractor().extract(file: BatchFixture.corpusText + "/" + f)
            for c in report.cells { #expect(keys.contains(c.key), "\(f): \(c.key)") }
        }
        let e = Codebook.entries.first { $0.key == "applications.denied.state_secret.natural_person" }!
        #expect(e.label == "（三）1.属于国家秘密 × 自然人")
        #expect(Codebook.entries.first { $0.key == "active_disclosure.fees.amount" }?.valueType == "decimal")
        #expect(Codebook.entries.first { $0.key == "applications.other.overdue_fee.total" }?.generations == ["2021"])
        #expect(CodebookExport.csv().split(separator: "\n").count == 1 + Codebook.entries.count)
        #expect(CodebookExport.markdown().contains("一、本年新收政府信息公开申请数量 × 自然人"))
        let schema = Codebook.jsonSchema()
        #expect(schema["x-codebook"]?.arrayValue?.count == Codebook.entries.count)
        #expect(schema["properties"]?["tables"]?["properties"]?["applications"] != nil)
    }

    /// Devices and pipes (`--jsonl /dev/stdout`, `-o /dev/null`) are written in place, never renamed over.
    @Test func outputsToAPipeAreWrittenInPlace() throws {
        let root = BatchFixture.temporaryDirectory("fifo")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fifo = root + "/pipe.jsonl"
        #expect(mkfifo(fifo, 0o644) == 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread {
            if let h = FileHandle(forReadingAtPath: fifo) { box.data = h.readDataToEndOfFile() }
            done.signal()
        }.start()
        let inputs = BatchDiscovery.discover(arguments: [BatchFixture.corpusText])
        let summary = try BatchEngine(BatchConfiguration(inputs: inputs, jobs: 2, outputs: BatchOutputs(jsonl: fifo))).run()
        done.wait()
        #expect(summary.reports == inputs.count)
        #expect(String(decoding: box.data, as: UTF8.self).split(separator: "\n").count == inputs.count)
        var st = stat()
        #expect(stat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        #expect(BatchOutputs(jsonl: fifo).defaultStateDirectory == nil)
        #expect(BatchOutputs(jsonl: "/dev/stdout", csv: root + "/w.csv").defaultStateDirectory == root + "/w.csv.nianbao-state")
        #expect(BatchOutputs(jsonl: "/dev/null").defaultStateDirectory == nil)
        // A tmpfs under /dev is a folder like any other: the state (and so resume) goes beside the output.
        #expect(BatchOutputs(jsonl: "/dev/shm/run/all.jsonl").defaultStateDirectory == "/dev/shm/run/all.jsonl.nianbao-state")
    }

    @Test func csvQuotesOnlyWhenNeeded() {
        #expect(CSV.line(["1", "7730.28", "", "a,b", "say \"hi\"", "中文"]) == "1,7730.28,,\"a,b\",\"say \"\"hi\"\"\",中文\n")
    }
}
