import ArgumentParser
import Foundation
import NianbaoDatasets

/// `extract merge`: the JSONL outputs of `--shard K/N` runs → the outputs of one run, with the
/// cross-year checks (I5/I6) and duplicates made across the shards.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the JSONL outputs of --shard K/N runs into the final outputs (I5/I6 and duplicates across shards).",
        discussion: """
            Each SHARD is a --jsonl output of `extract ARCHIVE --shard K/N`. The reports are put in input-path \
            order, the cross-year checks and duplicate flags each shard made alone are made again over all of \
            them, and the outputs are those a single run over the archive writes (byte for byte). \
            Exit status: 0 merged, every input converted; 1 merged, some inputs had failed; 64 usage error; \
            73 a shard cannot be read or an output cannot be written.
            """)

    @Argument(help: "JSONL outputs of the shard runs.")
    var shards: [String] = []

    @OptionGroup(title: "Outputs") var datasets: DatasetOptions

    @Flag(help: "Write the --out JSON files compact.")
    var compact = false
    @Flag(name: .shortAndLong, help: "Do not print the summary.")
    var quiet = false
    @Option(help: ArgumentHelp("Threads for the finishing phase.", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if shards.isEmpty { throw ValidationError("Missing expected argument '<shards> ...'.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        let outputs = datasets.batchOutputs(compactJSON: compact, stateDirectory: nil)
        let summary: BatchSummary
        do {
            summary = try BatchMerge(shards: shards, outputs: outputs, jobs: jobs).run()
        } catch {
            FileHandle.standardError.write(Data("extract merge: error: \(error)\n".utf8))
            throw ExitCode(73)
        }
        if !quiet {
            var s = "extract merge: \(shards.count) shards, \(summary.total) inputs: \(summary.reports) reports, \(summary.failed) failed"
            if summary.crossYearChecks > 0 { s += "; cross-year checks I5/I6: \(summary.crossYearChecks), \(summary.crossYearFailures) failed" }
            if summary.duplicateGroups > 0 {
                s += "; duplicates: \(summary.duplicateReports) reports of \(summary.duplicateGroups) agency-years, "
                s += summary.duplicateGroupsDiffering == 0 ? "all with the same values" : "\(summary.duplicateGroupsDiffering) with different values"
            }
            FileHandle.standardError.write(Data((s + "\n").utf8))
        }
        let status = summary.exitStatus(failOnCheck: false)
        if status != 0 { throw ExitCode(status) }
    }
}
