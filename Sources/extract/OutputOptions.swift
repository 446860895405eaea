import ArgumentParser

/// What a single-file `extract convert` writes and how it ends; --compact, --quiet and
/// --fail-on-check apply to a batch too.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the JSON to this file (atomically) instead of standard output (one input).")
    var output: String?

    @Flag(help: "Exit with status 2 when an identity check fails.")
    var failOnCheck = false

    @Flag(help: "Write compact JSON on one line.")
    var compact = false

    @Flag(name: .shortAndLong, help: "Do not print diagnostics, progress or the summary.")
    var quiet = false
}
