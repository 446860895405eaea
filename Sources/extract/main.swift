import ArgumentParser
import Foundation
import Nianbao
import NianbaoDatasets

/// `extract`: disclosure annual reports (text, HTML or PDF) in, normalized JSON or datasets out.
/// Argument parsing and printing only; conversion and batches live in the Nianbao library.
@main
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Turn government information-disclosure annual reports (政府信息公开工作年度报告) into validated JSON and datasets.",
        discussion: """
        `extract FILE` prints one report as JSON. `extract DIR|FILE…`, `--files-from LIST` or any of \
        --out/--jsonl/--csv/--long/--sqlite converts a batch. `extract schema` prints the codebook. \
        See `extract help convert` for every option and the exit statuses.
        """,
        version: NianbaoVersion.string,
        subcommands: [Convert.self, Schema.self, Worker.self],
        defaultSubcommand: Convert.self
    )
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert one report to JSON, or a batch of reports to datasets (the default subcommand).",
        discussion: """
        One FILE (.txt, .md, .html, .pdf, .docx, .doc, .wps, .rtf, .odt, .ofd; `-` for standard input; \
        the type is read from the bytes, not the name) and no batch output: prints the report \
        as JSON; diagnostics go to standard error as `file:line: severity: message`. \
        Exit status: 0 success; 1 the input cannot be read or is not a report; 2 a check failed \
        (with --fail-on-check); 3 no text layer; 4 garbled text layer; 5 encrypted PDF; 6 damaged file; \
        7 longer than --timeout; 64 usage error.

        Batch mode (a directory, several inputs, --files-from, or --out/--jsonl/--csv/--long/--sqlite): \
        directories are searched recursively for .pdf .txt .md .html .htm .docx .doc .wps .rtf .odt .ofd \
        and archives (.zip .rar .7z .tar.gz …, opened in place, nested archives one level deep; each \
        report inside is an input `ARCHIVE!/MEMBER`); other files and hidden files are skipped and \
        counted in the summary (--list-skipped names them). An archive named alone is a batch too. \
        Outputs are in input-path order. Without an output option the JSONL goes to standard output. A file that fails is \
        recorded (JSONL error record, `<id>.error.json`, SQLite `errors`) and the batch goes on. \
        Re-running the same command resumes: inputs already converted with the same SHA-256 and options \
        are taken from the state folder `<first output>.nianbao-state` (--state to choose it).

        Batch exit status: 0 every input converted; 1 one or more inputs failed; 2 (with --fail-on-check) \
        all converted but a report has a failed check; 64 usage error; 73 an output cannot be written.
        """
    )

    @Argument(help: "Reports or folders of reports (`-` for standard input, one file only).")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Write the JSON to this file (atomically) instead of standard output (one input).")
    var output: String?

    @Flag(help: "Exit with status 2 when an identity check fails.")
    var failOnCheck = false

    @Flag(help: "Read blank table cells as 0 (their kind stays `empty`).")
    var blankAsZero = false

    @Flag(help: "Write compact JSON on one line.")
    var compact = false

    @Flag(name: .shortAndLong, help: "Do not print diagnostics, progress or the summary.")
    var quiet = false

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read input paths from this file, one a line (`-`: standard input).", valueName: "LIST"))
    var filesFrom: String?

    @Option(name: .customLong("out"), help: ArgumentHelp("Write one JSON per input under this folder, mirroring the input paths.", valueName: "DIR"))
    var outDirectory: String?

    @Option(help: ArgumentHelp("Write one line per input (report or error record) to this file (`-`: standard output).", valueName: "FILE"))
    var jsonl: String?

    @Option(help: ArgumentHelp("Write the wide CSV (one row per report, one column per flat key).", valueName: "FILE"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the long CSV (one row per cell).", valueName: "FILE"))
    var long: String?

    @Option(help: ArgumentHelp("Write a SQLite database (reports, cells, checks, diagnostics, errors).", valueName: "FILE"))
    var sqlite: String?

    @Option(help: ArgumentHelp("Conversions at once (default: the number of cores).", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Convert only shard K of N (a stable hash of each input's relative path).", valueName: "K/N"))
    var shard: String?

    @Flag(help: "Start CSV files with a UTF-8 byte order mark (Excel).")
    var bom = false

    @Option(help: ArgumentHelp("Time limit per input, in seconds (a batch records `timeout` and goes on; one file exits 7).", valueName: "SECONDS"))
    var timeout: Double = 120

    @Option(name: .customLong("memory-limit"), help: ArgumentHelp("Address-space limit of each batch worker process, in MB (0: none). A file that needs more is recorded as `crashed`.", valueName: "MB"))
    var memoryLimit: Int = 4096

    @Option(help: ArgumentHelp("The resume state folder (default: <first output>.nianbao-state).", valueName: "DIR"))
    var state: String?

    @Flag(name: .customLong("list-skipped"), help: "Print the files a batch skipped (other types, hidden files), one a line, on standard error.")
    var listSkipped = false

    /// How long LibreOffice may convert one file: a little less than --timeout, so that it is
    /// stopped (and its temporary files removed) before the watchdog or the batch ends the process.
    var converterTimeout: Double { max(timeout * 0.5, timeout - min(2, timeout / 10)) }

    var batchOutputRequested: Bool {
        outDirectory != nil || jsonl != nil || csv != nil || long != nil || sqlite != nil
    }

    var isBatch: Bool {
        if batchOutputRequested || filesFrom != nil || inputs.count != 1 { return true }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: inputs[0], isDirectory: &isDir) && isDir.boolValue { return true }
        // An archive holds several reports: one record per report inside.
        return inputs[0] != "-" && BatchDiscovery.isArchiveFile(inputs[0])
    }

    func validate() throws {
        if inputs.isEmpty && filesFrom == nil { throw ValidationError("Missing expected argument '<inputs> ...' (or --files-from LIST).") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if timeout <= 0 { throw ValidationError("--timeout must be positive.") }
        if memoryLimit < 0 { throw ValidationError("--memory-limit must be 0 (none) or a number of MB.") }
        if let shard, BatchShard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/8.") }
        if isBatch {
            if output != nil { throw ValidationError("-o/--output names the JSON of a single input; use --out DIR or --jsonl FILE for a batch.") }
            if inputs.contains("-") && filesFrom != "-" { throw ValidationError("`-` (standard input) is for a single input; use --files-from - to read a list of paths.") }
            if inputs.contains("-") { throw ValidationError("`-` cannot be an input of a batch.") }
        }
    }

    mutating func run() throws {
        if isBatch { try runBatch() } else { try runSingle(inputs[0]) }
    }

    func runSingle(_ file: String) throws {
        let extractor = ReportExtractor(options: ExtractOptions(blankAsZero: blankAsZero, converterTimeout: converterTimeout))
        let report: Report
        // One file converts in this process; the time limit is a watchdog that ends it with status 7.
        let limit = timeout
        let watchdog = DispatchWorkItem {
            ReportExtractor.stopConverters()
            let error = ExtractError(.timeout, path: file, String(format: "conversion took longer than %g s", limit))
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            _exit(error.exitStatus)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        do {
            report = try extractor.extract(file: file)
            watchdog.cancel()
        } catch {
            watchdog.cancel()
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

    func runBatch() throws {
        var listed: [String] = []
        if let filesFrom {
            let data: Data?
            data = filesFrom == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: filesFrom)
            guard let data else {
                FileHandle.standardError.write(Data("\(filesFrom): error: cannot read the list of files\n".utf8))
                throw ExitCode(64)
            }
            listed = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        let discovered = BatchDiscovery.discoverAll(arguments: inputs, filesFrom: listed)
        var found = discovered.inputs
        if let shard = shard.flatMap(BatchShard.init) { found = found.filter(shard.contains) }
        if listSkipped {
            var text = ""
            for s in discovered.skipped { text += "\(s.path): skipped: \(s.reason) [\(s.kind)]\n" }
            FileHandle.standardError.write(Data(text.utf8))
        }
        let outputs = BatchOutputs(outDirectory: outDirectory, jsonl: jsonl, csv: csv, long: long, sqlite: sqlite,
                                   bom: bom, compactJSON: compact, stateDirectory: state)
        var config = BatchConfiguration(inputs: found, options: ExtractOptions(blankAsZero: blankAsZero, converterTimeout: converterTimeout), jobs: jobs,
                                        timeout: timeout, outputs: outputs,
                                        worker: Self.workerCommand(blankAsZero: blankAsZero, memoryLimitMB: memoryLimit, converterTimeout: converterTimeout))
        config.skipped = discovered.skipped
        let showProgress = !quiet && isatty(2) != 0
        let printer = ProgressPrinter()
        let summary: BatchSummary
        do {
            var callback: (@Sendable (BatchProgress) -> Void)? = nil
            if showProgress { callback = { @Sendable p in printer.show(p) } }
            summary = try BatchEngine(config).run(progress: callback)
        } catch {
            printer.clear()
            FileHandle.standardError.write(Data("extract: error: \(error)\n".utf8))
            throw ExitCode(73)
        }
        printer.clear()
        if !quiet {
            var text = ""
            for f in summary.failedInputs { text += "\(f.path): error: \(f.message) [\(f.code.rawValue)]\n" }
            text += "extract: \(summary.text)\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
        let status = summary.exitStatus(failOnCheck: failOnCheck)
        if status != 0 { throw ExitCode(status) }
    }

    static func workerCommand(blankAsZero: Bool, memoryLimitMB: Int = 0, converterTimeout: Double = 118) -> WorkerCommand {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return WorkerCommand(executable: exe,
                             arguments: ["batch-worker"] + (blankAsZero ? ["--blank-as-zero"] : []) + ["--memory-limit", "\(memoryLimitMB)",
                                         "--converter-timeout", "\(converterTimeout)"],
                             memoryLimitMB: memoryLimitMB > 0 ? memoryLimitMB : nil)
    }
}

/// The progress line on a terminal: redrawn at most 10 times a second.
final class ProgressPrinter: @unchecked Sendable {
    let lock = NSLock()
    var last = 0.0
    var shown = false

    func show(_ p: BatchProgress) {
        lock.lock(); defer { lock.unlock() }
        let now = Date().timeIntervalSinceReferenceDate
        guard now - last >= 0.1 || p.done == p.total else { return }
        last = now
        shown = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + p.line).utf8))
    }

    func clear() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the codebook: every flat key with its official Chinese label, table, type and generations.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv, json }

    @Option(help: "md (markdown table), csv, or json (a JSON Schema of the report JSON with the codebook under x-codebook).")
    var format: Format = .md

    func run() throws {
        let text: String
        switch format {
        case .md: text = CodebookExport.markdown()
        case .csv: text = CodebookExport.csv()
        case .json: text = String(decoding: Codebook.jsonSchema().serialized(pretty: true), as: UTF8.self)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// The worker process of a batch (internal protocol on standard input/output).
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch-worker", shouldDisplay: false)

    @Flag var blankAsZero = false

    @Option(name: .customLong("memory-limit")) var memoryLimit: Int = 0

    @Option(name: .customLong("converter-timeout")) var converterTimeout: Double = 118

    func run() throws {
        let status = BatchWorker.serve(options: ExtractOptions(blankAsZero: blankAsZero, converterTimeout: converterTimeout),
                                       memoryLimitMB: memoryLimit > 0 ? memoryLimit : nil)
        if status != 0 { throw ExitCode(status) }
    }
}
