import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// The built `extract` binary: stdout, stderr and exit status.
@Suite(.serialized, Prerequisite.extractBinary) struct CLITests {
    let corpusFile = TestSupport.packageRoot.appendingPathComponent("Corpus/text/t01-2021-tabs.txt").path
    let errorsFile = TestSupport.packageRoot.appendingPathComponent("Corpus/text/t03-2021-layout-other-single.txt").path

    func binary() throws -> String {
        try TestSupport.requireExtractBinary()
    }

    func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func printsJSONAndExitsZero() throws {
        let run = try TestSupport.run(try binary(), [corpusFile])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any])
        #expect((json["report"] as? [String: Any])?["year"] as? Int == 2023)
        #expect((json["cells"] as? [Any])?.count == 200)
    }

    @Test func readsStandardInput() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: corpusFile))
        let run = try TestSupport.run(try binary(), ["-"], stdin: bytes)
        #expect(run.status == 0)
        let fromFile = try TestSupport.run(try binary(), [corpusFile])
        // Same report apart from source.path and report_id (`-`; a file's name).
        let name = (corpusFile as NSString).lastPathComponent
        #expect(
            run.stdout.replacingOccurrences(of: "\"path\": \"-\"", with: "").replacingOccurrences(of: "\"report_id\": \"-\"", with: "")
                == fromFile.stdout.replacingOccurrences(of: "\"path\": \"\(corpusFile)\"", with: "").replacingOccurrences(of: "\"report_id\": \"\(name)\"", with: ""))
    }

    @Test func diagnosticsGoToStandardErrorWithFileAndLine() throws {
        let input = try temp("short.txt", Array(MiniReport.text(table3: MiniReport.table3(replacing: "2.重复申请", with: "2.重复申请\t0\t0\t0\t0\t0\t0")).utf8))
        let run = try TestSupport.run(try binary(), [input])
        #expect(run.status == 0)
        let line = try #require(run.stderr.split(separator: "\n").first { $0.contains("cell_inferred") })
        #expect(line.hasPrefix("\(input):"))
        #expect(line.contains(": warning: "))
    }

    @Test func failOnCheckExitsTwo() throws {
        let plain = try TestSupport.run(try binary(), [errorsFile])
        #expect(plain.status == 0)
        let strict = try TestSupport.run(try binary(), ["--fail-on-check", errorsFile])
        #expect(strict.status == 2)
        #expect(!strict.stdout.isEmpty, "the report is still printed")
        let clean = try TestSupport.run(try binary(), ["--fail-on-check", corpusFile])
        #expect(clean.status == 0)
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("r.json").path
        let run = try TestSupport.run(try binary(), [corpusFile, "-o", out])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let written = try Data(contentsOf: URL(fileURLWithPath: out))
        let stdout = try TestSupport.run(try binary(), [corpusFile]).stdoutBytes
        #expect(written == stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r.json"], "no temporary file left")
        // A failed conversion leaves no output file.
        let bad = try TestSupport.run(try binary(), [try temp("empty.txt", []), "-o", dir.appendingPathComponent("bad.json").path])
        #expect(bad.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.json").path))
    }

    @Test func badInputsGiveOneLineErrorsAndStatusOne() throws {
        var junk: [UInt8] = []
        var x: UInt32 = 7
        for _ in 0..<2048 { x = x &* 1_664_525 &+ 1_013_904_223; junk.append(UInt8(truncatingIfNeeded: x >> 24)) }
        let cases: [(String, [UInt8], String)] = [
            ("empty.txt", [], "empty"),
            ("junk.txt", junk, "undecodable"),
            ("budget.txt", Array("2024年部门预算说明\n一、收入预算\n收入1000万元。\n二、支出预算\n支出1000万元。\n".utf8), "not_a_report"),
        ]
        for (name, bytes, code) in cases {
            let path = try temp(name, bytes)
            let run = try TestSupport.run(try binary(), [path])
            #expect(run.status == 1, "\(name)")
            #expect(run.stdout.isEmpty, "\(name)")
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(name): \(run.stderr)")
            #expect(lines.first?.hasPrefix("\(path): error:") == true, "\(name): \(run.stderr)")
            #expect(lines.first?.contains("[\(code)]") == true, "\(name): \(run.stderr)")
        }
        let missing = try TestSupport.run(try binary(), ["/nonexistent/report.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/report.txt: error: cannot be opened: No such file or directory"))
    }

    @Test func otherEncodingsAreRead() throws {
        let gb = TestSupport.packageRoot.appendingPathComponent("Corpus/text/t15-2021-gb18030.txt").path
        let utf16 = TestSupport.packageRoot.appendingPathComponent("Corpus/text/t16-2022-utf16.txt").path
        for path in [gb, utf16] {
            let run = try TestSupport.run(try binary(), [path])
            #expect(run.status == 0, "\(path): \(run.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any])
            #expect((json["cells"] as? [Any])?.count == 200)
        }
    }

    @Test func usageErrorsExit64AndVersionPrints() throws {
        #expect(try TestSupport.run(try binary(), []).status == 64)
        #expect(try TestSupport.run(try binary(), ["--no-such-flag", corpusFile]).status == 64)
        let version = try TestSupport.run(try binary(), ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == NianbaoVersion.string)
    }
}
