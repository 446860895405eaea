import Foundation
import Testing

/// The shape of `extract`'s command line (issue 10, item 4): convert's options in groups, merge
/// sharing convert's outputs, and the usage errors the grouping must not change.
@Suite(Prerequisite.extractBinary) struct CLIShapeTests {
    func binary() throws -> String {
        try #require(TestSupport.extractBinary, "the extract binary was not built beside the tests")
    }

    /// The lines of a help text that start an option or argument (`  --csv <FILE>  …`), by name.
    func optionLines(_ help: String) -> [String] {
        help.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  -") || $0.hasPrefix("  <") }
    }

    /// The section headings of a help text (`OUTPUT:`), in order.
    func headings(_ help: String) -> [String] {
        help.split(separator: "\n").map(String.init).filter { $0.hasSuffix(":") && !$0.hasPrefix(" ") && $0 == $0.uppercased() }
    }

    @Test func convertHelpListsEveryOptionOnceUnderItsGroup() throws {
        let help = try TestSupport.run(try binary(), ["help", "convert"])
        #expect(help.status == 0)
        #expect(headings(help.stdout) == ["ARGUMENTS:", "OUTPUT:", "READING:", "BATCH OUTPUTS:", "BATCH:", "OPTIONS:"])
        let names = [
            "<inputs>", "-o, --output", "--fail-on-check", "--compact", "-q, --quiet", "--blank-as-zero", "--ocr", "--timeout",
            "--max-input-size", "--out", "--jsonl", "--csv", "--long", "--sqlite", "--dta", "--sav", "--kinds", "--bom", "--jobs",
            "--shard", "--memory-limit", "--state", "--list-skipped", "--files-from", "--version", "-h, --help",
        ]
        let lines = optionLines(help.stdout)
        for name in names {
            let count = lines.filter { $0.dropFirst(2).hasPrefix(name + " ") || $0.dropFirst(2) == name }.count
            #expect(count == 1, "\(name) is listed \(count) times")
        }
        #expect(lines.count == names.count, "options not in the list: \(lines)")
    }

    @Test func mergeNamesItsOutputsAsConvertDoes() throws {
        let convert = try TestSupport.run(try binary(), ["help", "convert"])
        let merge = try TestSupport.run(try binary(), ["help", "merge"])
        #expect(convert.status == 0 && merge.status == 0)
        func section(_ help: String, _ heading: String) -> [String] {
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let start = lines.firstIndex(of: heading) else { return [] }
            return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
        }
        let outputs = section(merge.stdout, "OUTPUTS:")
        #expect(outputs.first?.hasPrefix("  --out <DIR>") == true)
        #expect(outputs == section(convert.stdout, "BATCH OUTPUTS:"))
    }

    /// A bare `extract` is convert without inputs: the usage error names the missing inputs (an
    /// option group's own validation would make it print the overview instead).
    @Test func bareExtractSaysWhatIsMissing() throws {
        for arguments in [[], ["convert"]] {
            let run = try TestSupport.run(try binary(), arguments)
            #expect(run.status == 64)
            #expect(run.stderr.contains("Missing expected argument '<inputs> ...' (or --files-from LIST)."), "\(run.stderr)")
            #expect(!run.stderr.contains("OVERVIEW"))
        }
    }

    /// Each group checks its own options; the batch-only checks stay with the command.
    @Test(arguments: [
        (["--jobs", "0", "x"], "--jobs must be at least 1."),
        (["--max-input-size", "0", "x"], "--max-input-size must be a positive number of MB."),
        (["--shard", "3/2", "x"], "--shard must be K/N"),
        (["-o", "out.json", "x", "y"], "-o/--output names the JSON of a single input"),
    ])
    func groupValidationIsAUsageError(arguments: [String], message: String) throws {
        let run = try TestSupport.run(try binary(), arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
