import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// The batch engine over the bad-input corpus: every file is accounted for (a report or an error
/// record), worker crashes, time and memory limits end one file and not the batch, and output paths
/// derived from input names stay inside `--out`.
@Suite(.serialized) struct BadInputBatchTests {
    static func tempDir(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func records(_ jsonl: URL) throws -> [JSONValue] {
        let text = try String(contentsOf: jsonl, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
    }

    /// Every path under `root` (no symbolic links followed), relative.
    static func files(under root: URL) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String { out.append(rel) }
        return out
    }

    @Test(Prerequisite.extractBinary)
    func wholeCorpusIsAccountedFor() throws {
        let extract = try TestSupport.requireExtractBinary()
        let corpus = try BadInputCorpus.directory()
        let work = try Self.tempDir("bad-batch")
        defer { try? FileManager.default.removeItem(at: work) }
        let jsonl = work.appendingPathComponent("all.jsonl"), out = work.appendingPathComponent("out")
        let run = try TestSupport.run(extract, [corpus.path, "--jsonl", jsonl.path, "--out", out.path, "--timeout", "60", "--quiet", "--jobs", "2"])
        // Some inputs fail, so 1; never 73 (an output could not be written) or a signal.
        #expect(run.status == 1, "exit \(run.status): \(run.stderr.prefix(500))")

        let records = try Self.records(jsonl)
        var byPath: [String: JSONValue] = [:]
        for r in records { if let p = r["source"]?["path"]?.stringValue { byPath[p] = r } }
        let unlisted = BadInputCorpus.unlistedFiles
        let discoverable = BadInputCorpus.entries.filter {
            BatchDiscovery.isInputName($0.name)
        }
        #expect(records.count == discoverable.count + unlisted, "\(records.count) records for \(discoverable.count) + \(unlisted) files")
        for entry in discoverable {
            let path = corpus.path + "/" + entry.name
            guard let record = byPath[path] else { Issue.record("\(entry.name): no record"); continue }
            let code = record["error"]?["code"]?.stringValue
            switch entry.expect {
            case "report": #expect(code == nil, "\(entry.name): \(code ?? "")")
            case "any": break
            default: #expect(code == entry.expect, "\(entry.name): \(code ?? "report")")
            }
        }
        // The file whose name is not UTF-8 is recorded (unreadable), not lost.
        #expect(records.contains { ($0["source"]?["path"]?.stringValue ?? "").contains("invalid-") })

        // One output per record, all inside --out; the 255-byte name got a shortened id.
        let outputs = Self.files(under: out).filter { $0.hasSuffix(".json") }
        #expect(outputs.count == records.count)
        let long = try #require(records.first { ($0["source"]?["path"]?.stringValue ?? "").contains("aaaaaaaaaa") })
        let id = try #require(long["report_id"]?.stringValue ?? outputs.first { $0.contains("aaaaaaaaaa") })
        #expect(id.split(separator: "/").allSatisfy { $0.utf8.count <= BatchDiscovery.maxComponentBytes + 11 }, "\(id)")
    }

    /// Input names with `..`, absolute paths and odd Unicode never put an output outside `--out`.
    @Test(Prerequisite.extractBinary)
    func outputPathsStayInsideOut() throws {
        let extract = try TestSupport.requireExtractBinary()
        let work = try Self.tempDir("escape")
        defer { try? FileManager.default.removeItem(at: work) }
        let report = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/text/t01-2021-tabs.txt"))
        let deep = work.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let names = ["r.txt", "..txt", "‮txt.exe.txt", String(repeating: "长", count: 80) + ".txt", "sp ace.txt"]
        for n in names { try report.write(to: work.appendingPathComponent(n)) }
        try report.write(to: deep.appendingPathComponent("deep.txt"))
        let list = [
            "../../../r.txt", "./../../../..txt", work.appendingPathComponent("‮txt.exe.txt").path,
            "../../../" + names[3], "../../../sp ace.txt", "deep.txt", "./././deep.txt", "..//..//../r.txt",
        ]
        let listFile = work.appendingPathComponent("list")
        try list.joined(separator: "\n").write(to: listFile, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent("a/b/c/out")
        let run = try TestSupport.run(extract, ["--files-from", listFile.path, "--out", out.path, "--jsonl", work.appendingPathComponent("x.jsonl").path, "--quiet"], cwd: deep)
        #expect(run.status == 0, "exit \(run.status): \(run.stderr.prefix(500)) \(run.stdout.prefix(500))")
        let written = Self.files(under: out).filter { $0.hasSuffix(".json") }
        // One file named two ways is one input (deep.txt and ./././deep.txt; ../../../r.txt and ..//..//../r.txt).
        #expect(written.count == 6, "\(written)")
        for rel in written {
            #expect(!rel.split(separator: "/").contains(".."), "\(rel)")
            let resolved = out.appendingPathComponent(rel).resolvingSymlinksInPath().path
            #expect(resolved.hasPrefix(out.resolvingSymlinksInPath().path + "/"), "\(rel) → \(resolved)")
        }
        // Nothing new appeared beside the inputs (outside the output folder and the state folder).
        let outside = Self.files(under: work).filter { !$0.hasPrefix("a/b/c/out") && !$0.hasPrefix("x.jsonl") }
        #expect(Set(outside) == Set(names + ["a", "a/b", "a/b/c", "a/b/c/deep.txt", "list"]), "\(outside.sorted())")
        #expect(BatchDiscovery.sanitize("/../../etc/passwd") == "__/__/etc/passwd")
        #expect(BatchDiscovery.fitComponents(String(repeating: "a", count: 300) + ".pdf").utf8.count <= BatchDiscovery.maxComponentBytes)
    }

    /// A file that takes too long ends its worker: `timeout` for it, the others convert. One file
    /// alone exits 7.
    @Test(.tags(.slow), Prerequisite.slow, Prerequisite.extractBinary)
    func timeoutEndsOneFile() throws {
        let extract = try TestSupport.requireExtractBinary()
        let work = try Self.tempDir("timeout")
        defer { try? FileManager.default.removeItem(at: work) }
        let chunk = "政府信息公开 1 2 3 "
        let slow = "<html><body><table><tr><td>a</td><td>" + String(repeating: chunk, count: (24 << 20) / chunk.utf8.count) + "</td></tr></table></body></html>"
        try Data(slow.utf8).write(to: work.appendingPathComponent("slow.html"))
        try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/text/t01-2021-tabs.txt")).write(to: work.appendingPathComponent("ok.txt"))
        let one = try TestSupport.run(extract, [work.appendingPathComponent("slow.html").path, "--timeout", "0.3"])
        #expect(one.status == 7, "\(one.status) \(one.stderr.prefix(300))")
        #expect(one.stderr.hasSuffix("[timeout]\n") && one.stdout.isEmpty)

        let jsonl = work.appendingPathComponent("b.jsonl")
        // 5 s: the small report converts well within it on a loaded machine; the slow page takes far longer.
        let batch = try TestSupport.run(extract, [work.path, "--jsonl", jsonl.path, "--timeout", "5", "--quiet", "--jobs", "1"])
        #expect(batch.status == 1)
        let records = try Self.records(jsonl)
        #expect(records.count == 2)
        #expect(records.contains { $0["error"]?["code"]?.stringValue == "timeout" })
        #expect(records.contains { $0["error"] == nil && $0["report"] != nil })
    }

    /// A worker over its memory limit dies; that file is `crashed` (the message names the limit), the
    /// batch goes on.
    @Test(.tags(.slow), Prerequisite.slow, Prerequisite.extractBinary)
    func memoryLimitEndsOneFile() throws {
        let extract = try TestSupport.requireExtractBinary()
        let work = try Self.tempDir("memory")
        defer { try? FileManager.default.removeItem(at: work) }
        let page = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/html/h01-2021-utf8.html"), encoding: .utf8)
        let filler = "<p>（此段为填充）本机关持续推进政务公开标准化规范化建设。</p>\n"
        let big = page.replacingOccurrences(of: "</body>", with: String(repeating: filler, count: (40 << 20) / filler.utf8.count) + "</body>")
        try Data(big.utf8).write(to: work.appendingPathComponent("big.html"))
        try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/text/t01-2021-tabs.txt")).write(to: work.appendingPathComponent("ok.txt"))
        let jsonl = work.appendingPathComponent("m.jsonl")
        let batch = try TestSupport.run(extract, [work.path, "--jsonl", jsonl.path, "--memory-limit", "700", "--quiet", "--jobs", "1"])
        #expect(batch.status == 1, "\(batch.status) \(batch.stderr.prefix(300))")
        let records = try Self.records(jsonl)
        #expect(records.count == 2)
        let crashed = records.first { $0["error"]?["code"]?.stringValue == "crashed" }
        #expect(crashed?["error"]?["message"]?.stringValue?.contains("memory limit is 700 MB") == true, "\(records.map { $0["error"]?.serialized(pretty: false).count ?? 0 })")
        #expect(records.contains { $0["error"] == nil })
    }
}
