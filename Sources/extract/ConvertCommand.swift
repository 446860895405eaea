import ArgumentParser
import Foundation
import Nianbao
import NianbaoDatasets

/// `extract convert` (the default command): one report to JSON, or a batch of reports to datasets.
struct ConvertCommand: ParsableCommand {
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

    @OptionGroup var input: InputOptions

    @OptionGroup(title: "Output") var output: OutputOptions

    @OptionGroup(title: "Reading") var reading: ReadingOptions

    @OptionGroup(title: "Batch outputs") var datasets: DatasetOptions

    @OptionGroup(title: "Batch") var batch: BatchOptions

    var isBatch: Bool { datasets.anyRequested || input.namesBatch }

    func validate() throws {
        if input.isEmpty { throw ValidationError("Missing expected argument '<inputs> ...' (or --files-from LIST).") }
        if isBatch {
            if output.output != nil { throw ValidationError("-o/--output names the JSON of a single input; use --out DIR or --jsonl FILE for a batch.") }
            if input.inputs.contains("-") && input.filesFrom != "-" { throw ValidationError("`-` (standard input) is for a single input; use --files-from - to read a list of paths.") }
            if input.inputs.contains("-") { throw ValidationError("`-` cannot be an input of a batch.") }
        }
    }

    mutating func run() throws {
        if isBatch {
            // JSONL of a whole archive is not for reading on a terminal: ask for an output (a pipe still gets it).
            if !datasets.anyRequested && isatty(1) != 0 {
                throw ValidationError(
                    "a batch writes JSONL to standard output, which is a terminal here; name an output (--jsonl FILE, --out DIR, --csv FILE, --long FILE, --sqlite FILE) or pipe it (… | less).")
            }
            try runBatch()
        } else {
            try runSingle(input.inputs[0])
        }
    }

    func runSingle(_ file: String) throws {
        var extractor = ReportExtractor(options: reading.extractOptions)
        if !output.quiet && isatty(2) != 0 {
            extractor.ocrProgress = { @Sendable page, count in
                Console.error("\r\u{1B}[K\(file): OCR page \(page)/\(count)…")
            }
        }
        let report: Report
        // One file converts in this process; the time limit is a watchdog that ends it with status 7.
        let limit = reading.timeout
        let watchdog = DispatchWorkItem {
            ReportExtractor.stopConverters()
            let error = ExtractError(.timeout, path: file, String(format: "conversion took longer than %g s", limit))
            Console.error(error.description + "\n")
            _exit(error.exitStatus)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        do {
            if let raw = RawArguments.bytes[file] {
                // A name that is not UTF-8: opened by its bytes.
                let bytes = try InputReader.read(cPath: raw, path: file, limit: reading.extractOptions.maxInputSize)
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
        if !output.quiet {
            var text = ""
            for d in report.diagnostics {
                let line = d.at.lineOrPage.map { ":\($0)" } ?? ""
                text += "\(file)\(line): \(d.severity.rawValue): \(d.message) [\(d.code)]\n"
            }
            Console.error(text)
        }
        let json = ReportExtractor.json(report, pretty: !output.compact)
        if let path = output.output {
            do {
                try OutputFile.write(json, to: path)
            } catch {
                Console.error("\(path): error: cannot write: \(error)\n")
                throw ExitCode(Console.cannotWrite)
            }
        } else if let failure = Console.writeOut(json) {
            Console.error("extract: error: cannot write the JSON of \(file) to standard output: \(failure)\n")
            throw ExitCode(Console.cannotWrite)
        }
        if output.failOnCheck && report.checks.contains(where: { $0.status == .fail }) {
            throw ExitCode(2)
        }
    }

    func runBatch() throws {
        let discovered = BatchDiscovery.discoverAll(arguments: input.inputs, filesFrom: try input.listedPaths())
        var found = discovered.inputs
        if let shard = batch.shard.flatMap(BatchShard.init) { found = found.filter(shard.contains) }
        if batch.listSkipped {
            var text = ""
            for s in discovered.skipped { text += "\(s.path): skipped: \(s.reason) [\(s.kind)]\n" }
            FileHandle.standardError.write(Data(text.utf8))
        }
        var config = BatchConfiguration(
            inputs: found, options: reading.extractOptions,
            jobs: batch.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            timeout: reading.timeout,
            outputs: datasets.batchOutputs(compactJSON: output.compact, stateDirectory: batch.state),
            worker: BatchWorkerCommand.invocation(reading: reading, memoryLimitMB: batch.memoryLimit))
        config.skipped = discovered.skipped
        let showProgress = !output.quiet && isatty(2) != 0
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
        if !output.quiet {
            var text = ""
            for f in summary.failedInputs { text += "\(f.path): error: \(f.message) [\(f.code.rawValue)]\n" }
            text += "extract: \(summary.text)\n"
            Console.error(text)
        }
        let status = summary.exitStatus(failOnCheck: output.failOnCheck)
        if status != 0 { throw ExitCode(status) }
    }
}
