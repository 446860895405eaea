import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// The bad-input corpus (Scripts/generate-bad-corpus): every broken or hostile file gives its
/// documented error code or a best-effort report, never a crash or a hang.
enum BadInputCorpus {
    struct Entry: Decodable, Sendable, CustomStringConvertible {
        var name: String
        /// `report`, `any`, or an ``ExtractError/Code`` raw value.
        var expect: String
        var why: String
        var description: String { name }
    }
    struct Manifest: Decodable { var files: [Entry] }

    /// The corpus without its huge files, generated once per test run into a temp folder
    /// (nil when python3 is missing: the tests are then skipped with a message).
    static let directory: URL? = generate(huge: false)

    static func generate(huge: Bool) -> URL? {
        guard let python = TestSupport.which("python3") else { return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bad-\(UUID().uuidString)")
        let script = TestSupport.packageRoot.appendingPathComponent("Scripts/generate-bad-corpus").path
        guard let run = try? TestSupport.run(python, [script, "--out", dir.path] + (huge ? [] : ["--no-huge"])),
              run.status == 0 else { return nil }
        return dir
    }

    static var entries: [Entry] {
        guard let dir = directory,
              let data = try? Data(contentsOf: dir.appendingPathComponent("manifest.json")),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else { return [] }
        return manifest.files
    }

    /// Checks one outcome against the manifest's expectation.
    static func check(_ entry: Entry, _ outcome: Result<Report, ExtractError>, seconds: Double) {
        switch (entry.expect, outcome) {
        case ("report", .failure(let e)):
            Issue.record("\(entry.name) (\(entry.why)): expected a best-effort report, got \(e)")
        case ("report", .success), ("any", _):
            break
        case (let code, .success):
            Issue.record("\(entry.name) (\(entry.why)): expected error \(code), got a report")
        case (let code, .failure(let e)):
            #expect(e.code.rawValue == code, "\(entry.name) (\(entry.why)): \(e)")
        }
        if case .success(let report) = outcome {
            // A report always serializes, and says something about what went wrong when it is thin.
            let json = ReportExtractor.json(report, pretty: false)
            #expect(json.first == UInt8(ascii: "{") && json.last == UInt8(ascii: "}"), "\(entry.name): JSON")
        }
        #expect(seconds < 20, "\(entry.name) took \(seconds) s")
    }
}

@Suite(.serialized) struct BadInputCorpusTests {
    @Test func corpusIsGenerated() throws {
        guard TestSupport.which("python3") != nil else {
            print("skipped: python3 is not installed (Scripts/generate-bad-corpus needs it)")
            return
        }
        #expect(BadInputCorpus.directory != nil, "Scripts/generate-bad-corpus failed")
        #expect(BadInputCorpus.entries.count >= 80)
    }

    /// In process, through the library: the documented code or a report, for each file.
    @Test(arguments: BadInputCorpus.entries)
    func library(entry: BadInputCorpus.Entry) throws {
        let dir = try #require(BadInputCorpus.directory)
        let path = dir.appendingPathComponent(entry.name).path
        let start = Date()
        let outcome: Result<Report, ExtractError>
        do {
            outcome = .success(try ReportExtractor().extract(file: path))
        } catch {
            outcome = .failure(error)
        }
        BadInputCorpus.check(entry, outcome, seconds: Date().timeIntervalSince(start))
    }

    /// Through the CLI, one file per expected outcome (the batch test runs them all): exit status 0
    /// or the status of its error code, one error line on standard error, and never a signal.
    @Test func cliExitStatuses() throws {
        guard let extract = TestSupport.extractBinary, let dir = BadInputCorpus.directory else { return }
        var seen = Set<String>()
        let sample = BadInputCorpus.entries.filter { seen.insert($0.expect).inserted || $0.expect == "any" && $0.name.hasSuffix(".pdf") }
        for entry in sample {
            let run = try TestSupport.run(extract, ["--quiet", "--compact", dir.appendingPathComponent(entry.name).path])
            let expected: Set<Int32>
            switch entry.expect {
            case "report": expected = [0]
            case "any": expected = Set([0] + ExtractError.Code.allCases.map { ExtractError($0, path: "", "").exitStatus })
            default: expected = [ExtractError(ExtractError.Code(rawValue: entry.expect)!, path: "", "").exitStatus]
            }
            #expect(expected.contains(run.status), "\(entry.name): exit \(run.status), stderr: \(run.stderr.prefix(300))")
            if run.status == 0 {
                #expect(run.stdoutBytes.first == UInt8(ascii: "{"), "\(entry.name): no JSON on stdout")
            } else {
                #expect(run.stderr.contains("error:") && run.stderr.hasSuffix("]\n"), "\(entry.name): \(run.stderr.prefix(300))")
                #expect(run.stdout.isEmpty, "\(entry.name): output despite the error")
            }
        }
    }
}
