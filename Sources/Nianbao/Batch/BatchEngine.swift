import Foundation

/// Where a batch writes. Any combination; none at all streams JSONL to standard output.
public struct BatchOutputs: Sendable {
    /// One JSON per input, `<dir>/<report id>.json` (errors: `<report id>.error.json`).
    public var outDirectory: String?
    /// One line per input: the report, or an error record. `-` = standard output.
    public var jsonl: String?
    /// Wide CSV: one row per report.
    public var csv: String?
    /// Long CSV: one row per cell.
    public var long: String?
    /// SQLite database.
    public var sqlite: String?
    /// Start the CSV files with a UTF-8 byte order mark (for Excel).
    public var bom = false
    /// Write the `--out` JSON files compact instead of indented.
    public var compactJSON = false
    /// The resume state folder; default `<first output>.nianbao-state` (first of out, jsonl, csv, long, sqlite).
    public var stateDirectory: String?

    public init(outDirectory: String? = nil, jsonl: String? = nil, csv: String? = nil, long: String? = nil, sqlite: String? = nil,
                bom: Bool = false, compactJSON: Bool = false, stateDirectory: String? = nil) {
        self.outDirectory = outDirectory; self.jsonl = jsonl; self.csv = csv; self.long = long; self.sqlite = sqlite
        self.bom = bom; self.compactJSON = compactJSON; self.stateDirectory = stateDirectory
    }

    /// The default state folder, or nil when every output is standard output (no resume then).
    public var defaultStateDirectory: String? {
        if let stateDirectory { return stateDirectory }
        // Standard output and devices or pipes (/dev/stdout) cannot hold a state folder beside them.
        let first = [outDirectory, jsonl, csv, long, sqlite].compactMap { $0 }
            .first { $0 != "-" && !$0.hasPrefix("/dev/") && !AggregateFile.isSpecialFile($0) }
        guard var p = first else { return nil }
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p + ".nianbao-state"
    }
}

public struct BatchConfiguration: Sendable {
    public var inputs: [BatchInput]
    public var options: ExtractOptions
    /// Conversions at once.
    public var jobs: Int
    /// Seconds per input (enforced with worker processes only).
    public var timeout: Double
    public var outputs: BatchOutputs
    /// Worker processes isolate crashes and enforce the timeout; nil converts in threads of this process.
    public var worker: WorkerCommand?

    public init(inputs: [BatchInput], options: ExtractOptions = ExtractOptions(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                timeout: Double = 120, outputs: BatchOutputs, worker: WorkerCommand? = nil) {
        self.inputs = inputs; self.options = options; self.jobs = max(1, jobs); self.timeout = timeout
        self.outputs = outputs; self.worker = worker
    }
}

public struct BatchProgress: Sendable {
    /// Converting inputs, then writing the outputs (`done` counts inputs written).
    public enum Phase: Sendable { case converting, writing }
    public var phase: Phase = .converting
    public var done: Int
    public var total: Int
    /// Converted in this run / taken from the state of an earlier run.
    public var converted: Int
    public var reused: Int
    public var failed: Int
    public var elapsed: Double

    /// `  412/1000  41%  35.2/s  ETA 0:17  failed 3`
    public var line: String {
        if phase == .writing {
            return String(format: "writing outputs %6d/%d %3d%%  failed %d", done, total, total > 0 ? done * 100 / total : 100, failed)
        }
        let rate = elapsed > 0 ? Double(converted) / elapsed : 0
        let left = total - done
        let eta: String
        if rate > 0 { let s = Int(Double(left) / rate); eta = String(format: "%d:%02d", s / 60, s % 60) } else { eta = "–" }
        let percent = total > 0 ? done * 100 / total : 100
        return String(format: "%6d/%d %3d%%  %.1f/s  ETA %@  failed %d", done, total, percent, rate, eta, failed)
            + (reused > 0 ? "  resumed \(reused)" : "")
    }
}

public struct BatchSummary: Sendable {
    public var total = 0
    /// Inputs that gave a report (converted now or earlier).
    public var reports = 0
    public var convertedNow = 0
    public var reused = 0
    /// Failed inputs by error code.
    public var failures: [String: Int] = [:]
    public var reportsWithFailedChecks = 0
    /// Cross-year checks added (I5 + I6) and how many failed.
    public var crossYearChecks = 0
    public var crossYearFailures = 0
    public var elapsed = 0.0

    /// The inputs that failed, in path order: path, error code, message.
    public var failedInputs: [(path: String, code: String, message: String)] = []

    public var failed: Int { failures.values.reduce(0, +) }

    /// 0 all inputs converted; 1 some input failed; 2 (with `failOnCheck`) all converted but a check failed.
    public func exitStatus(failOnCheck: Bool) -> Int32 {
        if failed > 0 { return 1 }
        if failOnCheck && reportsWithFailedChecks > 0 { return 2 }
        return 0
    }

    public var text: String {
        var s = "\(total) inputs: \(reports) reports (\(convertedNow) converted, \(reused) resumed), \(failed) failed"
        if !failures.isEmpty {
            s += " (" + failures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        s += "; \(reportsWithFailedChecks) reports with failed checks"
        if crossYearChecks > 0 { s += "; cross-year checks I5/I6: \(crossYearChecks), \(crossYearFailures) failed" }
        s += String(format: "; %.1f s", elapsed)
        return s
    }
}

public struct BatchError: Error, CustomStringConvertible {
    public var description: String
}

/// Converts a batch of inputs into datasets, in parallel, resumably.
///
/// 1. Convert: `jobs` threads take inputs in path order; each reads the file, hashes it, and looks
///    up its state entry (``BatchStateStore``); if absent, converts it (in a worker process when
///    ``BatchConfiguration/worker`` is set, with the timeout) and writes the entry atomically. Only
///    a ``YearSummary`` per input stays in memory.
/// 2. Aggregate: inputs in path order; each entry is read back, the cross-year checks I5/I6 added
///    from the summaries, and the report streamed to every output, each a temporary file renamed
///    into place at the end. Memory holds one report at a time.
public final class BatchEngine: @unchecked Sendable {
    public let configuration: BatchConfiguration

    public init(_ configuration: BatchConfiguration) {
        self.configuration = configuration
    }

    struct Outcome {
        var key: String?
        var sha256: String?
        var errorCode: String?
        var errorMessage: String?
        var summary: YearSummary?
        var reused = false
    }

    final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var outcomes: [Outcome?]
        var done = 0, converted = 0, reused = 0, failed = 0
        var fatal: String?
        init(count: Int) { outcomes = Array(repeating: nil, count: count) }

        func take() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard fatal == nil, next < outcomes.count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Runs the batch. `progress` is called (from worker threads, serialized) after each input.
    public func run(progress: (@Sendable (BatchProgress) -> Void)? = nil) throws -> BatchSummary {
        let c = configuration
        let start = monotonicNow()
        var temporaryState: String? = nil
        let stateDir: String
        if let d = c.outputs.defaultStateDirectory {
            stateDir = d
        } else {
            let d = NSTemporaryDirectory() + "/nianbao-state-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            temporaryState = d
            stateDir = d
        }
        defer { if let temporaryState { try? FileManager.default.removeItem(atPath: temporaryState) } }
        let store: BatchStateStore
        do { store = try BatchStateStore(directory: stateDir) } catch {
            throw BatchError(description: "\(stateDir): cannot create the state folder: \(error)")
        }
        // One batch at a time per state folder (the lock goes with the process, SIGKILL included).
        let lockFD = open(stateDir + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockFD >= 0, flock(lockFD, LOCK_EX | LOCK_NB) == 0 else {
            if lockFD >= 0 { close(lockFD) }
            throw BatchError(description: "\(stateDir): another batch is writing these outputs (or the state folder is not writable)")
        }
        defer { close(lockFD) }
        if c.worker != nil { signal(SIGPIPE, SIG_IGN) }

        // 1. Convert.
        let fingerprint = BatchStateStore.fingerprint(c.options)
        let shared = Shared(count: c.inputs.count)
        let threads = min(c.jobs, max(1, c.inputs.count))
        Self.runThreads(threads) { _ in
            var worker: WorkerProcess? = nil
            while let i = shared.take() {
                let o = self.process(i, store: store, fingerprint: fingerprint, worker: &worker, shared: shared)
                shared.lock.lock()
                shared.outcomes[i] = o
                shared.done += 1
                if o.errorCode != nil { shared.failed += 1 }
                if o.reused { shared.reused += 1 } else { shared.converted += 1 }
                let p = BatchProgress(done: shared.done, total: c.inputs.count, converted: shared.converted, reused: shared.reused,
                                      failed: shared.failed, elapsed: monotonicNow() - start)
                progress?(p)
                shared.lock.unlock()
            }
            worker?.stop()
        }
        if let fatal = shared.fatal { throw BatchError(description: fatal) }
        let outcomes = shared.outcomes.map { $0! }

        // 2. Aggregate.
        var summary = try aggregate(outcomes, store: store) { written in
            progress?(BatchProgress(phase: .writing, done: written, total: c.inputs.count, converted: shared.converted, reused: shared.reused,
                                    failed: shared.failed, elapsed: monotonicNow() - start))
        }
        summary.total = c.inputs.count
        summary.reused = outcomes.filter(\.reused).count
        summary.convertedNow = outcomes.count - summary.reused
        store.collectGarbage(keep: Set(outcomes.compactMap(\.key)))
        summary.elapsed = monotonicNow() - start
        return summary
    }

    /// Codes not kept in the state: tried again by the next run.
    static let transientCodes: Set<String> = [ExtractError.Code.unreadable.rawValue, ExtractError.Code.timeout.rawValue, ExtractError.Code.crashed.rawValue]

    func process(_ i: Int, store: BatchStateStore, fingerprint: String, worker: inout WorkerProcess?, shared: Shared) -> Outcome {
        let c = configuration
        let input = c.inputs[i]
        let bytes: [UInt8]
        do { bytes = try ReportExtractor.readBytes(input.path) } catch {
            return Outcome(errorCode: error.code.rawValue, errorMessage: error.message)
        }
        let sha = BatchConversion.sha256Hex(bytes)
        let key = BatchStateStore.key(id: input.id, sha256: sha, fingerprint: fingerprint)
        func fromMeta(_ m: StateMeta, reused: Bool) -> Outcome {
            Outcome(key: key, sha256: sha, errorCode: m.errorCode, errorMessage: m.errorMessage, summary: m.summary, reused: reused)
        }
        if let m = store.meta(key: key), m.id == input.id, m.path == input.path { return fromMeta(m, reused: true) }

        guard let command = c.worker else {
            let (meta, report) = BatchConversion.convert(input, bytes: bytes, sha256: sha, options: c.options)
            do { try store.write(key: key, meta: meta, report: report) } catch {
                shared.lock.lock(); shared.fatal = shared.fatal ?? "cannot write the state: \(error)"; shared.lock.unlock()
            }
            return fromMeta(meta, reused: false)
        }
        var transient = Outcome(sha256: sha)
        if worker == nil {
            do { worker = try WorkerProcess(command) } catch {
                shared.lock.lock(); shared.fatal = shared.fatal ?? "cannot start a worker process (\(command.executable)): \(error)"; shared.lock.unlock()
                return Outcome(sha256: sha, errorCode: ExtractError.Code.crashed.rawValue, errorMessage: "cannot start a worker process")
            }
        }
        let header: JSONValue = .object([
            "path": .string(input.path), "id": .string(input.id), "sha256": .string(sha), "key": .string(key),
            "state": .string(store.directory), "length": .int(bytes.count),
        ])
        switch worker!.convert(header: header.serialized(pretty: false), bytes: bytes, timeout: c.timeout) {
        case .done:
            if let m = store.meta(key: key) { return fromMeta(m, reused: false) }
            transient.errorCode = ExtractError.Code.crashed.rawValue
            transient.errorMessage = "the worker wrote no result"
        case .failed(let message):
            shared.lock.lock(); shared.fatal = shared.fatal ?? "cannot write the state: \(message)"; shared.lock.unlock()
            transient.errorCode = ExtractError.Code.crashed.rawValue
            transient.errorMessage = message
        case .timeout:
            worker!.stop()
            worker = nil
            transient.errorCode = ExtractError.Code.timeout.rawValue
            transient.errorMessage = String(format: "conversion took longer than %g s", c.timeout)
        case .crashed:
            worker!.stop()
            let ending = worker!.ending
            worker = nil
            if let m = store.meta(key: key) { return fromMeta(m, reused: false) }
            transient.errorCode = ExtractError.Code.crashed.rawValue
            transient.errorMessage = "the converter crashed on this file (worker process ended by \(ending)"
                + (command.memoryLimitMB.map { "; its memory limit is \($0) MB" } ?? "") + ")"
        }
        return transient
    }

    func aggregate(_ outcomes: [Outcome], store: BatchStateStore, written: (Int) -> Void) throws -> BatchSummary {
        let c = configuration
        let o = c.outputs
        var summary = BatchSummary()
        let index = CrossYearIndex(summaries: outcomes.enumerated().compactMap { i, x in x.summary.map { (i, $0) } })
        let anyOutput = o.outDirectory != nil || o.jsonl != nil || o.csv != nil || o.long != nil || o.sqlite != nil
        let jsonlTarget = o.jsonl ?? (anyOutput ? nil : "-")
        for t in [jsonlTarget, o.csv, o.long, o.sqlite].compactMap({ $0 }) where t != "-" { AggregateFile.removeLeftovers(of: t) }

        var jsonl: AggregateFile?, wide: AggregateFile?, long: AggregateFile?, sqlite: SQLiteDataset?
        do {
            jsonl = try jsonlTarget.map(AggregateFile.init)
            wide = try o.csv.map(AggregateFile.init)
            long = try o.long.map(AggregateFile.init)
            sqlite = try o.sqlite.map(SQLiteDataset.init)
            if let wide {
                if o.bom { try wide.write(CSV.bom) }
                try wide.write(CSV.line(WideCSV.header))
            }
            if let long {
                if o.bom { try long.write(CSV.bom) }
                try long.write(CSV.line(LongCSV.header))
            }
            sqlite?.setMeta("options", BatchStateStore.fingerprint(c.options))
            if let outDir = o.outDirectory {
                try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
                Self.removeTemporaryFiles(under: outDir)
            }

            // Inputs in chunks: rendered in parallel (read, parse, cross-year checks, every output's
            // bytes, the --out file), then written in path order by this thread.
            let chunkSize = 64
            var chunkStart = 0
            while chunkStart < outcomes.count {
                let range = chunkStart..<min(outcomes.count, chunkStart + chunkSize)
                let rendered = RenderedChunk(count: range.count)
                let failure = RenderedChunk.Failure()
                DispatchQueue.concurrentPerform(iterations: range.count) { k in
                    do {
                        rendered.items[k] = try self.render(range.lowerBound + k, outcomes, index: index, store: store,
                                                            wantSQL: o.sqlite != nil, wantWide: o.csv != nil, wantLong: o.long != nil, wantJSONL: jsonlTarget != nil)
                    } catch {
                        failure.set("\(error)")
                    }
                }
                if let message = failure.message { throw BatchError(description: message) }
                for k in 0..<range.count {
                    let item = rendered.items[k]!
                    let i = range.lowerBound + k
                    if let code = item.errorCode {
                        summary.failures[code, default: 0] += 1
                        summary.failedInputs.append((c.inputs[i].path, code, item.errorMessage ?? ""))
                    } else {
                        summary.reports += 1
                        if item.failedChecks { summary.reportsWithFailedChecks += 1 }
                        summary.crossYearChecks += item.crossYearChecks
                        summary.crossYearFailures += item.crossYearFailures
                    }
                    if let jsonl, let line = item.jsonl { try jsonl.write(line) }
                    if let wide, let line = item.wide { try wide.write(line) }
                    if let long, let text = item.long { try long.write(text) }
                    if let sqlite { try sqlite.add(item.sql.rows) }
                }
                chunkStart = range.upperBound
                written(chunkStart)
            }
            try jsonl?.commit()
            try wide?.commit()
            try long?.commit()
            try sqlite?.commit()
        } catch {
            jsonl?.abort(); wide?.abort(); long?.abort(); sqlite?.abort()
            throw BatchError(description: "cannot write the output: \(error)")
        }
        return summary
    }

    struct Rendered {
        var errorCode: String?
        var errorMessage: String?
        var failedChecks = false
        var crossYearChecks = 0
        var crossYearFailures = 0
        var jsonl: [UInt8]?
        var wide: String?
        var long: String?
        var sql = SQLiteDataset.Rows()
    }

    final class RenderedChunk: @unchecked Sendable {
        var items: [Rendered?]
        init(count: Int) { items = Array(repeating: nil, count: count) }

        final class Failure: @unchecked Sendable {
            let lock = NSLock()
            var message: String?
            func set(_ m: String) { lock.lock(); message = message ?? m; lock.unlock() }
        }
    }

    /// Everything the outputs need from input `i`; writes its `--out` file.
    func render(_ i: Int, _ outcomes: [Outcome], index: CrossYearIndex, store: BatchStateStore,
                wantSQL: Bool, wantWide: Bool, wantLong: Bool, wantJSONL: Bool) throws -> Rendered {
        let c = configuration
        let o = c.outputs
        let input = c.inputs[i]
        let outcome = outcomes[i]
        var out = Rendered()
        var report: JSONValue? = nil
        var errorCode = outcome.errorCode, errorMessage = outcome.errorMessage
        if errorCode == nil {
            if let key = outcome.key, let (_, r) = store.read(key: key), let r {
                report = r
            } else {
                errorCode = ExtractError.Code.crashed.rawValue
                errorMessage = "the state entry of this input disappeared during the run"
            }
        }
        if var r = report {
            if let s = outcome.summary, let prev = index.previous(of: s), prev.index != i, let ps = outcomes[prev.index].summary {
                let (checks, diagnostics) = CrossYearIndex.checks(current: s, previous: ps, previousPath: c.inputs[prev.index].path, ambiguous: prev.ambiguous)
                r = CrossYearIndex.inject(into: r, checks: checks, diagnostics: diagnostics)
                out.crossYearChecks = checks.count
                out.crossYearFailures = checks.filter { $0["status"]?.stringValue == "fail" }.count
            }
            out.failedChecks = (r["checks"]?.arrayValue ?? []).contains { $0["status"]?.stringValue == "fail" }
            if let outDir = o.outDirectory {
                try writeIfChanged(r.serialized(pretty: !o.compactJSON), to: outDir + "/" + input.id + ".json")
                unlink(outDir + "/" + input.id + ".error.json")
            }
            if wantJSONL { out.jsonl = r.serialized(pretty: false) + [0x0A] }
            if wantWide { out.wide = CSV.line(WideCSV.row(reportId: input.id, report: r)) }
            if wantLong {
                var text = ""
                for row in LongCSV.rows(reportId: input.id, report: r) { text += CSV.line(row) }
                out.long = text
            }
            if wantSQL { out.sql = SQLiteDataset.rows(reportId: input.id, report: r) }
        } else {
            let code = errorCode ?? ExtractError.Code.crashed.rawValue
            out.errorCode = code
            out.errorMessage = errorMessage
            let record: JSONValue = .object([
                "schema_version": .int(Report.schemaVersion),
                "report_id": .string(input.id),
                "source": .object(["path": .string(input.path), "sha256": outcome.sha256.map(JSONValue.string) ?? .null]),
                "error": .object(["code": .string(code), "message": .string(errorMessage ?? "")]),
            ])
            if let outDir = o.outDirectory {
                try writeIfChanged(record.serialized(pretty: !o.compactJSON), to: outDir + "/" + input.id + ".error.json")
                unlink(outDir + "/" + input.id + ".json")
            }
            if wantJSONL { out.jsonl = record.serialized(pretty: false) + [0x0A] }
            if wantSQL { out.sql = SQLiteDataset.errorRows(reportId: input.id, path: input.path, sha256: outcome.sha256, code: code, message: errorMessage ?? "") }
        }
        return out
    }

    func writeIfChanged(_ bytes: [UInt8], to path: String) throws {
        if let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count, [UInt8](existing) == bytes { return }
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try BatchStateStore.writeAtomically(bytes, to: path, sync: false)
    }

    /// Temporary files (`.tmp-*`) that a killed run left in the `--out` folder.
    static func removeTemporaryFiles(under root: String) {
        guard let e = FileManager.default.enumerator(atPath: root) else { return }
        while let rel = e.nextObject() as? String {
            if (rel as NSString).lastPathComponent.hasPrefix(".tmp-") { unlink(root + "/" + rel) }
        }
    }

    /// Runs `body` on `count` threads (8 MiB stacks) and waits for all.
    static func runThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for t in 0..<count {
            group.enter()
            let thread = Thread {
                body(t)
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }
}
