import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets

/// Small things of the command line (issue 15, item 9) and `extract inspect`, through the built binary.
@Suite(.serialized, Prerequisite.extractBinary) struct CLIToolkitTests {
    let corpusFile = TestSupport.packageRoot.appendingPathComponent("Corpus/text/t01-2021-tabs.txt").path

    func binary() throws -> String {
        try #require(TestSupport.extractBinary, "the extract binary was not built beside the tests")
    }

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cli9-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs `extract` with its standard output on a pseudo-terminal (isatty(1) is true in the child),
    /// through util-linux `script` (Debian's essential bsdutils); standard error goes to a file.
    func runOnTerminal(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let script = try #require(TestSupport.which("script"), "util-linux script is not installed")
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let errPath = dir.appendingPathComponent("err").path
        func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = ([try binary()] + arguments).map(quote).joined(separator: " ") + " 2>" + quote(errPath) + " </dev/null"
        let run = try TestSupport.run(script, ["-qec", command, "/dev/null"])
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (run.status, run.stdout, stderr)
    }

    @Test func schemaCSVWithBOM() throws {
        let plain = try TestSupport.run(try binary(), ["schema", "--format", "csv"])
        let bom = try TestSupport.run(try binary(), ["schema", "--format", "csv", "--bom"])
        #expect(plain.status == 0 && bom.status == 0)
        #expect(bom.stdoutBytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!plain.stdoutBytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(bom.stdoutBytes.dropFirst(3) == plain.stdoutBytes)
        let md = try TestSupport.run(try binary(), ["schema", "--format", "md", "--bom"])
        #expect(md.status == 64)
        #expect(md.stderr.contains("--bom"))
    }

    @Test func helpStatesEachDefaultOnce() throws {
        let help = try TestSupport.run(try binary(), ["help", "convert"])
        #expect(help.status == 0)
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("(default: the number of cores)"))
        // No option's help carries two defaults ("(default: the number of cores). (default: 2)").
        for option in flat.components(separatedBy: " --").dropFirst() {
            #expect(option.components(separatedBy: "(default").count <= 2, "two defaults: --\(option)")
        }
    }

    @Test func shortAndLongVersion() throws {
        let long = try TestSupport.run(try binary(), ["--version"])
        let short = try TestSupport.run(try binary(), ["-V"])
        #expect(long.status == 0 && short.status == 0)
        #expect(long.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == NianbaoVersion.string)
        #expect(short.stdout == long.stdout)
        // Elsewhere an unknown short option is reported as such, with the usage status.
        let unknown = try TestSupport.run(try binary(), ["-W", corpusFile])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("-W"))
    }

    @Test func batchSummarySaysWhatWasReadAndWhatFailed() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try Data("%PDF-1.4 broken".utf8).write(to: archive.appendingPathComponent("a.pdf"))
        try Data().write(to: archive.appendingPathComponent("b.txt"))
        let run = try TestSupport.run(try binary(), [archive.path, "--jsonl", dir.appendingPathComponent("all.jsonl").path, "--jobs", "1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("extract: 2 inputs (2 read now, 0 resumed): 0 reports, 2 failed (damaged 1, empty 1)"), "\(run.stderr)")
        let again = try TestSupport.run(try binary(), [archive.path, "--jsonl", dir.appendingPathComponent("all.jsonl").path, "--jobs", "1"])
        #expect(again.stderr.contains("2 inputs (0 read now, 2 resumed): 0 reports, 2 failed"), "\(again.stderr)")
    }

    @Test(Prerequisite.tool("script")) func batchWithoutOutputRefusesATerminalButFeedsAPipe() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["a.txt", "b.txt"] {
            try FileManager.default.copyItem(atPath: corpusFile, toPath: dir.appendingPathComponent(name).path)
        }
        let terminal = try runOnTerminal([dir.path, "--jobs", "1"])
        #expect(terminal.status == 64)
        #expect(terminal.stdout.isEmpty, "nothing spilled on the terminal")
        #expect(terminal.stderr.contains("--jsonl"))
        let piped = try TestSupport.run(try binary(), [dir.path, "--jobs", "1", "-q"])
        #expect(piped.status == 0)
        #expect(piped.stdout.split(separator: "\n").count == 2)
        // A single file still prints its JSON on a terminal.
        let single = try runOnTerminal([corpusFile, "-q"])
        #expect(single.status == 0)
        #expect(single.stdout.contains("\"schema_version\""))
    }

    @Test func singleFileOutputCreatesItsFolders() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("new/sub/r.json").path
        let run = try TestSupport.run(try binary(), [corpusFile, "-o", out, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(written == (try TestSupport.run(try binary(), [corpusFile, "-q"])).stdoutBytes)
    }

    @Test(Prerequisite.tool("script")) func inspectWritesOnePageAndReportsErrors() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("views/t01.html").path
        let run = try TestSupport.run(try binary(), ["inspect", corpusFile, "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("id=\"nb-data\""))
        // Standard output when it is not a terminal; refused on a terminal.
        let piped = try TestSupport.run(try binary(), ["inspect", corpusFile])
        #expect(piped.status == 0)
        #expect(piped.stdout == page)
        let terminal = try runOnTerminal(["inspect", corpusFile])
        #expect(terminal.status == 64)
        #expect(terminal.stderr.contains("-o"))
        // A file that is not a report: its error and status, no page left behind.
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let bad = try TestSupport.run(try binary(), ["inspect", empty.path, "-o", dir.appendingPathComponent("bad.html").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("[empty]"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.html").path))
        // A file that takes too long: `timeout`, exit 7, no page.
        let chunk = "政府信息公开 1 2 3 "
        let slow = dir.appendingPathComponent("slow.html")
        try Data(("<html><body><table><tr><td>a</td><td>" + String(repeating: chunk, count: (24 << 20) / chunk.utf8.count) + "</td></tr></table></body></html>").utf8).write(to: slow)
        let late = try TestSupport.run(try binary(), ["inspect", slow.path, "--timeout", "0.3", "-o", dir.appendingPathComponent("slow-view.html").path])
        #expect(late.status == 7, "\(late.stderr.prefix(300))")
        #expect(late.stderr.hasSuffix("[timeout]\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("slow-view.html").path))
    }
}
