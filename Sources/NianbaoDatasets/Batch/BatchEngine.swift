import Nianbao
import Foundation

/// Converts a batch of inputs into datasets, in parallel, resumably.
///
/// 1. Convert and stream: `jobs` threads take inputs in path order; each reads the file, hashes it,
///    and looks up its state entry (``BatchStateStore``); if absent, converts it (in a worker process
///    when ``BatchConfiguration/worker`` is set, with the timeout) into a ``StateEntry`` that holds
///    the report JSON and the parts the outputs need; the state keeps the meta and the JSON, written
///    atomically (a failed input's `--out` error file is written then). Meanwhile this thread hands
///    the inputs, in path order, to the ``BatchWriter``, which streams them to the outputs. At most a
///    window of inputs ahead of the writer is in memory, and a few bytes per input (``Outcome``).
/// 2. Finish: the reports whose agency has the previous year in the batch get I5/I6; on `jobs`
///    threads the patches are made and the reports' `--out` files written (once each), and the
///    writer replaces the patched lines and rows, then puts every output in place.
package final class BatchEngine: @unchecked Sendable {
    package let configuration: BatchConfiguration

    package init(_ configuration: BatchConfiguration) {
        self.configuration = configuration
    }

    /// What the batch keeps of each input until the end: a few bytes (errors aside), so that memory
    /// stays flat however large the archive. The rest is in the state entry.
    struct Outcome {
        var key: StateKey?
        var errorCode: ExtractError.Code?
        var errorMessage: String?
        /// The report's agency (id in the ``CrossYearIndex``, -1: no agency or year) and year.
        var agency: Int32 = -1
        var year: Int32 = 0
        /// Some check of the report failed (before the cross-year checks).
        var failedChecks = false
        var reused = false
    }

    /// The conversion threads and the writing thread meet here.
    final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var next = 0
        var outcomes: [Outcome?]
        /// Prepared inputs not yet written, by index; the writer takes `written` next.
        var ready: [Int: PreparedInput] = [:]
        var written = 0
        let window: Int
        var done = 0, converted = 0, reused = 0, failed = 0
        var fatal: String?
        var crossYear = CrossYearIndex()
        init(count: Int, window: Int) {
            outcomes = Array(repeating: nil, count: count)
            self.window = window
        }

        /// The next input to convert; waits while the writer is a whole window behind.
        func take() -> Int? {
            condition.lock(); defer { condition.unlock() }
            while fatal == nil && next < outcomes.count && next - written >= window { condition.wait() }
            guard fatal == nil, next < outcomes.count else { return nil }
            next += 1
            return next - 1
        }

        func fail(_ message: String) {
            condition.lock()
            fatal = fatal ?? message
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Runs the batch. `progress` is called (from worker threads, serialized) after each input.
    package func run(progress: (@Sendable (BatchProgress) -> Void)? = nil) throws -> BatchSummary {
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

        let writer = try BatchWriter(c, scratchDirectory: stateDir)

        // 1. Convert (threads) and stream to the outputs (this thread).
        let fingerprint = BatchStateStore.fingerprint(c.options)
        let threads = min(c.jobs, max(1, c.inputs.count))
        let shared = Shared(count: c.inputs.count, window: 16 * threads)
        let group = Self.startThreads(threads) { _ in
            var worker: WorkerProcess? = nil
            while let i = shared.take() {
                let (outcome, item, summary) = self.process(i, store: store, fingerprint: fingerprint, parts: writer.parts, worker: &worker, shared: shared)
                var o = outcome
                do { try writer.writeErrorFile(item, index: i) } catch {
                    shared.fail("cannot write the output: \(error)")
                }
                shared.condition.lock()
                if let s = summary, let k = s.agencyKey, let y = s.year, let y32 = Int32(exactly: y) {
                    o.agency = shared.crossYear.add(i, agencyKey: k, year: y)
                    o.year = y32
                }
                shared.outcomes[i] = o
                shared.ready[i] = item
                shared.done += 1
                if o.errorCode != nil { shared.failed += 1 }
                if o.reused { shared.reused += 1 } else { shared.converted += 1 }
                let p = BatchProgress(
                    done: shared.done, total: c.inputs.count, converted: shared.converted, reused: shared.reused,
                    failed: shared.failed, elapsed: monotonicNow() - start)
                progress?(p)
                shared.condition.broadcast()
                shared.condition.unlock()
            }
            worker?.stop()
        }
        for i in 0..<c.inputs.count {
            shared.condition.lock()
            while shared.fatal == nil && shared.ready[i] == nil { shared.condition.wait() }
            let item = shared.ready.removeValue(forKey: i)
            shared.condition.unlock()
            guard let item else { break }
            do { try writer.write(item, index: i) } catch {
                shared.fail("\(error)")
                break
            }
            shared.condition.lock()
            shared.written = i + 1
            shared.condition.broadcast()
            shared.condition.unlock()
        }
        group.wait()
        if let fatal = shared.fatal {
            writer.abort()
            throw BatchError(description: fatal)
        }
        let outcomes = shared.outcomes.map { $0! }

        // 2. Cross-year checks; the outputs are put in place.
        progress?(
            BatchProgress(
                phase: .finishing, done: c.inputs.count, total: c.inputs.count, converted: shared.converted, reused: shared.reused,
                failed: shared.failed, elapsed: monotonicNow() - start))
        var summary = BatchSummary()
        summary.total = c.inputs.count
        summary.skipped = c.skipped
        summary.reused = outcomes.filter(\.reused).count
        summary.convertedNow = outcomes.count - summary.reused
        var index = shared.crossYear
        index.sort()
        // A report's JSON as converted: from the streamed JSONL, else from the state.
        let reportJSON: @Sendable (Int) throws -> [UInt8] = { i in
            if let json = try writer.baseJSON(i) { return json }
            guard let json = outcomes[i].key.flatMap({ store.read(key: $0.hex)?.parts[.json] }) else {
                throw BatchError(description: "\(c.inputs[i].path): its state entry disappeared during the run")
            }
            return json
        }
        // Stata/SPSS: rows gathered in path order while the outputs are finished, written at the end.
        var stat: StatExport?
        var statError: Error?
        if c.outputs.dta != nil || c.outputs.sav != nil {
            do { stat = try StatExport(dta: c.outputs.dta, sav: c.outputs.sav, kinds: c.outputs.kinds, scratchDirectory: stateDir) } catch {
                writer.abort()
                throw BatchError(description: "cannot write the output: \(error)")
            }
        }
        try writer.finish(
            threads: threads,
            patch: { [index] i in
                try self.crossYearPatch(i, outcomes, index: index, store: store, reportJSON: reportJSON)
            }, reportJSON: reportJSON,
            visit: { i, patch in
                let outcome = outcomes[i]
                if let code = outcome.errorCode {
                    summary.failures[code, default: 0] += 1
                    summary.failedInputs.append((c.inputs[i].path, code, outcome.errorMessage ?? ""))
                    return
                }
                summary.reports += 1
                if let stat, statError == nil {
                    do {
                        let report = try ReportDecoder.decode(patch?.json ?? reportJSON(i))
                        try stat.add(reportId: c.inputs[i].id, report: report, counts: CheckCounts(report: report))
                    } catch { statError = error }
                }
                patch?.count(into: &summary, input: i)
                if patch.map({ $0.counts.fail > 0 }) ?? outcome.failedChecks { summary.reportsWithFailedChecks += 1 }
            })
        do {
            if let statError { throw statError }
            try stat?.commit()
        } catch {
            throw BatchError(description: "cannot write the output: \(error)")
        }
        store.collectGarbage(keep: Set(outcomes.compactMap(\.key)))
        summary.elapsed = monotonicNow() - start
        return summary
    }

    /// Converts input `i` (or takes it from the state) and prepares what the outputs need.
    func process(
        _ i: Int, store: BatchStateStore, fingerprint: String, parts: Set<StateEntry.Part>,
        worker: inout WorkerProcess?, shared: Shared
    ) -> (Outcome, PreparedInput, YearSummary?) {
        let c = configuration
        let input = c.inputs[i]
        func failure(_ code: ExtractError.Code, _ message: String, sha256: String? = nil) -> (Outcome, PreparedInput, YearSummary?) {
            (Outcome(errorCode: code, errorMessage: message), PreparedInput(errorCode: code, errorMessage: message, sha256: sha256), nil)
        }
        if let known = input.failure { return failure(known.code, known.message) }
        let bytes: [UInt8]
        do { bytes = try ReportExtractor.readBytes(input.path, limit: c.options.maxInputSize) } catch {
            return failure(error.code, error.message)
        }
        let sha = ContentHash.sha256Hex(bytes)
        let key = BatchStateStore.key(id: input.id, sha256: sha, fingerprint: fingerprint)
        if let e = store.read(key: key), e.meta.id == input.id, e.meta.path == input.path {
            return prepare(e, key: key, parts: parts, reused: true)
        }

        guard let command = c.worker else {
            let e = BatchConversion.convert(input, bytes: bytes, sha256: sha, options: c.options, parts: parts)
            do { try store.write(key: key, entry: e.stored) } catch { shared.fail("cannot write the state: \(error)") }
            return prepare(e, key: key, parts: parts, reused: false)
        }
        if worker == nil {
            do { worker = try WorkerProcess(command) } catch {
                shared.fail("cannot start a worker process (\(command.executable)): \(error)")
                return failure(.crashed, "cannot start a worker process", sha256: sha)
            }
        }
        let header: JSONValue = .object([
            "path": .string(input.path), "id": .string(input.id), "sha256": .string(sha), "key": .string(key),
            "state": .string(store.directory), "length": .int(bytes.count),
            "parts": .array(StateEntry.Part.allCases.filter(parts.contains).map { .string($0.rawValue) }),
        ])
        let crashed = ExtractError.Code.crashed
        switch worker!.convert(header: header.serialized(pretty: false), bytes: bytes, timeout: c.timeout) {
        case .done(let entry):
            if let e = entry ?? store.read(key: key) { return prepare(e, key: key, parts: parts, reused: false) }
            return failure(crashed, "the worker wrote no result", sha256: sha)
        case .failed(let message):
            shared.fail("cannot write the state: \(message)")
            return failure(crashed, message, sha256: sha)
        case .timeout:
            worker!.stop()
            worker = nil
            return failure(.timeout, String(format: "conversion took longer than %g s", c.timeout), sha256: sha)
        case .crashed:
            worker!.stop()
            let ending = worker!.ending
            worker = nil
            if let e = store.read(key: key) { return prepare(e, key: key, parts: parts, reused: false) }
            return failure(
                crashed,
                "the converter crashed on this file (worker process ended by \(ending)"
                    + (command.memoryLimitMB.map { "; its memory limit is \($0) MB" } ?? "") + ")", sha256: sha)
        }
    }

    /// The outputs' parts of a state entry; parts it lacks (an entry read from the state) are made
    /// here from the report JSON.
    func prepare(_ entry: StateEntry, key: String, parts: Set<StateEntry.Part>, reused: Bool) -> (Outcome, PreparedInput, YearSummary?) {
        let meta = entry.meta
        if let code = meta.errorCode {
            return (
                Outcome(key: StateKey(hex: key), errorCode: code, errorMessage: meta.errorMessage, reused: reused),
                PreparedInput(errorCode: code, errorMessage: meta.errorMessage, sha256: meta.sha256), nil
            )
        }
        var e = entry
        let counts = meta.counts ?? CheckCounts()
        var sql = e.parts[.sql].flatMap(SQLRows.init(bytes:))
        if parts.contains(.sql) && sql == nil { e.parts[.sql] = nil }
        let missing = parts.filter { e.parts[$0] == nil }
        if !missing.isEmpty, let report = try? ReportDecoder.decode(e.parts[.json]!) {
            for (part, bytes) in BatchConversion.preparedParts(reportId: meta.id, report: report, counts: counts, parts: Set(missing)) {
                e.parts[part] = bytes
            }
            sql = e.parts[.sql].flatMap(SQLRows.init(bytes:))
        }
        let p = PreparedInput(
            sha256: meta.sha256, json: e.parts[.json]!, wide: e.parts[.wide], wideKinds: e.parts[.wideKinds],
            long: e.parts[.long], sql: sql, counts: counts)
        return (Outcome(key: StateKey(hex: key), failedChecks: counts.fail > 0, reused: reused), p, meta.summary)
    }

    /// The cross-year checks of input `i`, its `duplicate_report` warning, and its report JSON with
    /// them, or nil when it gets none. `reportJSON(i)`: the report JSON as converted. The year
    /// summaries and check counts come from the state entries' meta lines.
    func crossYearPatch(
        _ i: Int, _ outcomes: [Outcome], index: CrossYearIndex, store: BatchStateStore,
        reportJSON: (Int) throws -> [UInt8]
    ) throws -> CrossYearPatch? {
        let c = configuration
        let o = outcomes[i]
        guard o.agency >= 0 else { return nil }
        return try Self.crossYearPatch(
            i, agency: o.agency, year: Int(o.year), index: index, inputs: c.inputs,
            meta: { k in
                guard let key = outcomes[k].key, let m = store.readMeta(key: key.hex), let summary = m.summary, let counts = m.counts else {
                    throw BatchError(description: "\(c.inputs[k].path): its state entry disappeared during the run")
                }
                return (summary, counts)
            }, reportJSON: reportJSON)
    }

    /// The patch of input `i` (of `agency` and `year` in `index`), given each input's year summary and
    /// check counts (`meta`) and its report JSON as converted. Shared by the batch and `extract merge`.
    static func crossYearPatch(
        _ i: Int, agency: Int32, year: Int, index: CrossYearIndex, inputs: [BatchInput],
        meta: (Int) throws -> (summary: YearSummary, counts: CheckCounts),
        reportJSON: (Int) throws -> [UInt8]
    ) throws -> CrossYearPatch? {
        var checks: [Check] = [], diagnostics: [Diagnostic] = []
        if let prev = index.previous(agency: agency, year: year), prev.index != i {
            let current = try meta(i).summary, previous = try meta(prev.index).summary
            (checks, diagnostics) = CrossYearIndex.checks(
                current: current, previous: previous,
                previousId: inputs[prev.index].id, ambiguous: prev.ambiguous)
        }
        var duplicate: DuplicateGroup?
        let group = index.reports(agency: agency, year: year)
        if group.count > 1 {
            let found = try DuplicateGroup.find(i, among: group, ids: { inputs[$0].id }, report: { try ReportDecoder.decode(reportJSON($0)) })
            if let found {
                duplicate = found
                diagnostics.append(found.diagnostic)
            }
        }
        guard !(checks.isEmpty && diagnostics.isEmpty) else { return nil }
        var counts = try meta(i).counts
        let json = try reportJSON(i)
        counts.add(checks: checks, diagnostics: diagnostics)
        let additions = [
            ("checks", checks.map { ReportJSON.check($0).serialized(pretty: false) }),
            ("diagnostics", diagnostics.map { ReportJSON.diagnostic($0).serialized(pretty: false) }),
        ]
        guard let patched = CompactJSON.appending(additions.map { (key: $0.0, items: $0.1) }, to: json) else {
            throw BatchError(description: "\(inputs[i].path): its report JSON holds no checks or diagnostics array")
        }
        return CrossYearPatch(checks: checks, diagnostics: diagnostics, json: patched, counts: counts, duplicate: duplicate)
    }

    /// Starts `body` on `count` threads (8 MiB stacks); wait on the group for all to end.
    static func startThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) -> DispatchGroup {
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
        return group
    }
}
