import Nianbao
import Foundation

/// What the outputs need from one input: the parts of its state entry (see ``StateEntry``), or its error.
struct PreparedInput: Sendable {
    var errorCode: ExtractError.Code?
    var errorMessage: String?
    var sha256: String?
    /// The compact report JSON, without cross-year checks.
    var json: [UInt8] = []
    var wide: [UInt8]?
    var wideKinds: [UInt8]?
    var long: [UInt8]?
    var sql: SQLRows?
    var counts = CheckCounts()
}

/// The cross-year checks of one report, found once every input is converted.
struct CrossYearPatch {
    var checks: [Check]
    var diagnostics: [Diagnostic]
    /// The report JSON with them (compact) and its new check summary.
    var json: [UInt8]
    var counts: CheckCounts
    /// The report's group of duplicates (same agency and year), when it is in one.
    var duplicate: DuplicateGroup? = nil

    /// Adds what this patch of input `index` tells to a run's summary: its duplicate group (counted
    /// once, at the group's first input) and its cross-year checks. Shared by a run and a merge.
    func count(into summary: inout BatchSummary, input index: Int) {
        if let d = duplicate {
            summary.duplicateReports += 1
            if d.first == index { summary.duplicateGroups += 1; if !d.agree { summary.duplicateGroupsDiffering += 1 } }
        }
        summary.crossYearChecks += checks.count
        summary.crossYearFailures += checks.filter { $0.status == .fail }.count
    }
}

/// Writes a batch's outputs while the inputs are converted, in path order.
///
/// `write(_:index:)` is called for input 0, 1, 2… as soon as each is ready: the long CSV and SQLite
/// rows go to their outputs at once; JSONL lines and wide CSV rows go to a ``ScratchFile`` each,
/// because the cross-year checks, known only when every input is converted, change some of them.
/// ``finish(threads:patch:reportJSON:visit:)`` then writes the reports' `--out` files, renames each
/// scratch file into place or, when some of its lines get cross-year checks, copies it into the
/// output with those lines replaced, adds the checks to SQLite, and commits every output.
final class BatchWriter: @unchecked Sendable {
    let configuration: BatchConfiguration
    /// The parts of a state entry the outputs use.
    let parts: Set<StateEntry.Part>
    let jsonlTarget: String?
    private var jsonlScratch: ScratchFile?
    private var wideScratch: ScratchFile?
    private var jsonlSpans: [Range<Int>] = []
    /// Wide CSV row of each input (empty for an error) and the length of its part before the check summary.
    private var wideSpans: [(line: Range<Int>, leading: Int)] = []
    /// Whether each input written so far gave a report.
    private var isReport: [Bool] = []
    private var long: AggregateFile?
    private var sqlite: SQLiteDataset?
    /// `--out`: written without following links out of it.
    private var outDirectory: OutputDirectory?

    init(_ configuration: BatchConfiguration, scratchDirectory: String) throws {
        self.configuration = configuration
        let o = configuration.outputs
        let anyOutput = o.outDirectory != nil || o.jsonl != nil || o.csv != nil || o.long != nil || o.sqlite != nil || o.dta != nil || o.sav != nil
        jsonlTarget = o.jsonl ?? (anyOutput ? nil : "-")
        var parts: Set<StateEntry.Part> = []
        if o.csv != nil { parts.insert(.wide) }
        if o.csv != nil && o.kinds { parts.insert(.wideKinds) }
        if o.long != nil { parts.insert(.long) }
        if o.sqlite != nil { parts.insert(.sql) }
        self.parts = parts
        for t in [jsonlTarget, o.csv, o.long, o.sqlite].compactMap({ $0 }) where t != "-" { AggregateFile.removeLeftovers(of: t) }
        do {
            jsonlScratch = try jsonlTarget.map { try ScratchFile(for: $0, directory: scratchDirectory) }
            wideScratch = try o.csv.map { try ScratchFile(for: $0, directory: scratchDirectory) }
            if let wideScratch {
                if o.bom { try wideScratch.append(CSV.bom) }
                try wideScratch.append(Array(CSV.line(WideCSV.header(kinds: o.kinds)).utf8))
            }
            long = try o.long.map(AggregateFile.init)
            sqlite = try o.sqlite.map(SQLiteDataset.init)
            if let long {
                if o.bom { try long.write(CSV.bom) }
                try long.write(CSV.line(LongCSV.header))
            }
            try sqlite?.setMeta("options", BatchStateStore.fingerprint(configuration.options))
            try sqlite?.addSkipped(configuration.skipped)
            if let outDir = o.outDirectory {
                let out = try OutputDirectory(root: outDir)
                out.removeTemporaryFiles()
                outDirectory = out
            }
        } catch {
            abort()
            throw BatchError(description: "cannot write the output: \(error)")
        }
        jsonlSpans.reserveCapacity(configuration.inputs.count)
        wideSpans.reserveCapacity(configuration.inputs.count)
    }

    /// The `--out` file of a failed input (called by the conversion threads, in any order). A report's
    /// file is written when the batch finishes, once, with its cross-year checks.
    func writeErrorFile(_ p: PreparedInput, index i: Int) throws {
        guard let out = outDirectory, p.errorCode != nil else { return }
        let id = configuration.inputs[i].id
        try out.writeIfChanged(errorRecord(p, index: i).serialized(pretty: !configuration.outputs.compactJSON), to: id + ".error.json")
        out.remove(id + ".json")
    }

    /// Leaves the file alone when it holds these bytes already (a resumed run).
    private func writeReportFile(_ compact: [UInt8], index i: Int, in out: OutputDirectory) throws {
        let id = configuration.inputs[i].id
        try out.writeIfChanged(configuration.outputs.compactJSON ? compact : CompactJSON.pretty(compact), to: id + ".json")
        out.remove(id + ".error.json")
    }

    /// The report JSON of input `i` as streamed to the JSONL scratch file (nil without one, or for an
    /// error). Safe from several threads once ``finish`` has begun.
    func baseJSON(_ i: Int) throws -> [UInt8]? {
        guard let s = jsonlScratch, i < jsonlSpans.count else { return nil }
        let span = jsonlSpans[i]
        guard span.count > 1 else { return nil }
        return try s.read(span.lowerBound..<(span.upperBound - 1))
    }

    /// Input `i`'s share of the streamed outputs (called for 0, 1, 2… in order, from one thread).
    func write(_ p: PreparedInput, index i: Int) throws {
        precondition(i == wideSpans.count, "inputs are written in path order")
        let id = configuration.inputs[i].id
        isReport.append(p.errorCode == nil)
        do {
            if p.errorCode == nil {
                if let s = jsonlScratch {
                    let at = try s.append(p.json + [0x0A])
                    jsonlSpans.append(at..<(at + p.json.count + 1))
                }
                if let s = wideScratch, var leading = p.wide {
                    if configuration.outputs.kinds { leading += [0x2C] + (p.wideKinds ?? []) }
                    let line = leading + Array(("," + CSV.line(p.counts.fields)).utf8)
                    let at = try s.append(line)
                    wideSpans.append((at..<(at + line.count), leading.count))
                } else {
                    wideSpans.append((0..<0, 0))
                }
                if let long, let text = p.long { try long.write(text) }
                if let sqlite, let rows = p.sql { try sqlite.add(rows, json: p.json) }
            } else {
                if let s = jsonlScratch {
                    let line = errorRecord(p, index: i).serialized(pretty: false) + [0x0A]
                    let at = try s.append(line)
                    jsonlSpans.append(at..<(at + line.count))
                }
                if let s = wideScratch {
                    let row = WideCSV.errorRow(
                        reportId: id, path: configuration.inputs[i].path, sha256: p.sha256,
                        code: p.errorCode!.rawValue, kinds: configuration.outputs.kinds)
                    _ = try s.append(Array(CSV.line(row).utf8))
                }
                wideSpans.append((0..<0, 0))
                if let sqlite {
                    try sqlite.add(
                        SQLiteDataset.errorRows(
                            reportId: id, path: configuration.inputs[i].path, sha256: p.sha256,
                            code: p.errorCode!.rawValue, message: p.errorMessage ?? ""))
                }
            }
        } catch {
            throw BatchError(description: "cannot write the output: \(error)")
        }
    }

    /// Applies the cross-year checks and puts every output in place. In chunks of inputs, `patch(i)`
    /// runs on `threads` threads, which also write the reports' `--out` files (`reportJSON(i)`: the
    /// report as converted); then, in path order on this thread, `visit(i, patch)` and the JSONL, CSV
    /// and SQLite changes.
    func finish(
        threads: Int, patch: @escaping @Sendable (Int) throws -> CrossYearPatch?,
        reportJSON: @escaping @Sendable (Int) throws -> [UInt8], visit: (Int, CrossYearPatch?) -> Void
    ) throws {
        let o = configuration.outputs
        // The JSONL and wide CSV outputs, made at the first patched line (copying the scratch so far).
        var jsonl: AggregateFile?, wide: AggregateFile?
        do {
            try jsonlScratch?.flush()
            try wideScratch?.flush()
            try sqlite?.beginIndexingCells()
            var jsonlFrom = 0, wideFrom = 0
            var updates: [(String, CheckCounts, [UInt8])] = []
            let count = configuration.inputs.count
            var chunkStart = 0
            while chunkStart < count {
                let range = chunkStart..<min(count, chunkStart + 64)
                chunkStart = range.upperBound
                let patches = try patchChunk(range, threads: threads, patch: patch, reportJSON: reportJSON)
                for (k, p) in patches.enumerated() {
                    let i = range.lowerBound + k
                    visit(i, p)
                    guard let p else { continue }
                    let id = configuration.inputs[i].id
                    if let target = jsonlTarget, let s = jsonlScratch {
                        let out = try jsonl ?? AggregateFile(target)
                        jsonl = out
                        let span = jsonlSpans[i]
                        try s.copy(jsonlFrom..<span.lowerBound, to: out)
                        try out.write(p.json + [0x0A])
                        jsonlFrom = span.upperBound
                    }
                    if let target = o.csv, let s = wideScratch, !wideSpans[i].line.isEmpty {
                        let out = try wide ?? AggregateFile(target)
                        wide = out
                        let span = wideSpans[i]
                        try s.copy(wideFrom..<span.line.lowerBound, to: out)
                        let leading = try s.read(span.line.lowerBound..<(span.line.lowerBound + span.leading))
                        try out.write(leading + Array(("," + CSV.line(p.counts.fields)).utf8))
                        wideFrom = span.line.upperBound
                    }
                    if let sqlite {
                        try sqlite.add(SQLiteDataset.checkRows(reportId: id, checks: p.checks, diagnostics: p.diagnostics))
                        updates.append((id, p.counts, p.json))
                        if updates.count >= 32 { try sqlite.updateReports(updates); updates.removeAll() }
                    }
                }
            }
            if let sqlite, !updates.isEmpty { try sqlite.updateReports(updates) }
            // Unpatched outputs: the scratch file is renamed into place (or copied to standard output).
            for (target, scratch, from, out) in [(jsonlTarget, jsonlScratch, jsonlFrom, jsonl), (o.csv, wideScratch, wideFrom, wide)] {
                guard let target, let scratch else { continue }
                if let out {
                    try scratch.copy(from..<scratch.size, to: out)
                    try out.commit()
                } else if try !scratch.commit() {
                    let out = try AggregateFile(target)
                    try scratch.copy(0..<scratch.size, to: out)
                    try out.commit()
                }
            }
            jsonl = nil; wide = nil
            jsonlScratch = nil; wideScratch = nil
            try long?.commit()
            try sqlite?.commit()
        } catch {
            jsonl?.abort(); wide?.abort()
            abort()
            throw BatchError(description: "cannot write the output: \(error)")
        }
    }

    /// The patches of a range of inputs, made on `threads` threads, which also write the reports' `--out` files.
    private func patchChunk(
        _ range: Range<Int>, threads: Int, patch: @escaping @Sendable (Int) throws -> CrossYearPatch?,
        reportJSON: @escaping @Sendable (Int) throws -> [UInt8]
    ) throws -> [CrossYearPatch?] {
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var next = 0
            var items: [Result<CrossYearPatch?, Error>?]
            init(_ n: Int) { items = Array(repeating: nil, count: n) }
            func take() -> Int? {
                lock.lock(); defer { lock.unlock() }
                guard next < items.count else { return nil }
                next += 1
                return next - 1
            }
        }
        let results = Results(range.count)
        let outDir = outDirectory
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, range.count))) { _ in
            while let k = results.take() {
                let i = range.lowerBound + k
                let r = Result { () throws -> CrossYearPatch? in
                    let p = try patch(i)
                    if let outDir, self.isReport[i] {
                        try self.writeReportFile(p?.json ?? reportJSON(i), index: i, in: outDir)
                    }
                    return p
                }
                results.lock.lock()
                results.items[k] = r
                results.lock.unlock()
            }
        }
        return try results.items.map { try $0!.get() }
    }

    func abort() {
        long?.abort(); sqlite?.abort()
        long = nil; sqlite = nil
        jsonlScratch = nil; wideScratch = nil
    }

    func errorRecord(_ p: PreparedInput, index i: Int) -> JSONValue {
        let input = configuration.inputs[i]
        return .object([
            "schema_version": .int(Report.schemaVersion),
            "report_id": .string(input.id),
            "source": .object(["path": .string(input.path), "sha256": p.sha256.map(JSONValue.string) ?? .null]),
            "error": .object(["code": .string((p.errorCode ?? .crashed).rawValue), "message": .string(p.errorMessage ?? "")]),
        ])
    }
}
