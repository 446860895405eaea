import ArgumentParser
import Foundation
import Nianbao
import NianbaoDatasets
import NianbaoInspect

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
        `extract inspect FILE -o view.html` shows where each value came from. \
        See `extract help convert` for every option and the exit statuses; `-V` or `--version` \
        prints the version.
        """,
        version: NianbaoVersion.string,
        subcommands: [Convert.self, Schema.self, Inspect.self, Merge.self, Worker.self],
        defaultSubcommand: Convert.self
    )

    /// `-V` is `--version` (as in many tools); swift-argument-parser knows only the long form.
    static func main() {
        Console.reserveStandardDescriptors()
        RawArguments.capture()
        main(Array(CommandLine.arguments.dropFirst()) == ["-V"] ? ["--version"] : nil)
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

    @Option(help: ArgumentHelp("Read pages by OCR: auto (pages without a text layer, and page images), never, always (every page).", valueName: "MODE"))
    var ocr: OCRMode = .auto

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

    @Option(help: ArgumentHelp("Write a Stata file (.dta, format 118) of the wide dataset: short variable names, Chinese labels.", valueName: "FILE"))
    var dta: String?

    @Option(help: ArgumentHelp("Write an SPSS file (.sav) of the wide dataset: short variable names, Chinese labels.", valueName: "FILE"))
    var sav: String?

    @Flag(help: "Add a kind column per key to the wide CSV, .dta and .sav (blank, \"/\" and missing told apart).")
    var kinds = false

    @Option(help: ArgumentHelp("Conversions at once (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Convert only shard K of N (a stable hash of each input's report id); combine the shards with `extract merge`.", valueName: "K/N"))
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
        ExtractOptions(blankAsZero: blankAsZero, maxInputSize: maxInputSize << 20, ocr: ocr, converterTimeout: converterTimeout)
    }

    var batchOutputRequested: Bool {
        outDirectory != nil || jsonl != nil || csv != nil || long != nil || sqlite != nil || dta != nil || sav != nil
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
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
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
        if isBatch {
            // JSONL of a whole archive is not for reading on a terminal: ask for an output (a pipe still gets it).
            if !batchOutputRequested && isatty(1) != 0 {
                throw ValidationError("a batch writes JSONL to standard output, which is a terminal here; name an output (--jsonl FILE, --out DIR, --csv FILE, --long FILE, --sqlite FILE) or pipe it (… | less).")
            }
            try runBatch()
        } else {
            try runSingle(inputs[0])
        }
    }

    func runSingle(_ file: String) throws {
        var extractor = ReportExtractor(options: extractOptions)
        if !quiet && isatty(2) != 0 {
            extractor.ocrProgress = { @Sendable page, count in
                Console.error("\r\u{1B}[K\(file): OCR page \(page)/\(count)…")
            }
        }
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
                try OutputFile.write(json, to: output)
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
        var outputs = BatchOutputs(outDirectory: outDirectory, jsonl: jsonl, csv: csv, long: long, sqlite: sqlite,
                                   bom: bom, compactJSON: compact, stateDirectory: state)
        outputs.dta = dta
        outputs.sav = sav
        outputs.kinds = kinds
        var config = BatchConfiguration(inputs: found, options: extractOptions,
                                        jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                        timeout: timeout, outputs: outputs,
                                        worker: Self.workerCommand(blankAsZero: blankAsZero, ocr: ocr, memoryLimitMB: memoryLimit, converterTimeout: converterTimeout))
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

    static func workerCommand(blankAsZero: Bool, ocr: OCRMode = .auto, memoryLimitMB: Int = 0, converterTimeout: Double = 118) -> WorkerCommand {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return WorkerCommand(executable: exe,
                             arguments: ["batch-worker"] + (blankAsZero ? ["--blank-as-zero"] : []) + (ocr == .auto ? [] : ["--ocr", ocr.rawValue])
                                 + ["--memory-limit", "\(memoryLimitMB)", "--converter-timeout", "\(converterTimeout)"],
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

/// `extract merge`: the JSONL outputs of `--shard K/N` runs → the outputs of one run, with the
/// cross-year checks (I5/I6) and duplicates made across the shards.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    @Option(name: .customLong("out"), help: ArgumentHelp("Write one JSON per input under this folder.", valueName: "DIR"))
    var outDirectory: String?
    @Option(help: ArgumentHelp("Write the merged JSONL (`-`: standard output).", valueName: "FILE"))
    var jsonl: String?
    @Option(help: ArgumentHelp("Write the wide CSV.", valueName: "FILE"))
    var csv: String?
    @Option(help: ArgumentHelp("Write the long CSV.", valueName: "FILE"))
    var long: String?
    @Option(help: ArgumentHelp("Write a SQLite database.", valueName: "FILE"))
    var sqlite: String?
    @Option(help: ArgumentHelp("Write a Stata file (.dta).", valueName: "FILE"))
    var dta: String?
    @Option(help: ArgumentHelp("Write an SPSS file (.sav).", valueName: "FILE"))
    var sav: String?
    @Flag(help: "Add kind columns to the wide CSV, .dta and .sav.")
    var kinds = false
    @Flag(help: "Start CSV files with a UTF-8 byte order mark (Excel).")
    var bom = false
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
        var outputs = BatchOutputs(outDirectory: outDirectory, jsonl: jsonl, csv: csv, long: long, sqlite: sqlite, bom: bom, compactJSON: compact)
        outputs.dta = dta
        outputs.sav = sav
        outputs.kinds = kinds
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

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the codebook: every flat key with its official Chinese label, table, type and generations.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv, json }

    @Option(help: "md (markdown table), csv, or json (a JSON Schema of the report JSON with the codebook under x-codebook).")
    var format: Format = .md

    @Flag(help: "Start the CSV with a UTF-8 byte order mark (Excel); --format csv only.")
    var bom = false

    func validate() throws {
        if bom && format != .csv { throw ValidationError("--bom applies to --format csv only.") }
    }

    func run() throws {
        let text: String
        switch format {
        case .md: text = CodebookExport.markdown()
        case .csv: text = (bom ? "\u{FEFF}" : "") + CodebookExport.csv()
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

    @Option var ocr: OCRMode = .auto

    @Option(name: .customLong("memory-limit")) var memoryLimit: Int = 0

    @Option(name: .customLong("converter-timeout")) var converterTimeout: Double = 118

    func run() throws {
        let status = BatchWorker.serve(options: ExtractOptions(blankAsZero: blankAsZero, ocr: ocr, converterTimeout: converterTimeout),
                                       memoryLimitMB: memoryLimit > 0 ? memoryLimit : nil)
        if status != 0 { throw ExitCode(status) }
    }
}

extension OCRMode: ExpressibleByArgument {}

/// `extract inspect FILE -o view.html`: the page that shows where each value came from.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page showing where each value of a report came from.",
        discussion: """
        PDF: every page drawn by poppler with each cell's box over it. Text and HTML: the lines and \
        table cells with the values marked. Hovering or clicking a value shows its key, official \
        label, value, printed text, kind and diagnostics; clicking a check highlights its cells \
        (`view.html#check=I4.review` selects one on opening). The page needs no network: styles, \
        script and images are inside it. Exit status as for a single-file conversion.
        """
    )

    @Argument(help: "The report (.txt, .md, .html, .pdf).")
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the page to this file (folders are created); standard output when omitted and not a terminal.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Resolution of the PDF page images, in dots per inch (default: 110).", valueName: "DPI"))
    var dpi: Double?

    @Flag(help: "Read blank table cells as 0 (their kind stays `empty`).")
    var blankAsZero = false

    @Option(help: ArgumentHelp("Time limit, in seconds (exit 7 when over; default: 120).", valueName: "SECONDS"))
    var timeout: Double?

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive.") }
        if let dpi, !(36...600).contains(dpi) { throw ValidationError("--dpi must be between 36 and 600.") }
        if output == nil && isatty(1) != 0 {
            throw ValidationError("the page is HTML for a browser; name the file with -o view.html (or redirect standard output).")
        }
    }

    func run() throws {
        let page: [UInt8]
        // As for one file's conversion: a watchdog ends the process with status 7.
        let file = self.file, limit = timeout ?? 120
        let watchdog = DispatchWorkItem {
            let error = ExtractError(.timeout, path: file, String(format: "inspection took longer than %g s", limit))
            Console.error(error.description + "\n")
            _exit(error.exitStatus)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        defer { watchdog.cancel() }
        do {
            page = try InspectPage(options: ExtractOptions(blankAsZero: blankAsZero), dpi: dpi ?? 110).html(file: file)
        } catch {
            Console.error(error.description + "\n")
            throw ExitCode(error.exitStatus)
        }
        guard let output else {
            if let failure = Console.writeOut(page) {
                Console.error("extract: error: cannot write the page of \(file) to standard output: \(failure)\n")
                throw ExitCode(Console.cannotWrite)
            }
            return
        }
        do {
            try OutputFile.write(page, to: output)
        } catch {
            Console.error("\(output): error: cannot write: \(error)\n")
            throw ExitCode(Console.cannotWrite)
        }
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
