import ArgumentParser
import NianbaoDatasets

/// How a batch of `extract convert` runs: processes, shards, the resume state and the skipped files.
struct BatchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Conversions at once (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Convert only shard K of N (a stable hash of each input's report id); combine the shards with `extract merge`.", valueName: "K/N"))
    var shard: String?

    @Option(
        name: .customLong("memory-limit"), help: ArgumentHelp("Address-space limit of each batch worker process, in MB (0: none). A file that needs more is recorded as `crashed`.", valueName: "MB"))
    var memoryLimit: Int = 4096

    @Option(help: ArgumentHelp("The resume state folder (default: <first output>.nianbao-state).", valueName: "DIR"))
    var state: String?

    @Flag(name: .customLong("list-skipped"), help: "Print the files a batch skipped (other types, hidden files), one a line, on standard error.")
    var listSkipped = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if memoryLimit < 0 { throw ValidationError("--memory-limit must be 0 (none) or a number of MB.") }
        if let shard, BatchShard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/8.") }
    }
}
