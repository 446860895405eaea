import ArgumentParser
import Foundation
import Nianbao

/// `extract`: a disclosure annual report (text, HTML or PDF) in, normalized JSON out.
@main
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Turn a government information-disclosure annual report (政府信息公开工作年度报告) into validated JSON.",
        discussion: """
        Reads FILE (.txt, .md, .html, .pdf; `-` for standard input) and prints the report as JSON.
        Diagnostics go to standard error as `file:line: severity: message`.

        Exit status: 0 success; 1 the input cannot be read or is not a report; 2 a check failed
        (with --fail-on-check); 3 no text layer; 4 garbled text layer; 5 encrypted PDF; 6 damaged file;
        64 usage error.
        """,
        version: NianbaoVersion.string
    )

    @Argument(help: "The report to read (`-` for standard input).")
    var file: String

    @Option(name: .shortAndLong, help: "Write the JSON to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(help: "Exit with status 2 when an identity check fails.")
    var failOnCheck = false

    @Flag(help: "Read blank table cells as 0 (their kind stays `empty`).")
    var blankAsZero = false

    @Flag(help: "Write compact JSON on one line.")
    var compact = false

    @Flag(name: .shortAndLong, help: "Do not print diagnostics.")
    var quiet = false

    mutating func run() throws {
        let extractor = ReportExtractor(options: ExtractOptions(blankAsZero: blankAsZero))
        let report: Report
        do {
            report = try extractor.extract(file: file)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(error.exitStatus)
        }
        if !quiet {
            var text = ""
            for d in report.diagnostics {
                let line = d.at.lineOrPage.map { ":\($0)" } ?? ""
                text += "\(file)\(line): \(d.severity.rawValue): \(d.message) [\(d.code)]\n"
            }
            FileHandle.standardError.write(Data(text.utf8))
        }
        let json = ReportExtractor.json(report, pretty: !compact)
        if let output {
            do {
                try AtomicFile.write(json, to: output)
            } catch {
                FileHandle.standardError.write(Data("\(output): error: cannot write: \(error)\n".utf8))
                throw ExitCode(1)
            }
        } else {
            FileHandle.standardOutput.write(Data(json))
        }
        if failOnCheck && report.checks.contains(where: { $0.status == .fail }) {
            throw ExitCode(2)
        }
    }
}
