import Foundation
import GRDB
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets

/// `extract merge` (issue 15, item 7): the README's GNU parallel and Slurm recipes with 3 shards give
/// the outputs of a single run, I5/I6 and duplicates included across shards.
@Suite(Prerequisite.extractBinary, Prerequisite.slow, .serialized, .tags(.slow))
struct MergeTests {
    static func sh(_ script: String, cwd: String, env: [String: String] = [:]) throws -> TestSupport.Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        var e = ProcessInfo.processInfo.environment
        e["EXTRACT"] = extractBinary!
        e["PATH"] = (extractBinary! as NSString).deletingLastPathComponent + ":" + (e["PATH"] ?? "/usr/bin:/bin")
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = cwd + "/.sh-out-\(UInt32.random(in: 0...UInt32.max))", err = out + ".err"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: out)
        p.standardError = FileHandle(forWritingAtPath: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        defer { unlink(out); unlink(err) }
        let o = FileManager.default.contents(atPath: out) ?? Data()
        return TestSupport.Run(
            stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self),
            status: p.terminationStatus, stdoutBytes: o)
    }

    /// The archive of the batch tests plus a duplicate (a second crawl of one report).
    static func archive(_ root: String) throws -> String {
        let archive = BatchFixture.makeArchive(at: root)
        try FileManager.default.createDirectory(atPath: archive + "/crawl2", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: archive + "/agency/2023.txt", toPath: archive + "/crawl2/2023.txt")
        return archive
    }

    static let outputs = "--jsonl all.jsonl --csv wide.csv --long long.csv --sqlite data.sqlite --kinds"

    static func compare(_ a: String, _ b: String) throws {
        for f in ["all.jsonl", "wide.csv", "long.csv"] {
            let x = BatchFixture.read(a + "/" + f), y = BatchFixture.read(b + "/" + f)
            #expect(!x.isEmpty && x == y, "\(f) differs")
        }
        let single = try DatabaseQueue(path: a + "/data.sqlite"), merged = try DatabaseQueue(path: b + "/data.sqlite")
        for q in [
            "SELECT group_concat(report_id || ':' || checks_pass || ':' || checks_fail || ':' || json, '|') FROM (SELECT * FROM reports ORDER BY report_id)",
            "SELECT count(*) || ':' || total(value) FROM cells",
            "SELECT group_concat(report_id || id || status || coalesce(previous, ''), '|') FROM (SELECT * FROM checks ORDER BY report_id, id)",
            "SELECT group_concat(report_id || code || message, '|') FROM (SELECT * FROM diagnostics ORDER BY report_id, code, message)",
            "SELECT group_concat(report_id || code, '|') FROM (SELECT * FROM errors ORDER BY report_id)",
            "SELECT group_concat(report_id, '|') FROM duplicates",
        ] {
            #expect(try BatchTests.scalar(single, q) == BatchTests.scalar(merged, q), "\(q)")
        }
    }

    @Test(Prerequisite.tool("parallel"))
    func gnuParallelThreeShardsMergeToTheSingleRun() throws {
        try #require(TestSupport.which("parallel") != nil, "GNU parallel is needed (Scripts/setup-debian installs it)")
        let root = BatchFixture.temporaryDirectory("merge")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = try Self.archive(root)
        try FileManager.default.createDirectory(atPath: root + "/single", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/sharded", withIntermediateDirectories: true)
        let single = try Self.sh("extract \(archive) \(Self.outputs) --quiet", cwd: root + "/single")
        #expect(single.status == 1, "\(single.stderr)")  // the archive holds 3 bad files
        // The README recipe, word for word but the archive's path.
        let sharded = try Self.sh(
            """
            parallel --will-cite -j 3 'extract \(archive) --shard {}/3 --jsonl part-{}.jsonl --quiet; [ $? -le 1 ]' ::: 1 2 3
            extract merge part-*.jsonl \(Self.outputs)
            """, cwd: root + "/sharded")
        #expect(sharded.status == 1, "\(sharded.stderr)")
        #expect(sharded.stderr.contains("extract merge: 3 shards"), "\(sharded.stderr)")
        // Each shard alone could not make every cross-year check; the merge did.
        let parts = (1...3).map { BatchFixture.jsonLines(root + "/sharded/part-\($0).jsonl") }
        #expect(parts.map(\.count).reduce(0, +) == BatchFixture.jsonLines(root + "/single/all.jsonl").count)
        #expect(parts.allSatisfy { !$0.isEmpty })
        // agency/2022.txt falls in shard 2 and agency/2023.txt in shard 1 (SHA-256 of the ids mod 3):
        // shard 1 alone has no I5 for 2023; the merge has.
        let alone = try #require(parts[0].first { $0["report_id"]?.stringValue == "agency/2023.txt" })
        #expect(!alone["checks"]!.arrayValue!.contains { $0["id"]?.stringValue?.hasPrefix("I5.") == true })
        #expect(parts[1].contains { $0["report_id"]?.stringValue == "agency/2022.txt" })
        try Self.compare(root + "/single", root + "/sharded")
        let merged = BatchFixture.jsonLines(root + "/sharded/all.jsonl")
        let y2023 = try #require(merged.first { $0["report_id"]?.stringValue == "agency/2023.txt" })
        #expect(y2023["checks"]!.arrayValue!.contains { $0["previous"]?.stringValue == "agency/2022.txt" })
        #expect(y2023["diagnostics"]!.arrayValue!.contains { $0["code"]?.stringValue == "duplicate_report" })
    }

    @Test func slurmArrayScriptThreeShardsMergeToTheSingleRun() throws {
        let root = BatchFixture.temporaryDirectory("slurm")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = try Self.archive(root)
        try FileManager.default.createDirectory(atPath: root + "/single", withIntermediateDirectories: true)
        _ = try Self.sh("extract \(archive) \(Self.outputs) --quiet", cwd: root + "/single")
        let script = BatchFixture.packageRoot + "/Scripts/slurm-array.sbatch"
        for k in 1...3 {
            let r = try Self.sh(
                "bash \(script) \(archive) \(root)/out", cwd: root,
                env: ["SLURM_ARRAY_TASK_ID": "\(k)", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_CPUS_PER_TASK": "1"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let merge = try Self.sh(
            "extract merge out/part-*.jsonl --jsonl merged/all.jsonl --csv merged/wide.csv --long merged/long.csv --sqlite merged/data.sqlite --kinds",
            cwd: root)
        #expect(merge.status == 1, "\(merge.stderr)")
        try Self.compare(root + "/single", root + "/merged")
    }

    @Test func aShardGivenTwiceIsAnError() throws {
        let root = BatchFixture.temporaryDirectory("merge2")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        _ = try Self.sh("extract \(archive) --shard 1/2 --jsonl p1.jsonl --quiet", cwd: root)
        let r = try Self.sh("extract merge p1.jsonl p1.jsonl --jsonl all.jsonl", cwd: root)
        #expect(r.status == 73)
        #expect(r.stderr.contains("each shard once"))
        #expect(!FileManager.default.fileExists(atPath: root + "/all.jsonl"))
    }
}
