import Nianbao
import Foundation

/// Where a batch writes. Any combination; none at all streams JSONL to standard output.
package struct BatchOutputs: Sendable {
    /// One JSON per input, `<dir>/<report id>.json` (errors: `<report id>.error.json`).
    package var outDirectory: String?
    /// One line per input: the report, or an error record. `-` = standard output.
    package var jsonl: String?
    /// Wide CSV: one row per report.
    package var csv: String?
    /// Long CSV: one row per cell.
    package var long: String?
    /// SQLite database.
    package var sqlite: String?
    /// Stata (.dta) and SPSS (.sav) files of the wide dataset.
    package var dta: String?
    package var sav: String?
    /// Kind columns beside the values (wide CSV, .dta, .sav): blank, "/" and missing told apart.
    package var kinds = false
    /// Start the CSV files with a UTF-8 byte order mark (for Excel).
    package var bom = false
    /// Write the `--out` JSON files compact instead of indented.
    package var compactJSON = false
    /// The resume state folder; default `<first output>.nianbao-state` (first of out, jsonl, csv, long, sqlite).
    package var stateDirectory: String?

    package init(
        outDirectory: String? = nil, jsonl: String? = nil, csv: String? = nil, long: String? = nil, sqlite: String? = nil,
        bom: Bool = false, compactJSON: Bool = false, stateDirectory: String? = nil
    ) {
        self.outDirectory = outDirectory; self.jsonl = jsonl; self.csv = csv; self.long = long; self.sqlite = sqlite
        self.bom = bom; self.compactJSON = compactJSON; self.stateDirectory = stateDirectory
    }

    /// The default state folder, or nil when every output is standard output (no resume then).
    package var defaultStateDirectory: String? {
        if let stateDirectory { return stateDirectory }
        // Standard output and devices or pipes (/dev/stdout, /dev/null, a FIFO) cannot hold a state
        // folder beside them; a regular path under /dev (a tmpfs such as /dev/shm) can.
        let first = [outDirectory, jsonl, csv, long, sqlite, dta, sav].compactMap { $0 }
            .first { $0 != "-" && !AggregateFile.isSpecialFile($0) }
        guard var p = first else { return nil }
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p + ".nianbao-state"
    }
}

package struct BatchConfiguration: Sendable {
    package var inputs: [BatchInput]
    package var options: ExtractOptions
    /// Conversions at once.
    package var jobs: Int
    /// Seconds per input (enforced with worker processes only).
    package var timeout: Double
    package var outputs: BatchOutputs
    /// Worker processes isolate crashes and enforce the timeout; nil converts in threads of this process.
    package var worker: WorkerCommand?
    /// The files discovery skipped (reported in the summary and the SQLite `skipped` table).
    package var skipped: [SkippedFile] = []

    package init(
        inputs: [BatchInput], options: ExtractOptions = ExtractOptions(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        timeout: Double = 120, outputs: BatchOutputs, worker: WorkerCommand? = nil
    ) {
        self.inputs = inputs; self.options = options; self.jobs = max(1, jobs); self.timeout = timeout
        self.outputs = outputs; self.worker = worker
    }
}
