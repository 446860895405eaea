import Foundation
import GRDB
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Runs the built `extract` binary: single-file behaviour, batch exit statuses, usage errors, the
/// schema subcommand, timeouts, shards, and a batch killed with SIGKILL then resumed.
let extractBinary: String? = {
    var candidates: [String] = []
    if let exe = Bundle.main.executablePath {
        candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("extract").path)
    }
    let arg0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    candidates.append(arg0.appendingPathComponent("extract").path)
    candidates.append(arg0.deletingLastPathComponent().appendingPathComponent("extract").path)
    for scratch in [".build-batch", ".build"] {
        candidates.append(BatchFixture.packageRoot + "/\(scratch)/debug/extract")
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

@Suite(Prerequisite.needs(extractBinary != nil, "the extract binary is not built (required when CI=true)"), .serialized)
struct BatchCLITests {
    static var binary: String? { extractBinary }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func start(_ args: [String], stdin: String? = nil, dir: String) throws -> (Process, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(binary, "the extract binary is not built"))
        p.arguments = args
        let out = dir + "/.stdout-\(UInt32.random(in: 0...UInt32.max))", err = out + ".err"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        if let stdin {
            let pipe = Pipe()
            p.standardInput = pipe
            try p.run()
            pipe.fileHandleForWriting.write(Data(stdin.utf8))
            try pipe.fileHandleForWriting.close()
        } else {
            p.standardInput = FileHandle.nullDevice
            try p.run()
        }
        return (p, out, err)
    }

    static func run(_ args: [String], stdin: String? = nil, dir: String) throws -> Result {
        let (p, out, err) = try start(args, stdin: stdin, dir: dir)
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: BatchFixture.read(out), stderr: BatchFixture.read(err))
    }

    @Test func singleFileBehaviourIsUnchanged() throws {
        let dir = BatchFixture.temporaryDirectory("cli-single")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = BatchFixture.corpusText + "/t02-2021-layout.txt"
        let r = try Self.run([file], dir: dir)
        #expect(r.status == 0)
        #expect(r.stdout == String(decoding: ReportExtractor.json(try ReportExtractor().extract(file: file)), as: UTF8.self))
        #expect(try Self.run([dir + "/missing.txt"], dir: dir).status == 1)
        #expect(try Self.run(["--version"], dir: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == NianbaoVersion.string)
        let o = try Self.run([file, "-o", dir + "/one.json", "-q"], dir: dir)
        #expect(o.status == 0 && o.stdout.isEmpty)
        #expect(BatchFixture.read(dir + "/one.json") == r.stdout)
        // t12 has arithmetic errors in the source.
        #expect(try Self.run([BatchFixture.corpusText + "/t12-2021-tabs-errors.txt", "--fail-on-check", "-q"], dir: dir).status == 2)
    }

    @Test func usageErrorsExit64() throws {
        let dir = BatchFixture.temporaryDirectory("cli-usage")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = BatchFixture.corpusText + "/t02-2021-layout.txt"
        #expect(try Self.run([], dir: dir).status == 64)
        #expect(try Self.run([file, "--shard", "3/2", "--jsonl", dir + "/x.jsonl"], dir: dir).status == 64)
        #expect(try Self.run([file, "--jobs", "0", "--jsonl", dir + "/x.jsonl"], dir: dir).status == 64)
        #expect(try Self.run([BatchFixture.corpusText, "-o", dir + "/x.json"], dir: dir).status == 64)
        #expect(try Self.run([file, "--no-such-option"], dir: dir).status == 64)
        #expect(try Self.run(["schema", "--format", "xml"], dir: dir).status == 64)
    }

    @Test func schemaSubcommand() throws {
        let dir = BatchFixture.temporaryDirectory("cli-schema")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = try Self.run(["schema", "--format", "csv"], dir: dir)
        #expect(csv.status == 0)
        #expect(BatchFixture.parseCSV(csv.stdout).count == 1 + Codebook.entries.count)
        let md = try Self.run(["schema"], dir: dir)
        #expect(md.stdout.contains("| `applications.carried_forward.total` |"))
        let json = try Self.run(["schema", "--format", "json"], dir: dir)
        let schema = try JSONParser.parse(Array(json.stdout.utf8))
        #expect(schema["x-codebook"]?.arrayValue?.count == Codebook.entries.count)
    }

    @Test func batchOutputsAndExitStatus() throws {
        let dir = BatchFixture.temporaryDirectory("cli-batch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = BatchFixture.makeArchive(at: dir)
        let n = BatchFixture.expectedInputCount()
        let r = try Self.run(
            [
                archive, "--jsonl", dir + "/all.jsonl", "--csv", dir + "/wide.csv", "--long", dir + "/long.csv",
                "--sqlite", dir + "/d.sqlite", "--out", dir + "/json", "--jobs", "2",
            ], dir: dir)
        #expect(r.status == 1)  // three inputs failed
        #expect(r.stderr.contains("bad/junk.txt: error:"))
        #expect(r.stderr.contains("\(n) inputs (\(n) read now, 0 resumed): \(n - 3) reports, 3 failed"))
        #expect(!r.stderr.contains("\r"))  // no progress line when stderr is not a terminal
        #expect(BatchFixture.jsonLines(dir + "/all.jsonl").count == n)
        #expect(BatchFixture.parseCSV(BatchFixture.read(dir + "/wide.csv")).count == 1 + n)  // failed inputs have a row with their error code

        // Only good files: 0; with --fail-on-check and reports with failed checks: 2.
        let good = try Self.run([archive + "/corpus", "--jsonl", dir + "/good.jsonl", "-q"], dir: dir)
        #expect(good.status == 0)
        #expect(try Self.run([archive + "/corpus", "--jsonl", dir + "/good.jsonl", "--fail-on-check", "-q"], dir: dir).status == 2)

        // No output option: JSONL on standard output. --files-from - reads the list from standard input.
        let files = [archive + "/corpus/t01-2021-tabs.txt", archive + "/bad/empty.txt", archive + "/corpus/t02-2021-layout.txt"]
        let listed = try Self.run(["--files-from", "-", "-q"], stdin: files.joined(separator: "\n") + "\n", dir: dir)
        #expect(listed.status == 1)
        let lines = listed.stdout.split(separator: "\n").map { try! JSONParser.parse(Array($0.utf8)) }
        #expect(lines.map { $0["source"]?["path"]?.stringValue ?? "" } == files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(lines[0]["error"]?["code"] == .string("empty"))

        // Shards: disjoint, and together the whole batch.
        var total = 0
        for k in 1...2 {
            let s = try Self.run([archive, "--shard", "\(k)/2", "--jsonl", dir + "/shard\(k).jsonl", "-q"], dir: dir)
            #expect(s.status == 0 || s.status == 1)
            total += BatchFixture.jsonLines(dir + "/shard\(k).jsonl").count
        }
        #expect(total == n)
    }

    @Test func timeoutIsRecordedAndTheBatchGoesOn() throws {
        let dir = BatchFixture.temporaryDirectory("cli-timeout")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = BatchFixture.corpusFiles().prefix(3).map { BatchFixture.corpusText + "/" + $0 }
        let r = try Self.run(files + ["--timeout", "0.000001", "--jsonl", dir + "/t.jsonl", "--jobs", "2", "-q"], dir: dir)
        #expect(r.status == 1)
        let lines = BatchFixture.jsonLines(dir + "/t.jsonl")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0["error"]?["code"] == .string("timeout") })
        // Timeouts are not kept in the state: the next run converts them.
        let again = try Self.run(files + ["--jsonl", dir + "/t.jsonl", "-q"], dir: dir)
        #expect(again.status == 0)
        #expect(BatchFixture.jsonLines(dir + "/t.jsonl").allSatisfy { $0["error"] == nil })
    }

    static func outputs(_ base: String) -> [String] {
        ["--out", base + "/json", "--jsonl", base + "/all.jsonl", "--csv", base + "/wide.csv", "--long", base + "/long.csv", "--sqlite", base + "/data.sqlite"]
    }

    static func dump(_ sqlite: String) throws -> [String] {
        let db = try DatabaseQueue(path: sqlite)
        return try db.read { db in
            var out: [String] = []
            for table in ["reports", "cells", "checks", "diagnostics", "errors", "codebook", "meta"] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") { out.append(table + ": " + row.description) }
            }
            return out
        }
    }

    static func tree(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: root)
        while let rel = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: root + "/" + rel)
            }
        }
        return out
    }

    @Test(.tags(.slow), Prerequisite.slow)
    func killedAndResumedRunEqualsAnUninterruptedOne() throws {
        let dir = BatchFixture.temporaryDirectory("cli-kill")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = BatchFixture.makeArchive(at: dir, copies: 8)
        let clean = dir + "/clean", resumed = dir + "/resumed"
        let a = try Self.run([archive, "--jobs", "2", "-q"] + Self.outputs(clean), dir: dir)
        #expect(a.status == 1)

        // Kill twice at different points, then let it finish.
        for delay in [0.8, 2.5] {
            let (p, _, _) = try Self.start([archive, "--jobs", "2", "-q"] + Self.outputs(resumed), dir: dir)
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            // Whatever exists now under its real name is complete: every JSON under --out parses
            // (a file being written when the kill came is a `.tmp-…` file, swept by the next run).
            for (rel, data) in Self.tree(resumed + "/json") where !(rel as NSString).lastPathComponent.hasPrefix(".tmp-") {
                #expect((try? JSONParser.parse([UInt8](data))) != nil, "\(rel) is not complete JSON")
            }
        }
        let b = try Self.run([archive, "--jobs", "2"] + Self.outputs(resumed), dir: dir)
        #expect(b.status == 1)
        #expect(b.stderr.contains("resumed"))
        for f in ["all.jsonl", "wide.csv", "long.csv"] {
            #expect(BatchFixture.read(clean + "/" + f) == BatchFixture.read(resumed + "/" + f), "\(f)")
        }
        #expect(Self.tree(clean + "/json") == Self.tree(resumed + "/json"))
        #expect(try Self.dump(clean + "/data.sqlite") == Self.dump(resumed + "/data.sqlite"))
        // No temporary files left beside the outputs.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: resumed).filter { $0.hasPrefix(".") && !$0.hasPrefix(".stdout") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(!Self.tree(resumed + "/json").keys.contains { ($0 as NSString).lastPathComponent.hasPrefix(".") })
    }
}
