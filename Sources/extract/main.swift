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

    static func main() {
        Console.reserveStandardDescriptors()
        RawArguments.capture()
        main(nil)
    }
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
        7 longer than --timeout; 64 usage error; 73 the JSON cannot be written (standard output or -o).

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

    @Option(name: .customLong("max-input-size"), help: ArgumentHelp("Refuse an input larger than this, in MB (`too_large`; checked while reading, so standard input and pipes are bounded too).", valueName: "MB"))
    var maxInputSize: Int = ExtractOptions.defaultMaxInputSize >> 20

    @Option(name: .customLong("memory-limit"), help: ArgumentHelp("Address-space limit of each batch worker process, in MB (0: none). A file that needs more is recorded as `crashed`.", valueName: "MB"))
    var memoryLimit: Int = 4096

    @Option(help: ArgumentHelp("The resume state folder (default: <first output>.nianbao-state).", valueName: "DIR"))
    var state: String?

    @Flag(name: .customLong("list-skipped"), help: "Print the files a batch skipped (other types, hidden files), one a line, on standard error.")
    var listSkipped = false

    /// How long LibreOffice may convert one file: a little less than --timeout, so that it is
    /// stopped (and its temporary files removed) before the watchdog or the batch ends the process.
    var converterTimeout: Double { max(timeout * 0.5, timeout - min(2, timeout / 10)) }

    /// The longest --timeout: a week (NaN, infinities and huge values would not convert to a deadline).
    static let maxTimeout: Double = 7 * 24 * 3600

    var extractOptions: ExtractOptions {
        ExtractOptions(blankAsZero: blankAsZero, maxInputSize: maxInputSize << 20, converterTimeout: converterTimeout)
    }

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
        if !timeout.isFinite || timeout <= 0 || timeout > Self.maxTimeout {
            throw ValidationError("--timeout must be a number of seconds between 0 and \(Int(Self.maxTimeout)) (one week).")
        }
        if maxInputSize < 1 || maxInputSize > Int.max >> 21 { throw ValidationError("--max-input-size must be a positive number of MB.") }
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
        let extractor = ReportExtractor(options: extractOptions)
        let report: Report
        // One file converts in this process; the time limit is a watchdog that ends it with status 7.
        let limit = timeout
        let watchdog = DispatchWorkItem {
            ReportExtractor.stopConverters()
            let error = ExtractError(.timeout, path: file, String(format: "conversion took longer than %g s", limit))
            Console.error(error.description + "\n")
            _exit(error.exitStatus)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        do {
            if let raw = RawArguments.bytes[file] {
                // A name that is not UTF-8: opened by its bytes.
                let bytes = try InputReader.read(cPath: raw, path: file, limit: extractOptions.maxInputSize)
                report = try extractor.extract(bytes: bytes, path: file)
            } else {
                report = try extractor.extract(file: file)
            }
            watchdog.cancel()
        } catch {
            watchdog.cancel()
            Console.error(error.description + "\n")
            throw ExitCode(error.exitStatus)
        }
        if !quiet {
            var text = ""
            for d in report.diagnostics {
                let line = d.at.lineOrPage.map { ":\($0)" } ?? ""
                text += "\(file)\(line): \(d.severity.rawValue): \(d.message) [\(d.code)]\n"
            }
            Console.error(text)
        }
        let json = ReportExtractor.json(report, pretty: !compact)
        if let output {
            do {
                try AtomicFile.write(json, to: output)
            } catch {
                Console.error("\(output): error: cannot write: \(error)\n")
                throw ExitCode(Console.cannotWrite)
            }
        } else if let failure = Console.writeOut(json) {
            Console.error("extract: error: cannot write the JSON of \(file) to standard output: \(failure)\n")
            throw ExitCode(Console.cannotWrite)
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
                Console.error("\(filesFrom): error: cannot read the list of files\n")
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
        var config = BatchConfiguration(inputs: found, options: extractOptions, jobs: jobs,
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
            Console.error("extract: error: \(error)\n")
            throw ExitCode(Console.cannotWrite)
        }
        printer.clear()
        if !quiet {
            var text = ""
            for f in summary.failedInputs { text += "\(f.path): error: \(f.message) [\(f.code.rawValue)]\n" }
            text += "extract: \(summary.text)\n"
            Console.error(text)
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
        Console.error("\r\u{1B}[K" + p.line)
    }

    func clear() {
        lock.lock(); defer { lock.unlock() }
        if shown { Console.error("\r\u{1B}[K") }
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
        if let failure = Console.writeOut(Array(text.utf8)) {
            Console.error("extract: error: cannot write to standard output: \(failure)\n")
            throw ExitCode(Console.cannotWrite)
        }
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

/// Standard output and error without Foundation's `FileHandle.write`, which traps (`try!`) when the
/// descriptor cannot be written (`> /dev/full`, `>&-`): a failed write of the JSON is an error with
/// exit status 73, a failed write of a diagnostic is dropped.
enum Console {
    /// The exit status when standard output (or another output) cannot be written.
    static let cannotWrite: Int32 = 73

    /// Makes sure descriptors 0, 1 and 2 are open before anything else opens a file: a closed one
    /// (`>&-`) is opened on /dev/null in the wrong direction, so that writing to it fails (EBADF) and
    /// no file the program opens later takes its number (the JSON would land in it).
    static func reserveStandardDescriptors() {
        for fd: Int32 in [0, 1, 2] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
    }

    /// Writes all of `bytes` to standard output; the `strerror` text on failure.
    static func writeOut(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { buf -> String? in
            var offset = 0
            while offset < buf.count {
                let n = write(1, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return String(cString: strerror(n < 0 ? errno : EIO)) }
                offset += n
            }
            return nil
        }
    }

    /// Writes a message to standard error (a failure is ignored: there is nowhere left to say it).
    static func error(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = write(2, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }
}

/// The command line as bytes: an argument that is not valid UTF-8 (a file name in GBK, say) reaches
/// Swift as a string with U+FFFD in it, which names no file. The raw bytes of such arguments are kept
/// here, by the string Swift made of them, so that a single-file run can still open the file.
enum RawArguments {
    nonisolated(unsafe) private(set) static var bytes: [String: [CChar]] = [:]

    static func capture() {
        for i in 0..<Int(CommandLine.argc) {
            guard let p = CommandLine.unsafeArgv[i] else { continue }
            let raw = Array(UnsafeBufferPointer(start: p, count: strlen(p) + 1))
            let utf8 = raw.dropLast().map { UInt8(bitPattern: $0) }
            if String(validating: utf8, as: UTF8.self) == nil {
                bytes[String(decoding: utf8, as: UTF8.self)] = raw
            }
        }
    }
}
