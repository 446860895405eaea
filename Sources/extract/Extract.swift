import ArgumentParser
import Nianbao

/// `extract`: disclosure annual reports (text, HTML or PDF) in, normalized JSON or datasets out.
/// Argument parsing and printing only; conversion and batches live in the Nianbao library.
/// Each command is in a file of its name; the option groups of `convert` are in files of theirs.
@main
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Turn government information-disclosure annual reports (政府信息公开工作年度报告) into validated JSON and datasets.",
        discussion: """
            `extract FILE` prints one report as JSON. `extract DIR|FILE…`, `--files-from LIST` or any of \
            --out/--jsonl/--csv/--long/--sqlite converts a batch. `extract schema` prints the codebook. \
            `extract inspect FILE -o view.html` shows where each value came from. \
            See `extract help convert` for every option and the exit statuses; `-V` or `--version` \
            prints the version.
            """,
        version: NianbaoVersion.string,
        subcommands: [ConvertCommand.self, SchemaCommand.self, InspectCommand.self, MergeCommand.self, BatchWorkerCommand.self],
        defaultSubcommand: ConvertCommand.self
    )

    /// `-V` is `--version` (as in many tools); swift-argument-parser knows only the long form.
    static func main() {
        Console.reserveStandardDescriptors()
        RawArguments.capture()
        main(Array(CommandLine.arguments.dropFirst()) == ["-V"] ? ["--version"] : nil)
    }
}
