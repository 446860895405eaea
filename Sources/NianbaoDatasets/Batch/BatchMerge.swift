import Nianbao
import Foundation

/// `extract merge`: combines the JSONL outputs of `--shard K/N` runs into the outputs of one run
/// over the whole archive, and makes the checks that need several reports across the shards: I5/I6
/// (cross-year) and `duplicate_report`.
///
/// Each shard's reports come back as ``Report`` values (``ReportDecoder``); the checks and notes a
/// shard could only make within itself (I5.*, I6.*, `cross_year_*`, `duplicate_report`) are dropped
/// and made again over all the reports, by the same code as a batch (``BatchEngine``), so the merged
/// outputs are byte for byte those of a single run with the same inputs. Records are put in
/// input-path order; a report id found twice is an error (the same shard given twice).
package struct BatchMerge {
    package var shards: [String]
    package var outputs: BatchOutputs
    package var jobs: Int

    package init(shards: [String], outputs: BatchOutputs, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.shards = shards
        self.outputs = outputs
        self.jobs = max(1, jobs)
    }

    static func isBatchCheck(_ c: Check) -> Bool { c.id.hasPrefix("I5.") || c.id.hasPrefix("I6.") }

    /// The reports' JSON, read from several threads once complete (pread of flushed bytes).
    final class Store: @unchecked Sendable {
        let file: ScratchFile
        init(_ file: ScratchFile) { self.file = file }
    }
    static let batchNotes: Set<Diagnostic.Code> = [.crossYearAmbiguous, .crossYearInForceMismatch, .duplicateReport]

    struct Record {
        var input: BatchInput
        var sha256: String?
        var error: (code: ExtractError.Code, message: String)?
        /// The report's compact JSON (without batch checks) in the store.
        var span: Range<Int> = 0..<0
        var summary: YearSummary?
        var counts = CheckCounts()
    }

    package func run() throws -> BatchSummary {
        let start = monotonicNow()
        let temp = NSTemporaryDirectory() + "/nianbao-merge-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temp) }
        let store = try ScratchFile(for: "-", directory: temp)

        // 1. Read every shard: reports without their batch checks into the store, errors as they are.
        var records: [Record] = []
        var seen: [String: String] = [:]
        for shard in shards {
            let fd = open(shard, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw BatchError(description: "\(shard): cannot read (\(String(cString: strerror(errno))))") }
            defer { close(fd) }
            var reader = FDReader(fd: fd)
            var lineNumber = 0
            while let line = reader.line() {
                lineNumber += 1
                if line.isEmpty { continue }
                func bad(_ why: String) -> BatchError { BatchError(description: "\(shard):\(lineNumber): \(why)") }
                guard let json = try? JSONParser.parse(line) else { throw bad("not a JSON line") }
                guard let id = json["report_id"]?.stringValue, let path = json["source"]?["path"]?.stringValue else {
                    throw bad("no report_id or source.path (a JSONL output of extract 0.x with report ids is needed)")
                }
                if let other = seen[id] { throw bad("report \(id) is also in \(other): each shard once") }
                seen[id] = shard
                var record = Record(input: BatchInput(path: path, id: id), sha256: json["source"]?["sha256"]?.stringValue)
                if let error = json["error"] {
                    guard let code = error["code"]?.stringValue.flatMap(ExtractError.Code.init(rawValue:)) else { throw bad("unknown error code") }
                    record.error = (code, error["message"]?.stringValue ?? "")
                } else {
                    var report: Report
                    do { report = try ReportDecoder.decode(json) } catch { throw bad("not a report: \(error)") }
                    report.checks.removeAll(where: Self.isBatchCheck)
                    report.diagnostics.removeAll { Self.batchNotes.contains($0.code) }
                    let bytes = report.jsonBytes(pretty: false)
                    let at = try store.append(bytes)
                    record.span = at..<(at + bytes.count)
                    record.summary = YearSummary(report: report)
                    record.counts = CheckCounts(report: report)
                }
                records.append(record)
            }
        }
        try store.flush()
        records.sort { Array($0.input.path.utf8).lexicographicallyPrecedes(Array($1.input.path.utf8)) }

        // 2. Stream the records to the outputs in path order, as a batch does.
        let configuration = BatchConfiguration(inputs: records.map(\.input), jobs: jobs, outputs: outputs)
        let writer = try BatchWriter(configuration, scratchDirectory: temp)
        var index = CrossYearIndex()
        var agencies: [Int32] = Array(repeating: -1, count: records.count)
        do {
            for (i, r) in records.enumerated() {
                if let error = r.error {
                    try writer.write(PreparedInput(errorCode: error.code, errorMessage: error.message, sha256: r.sha256), index: i)
                    continue
                }
                let json = try store.read(r.span)
                let report = try ReportDecoder.decode(json)
                let parts = BatchConversion.preparedParts(reportId: r.input.id, report: report, counts: r.counts, parts: writer.parts)
                try writer.write(
                    PreparedInput(
                        sha256: r.sha256, json: json, wide: parts[.wide], wideKinds: parts[.wideKinds], long: parts[.long],
                        sql: parts[.sql].flatMap(SQLRows.init(bytes:)), counts: r.counts), index: i)
                if let key = r.summary?.agencyKey, let year = r.summary?.year {
                    agencies[i] = index.add(i, agencyKey: key, year: year)
                }
            }
        } catch {
            writer.abort()
            throw error
        }
        index.sort()

        // 3. The checks across shards, and every output put in place.
        var stat: StatExport?
        if outputs.dta != nil || outputs.sav != nil {
            stat = try StatExport(dta: outputs.dta, sav: outputs.sav, kinds: outputs.kinds, scratchDirectory: temp)
        }
        var statError: Error?
        var summary = BatchSummary()
        summary.total = records.count
        summary.reused = records.count
        let inputs = configuration.inputs
        let shared = Store(store)
        let reportJSON: @Sendable (Int) throws -> [UInt8] = { [records] i in try shared.file.read(records[i].span) }
        try writer.finish(
            threads: jobs,
            patch: { [records, index, agencies] i in
                guard agencies[i] >= 0, let year = records[i].summary?.year else { return nil }
                return try BatchEngine.crossYearPatch(
                    i, agency: agencies[i], year: year, index: index, inputs: inputs,
                    meta: { k in (records[k].summary!, records[k].counts) }, reportJSON: reportJSON)
            }, reportJSON: reportJSON,
            visit: { i, patch in
                let r = records[i]
                if let error = r.error {
                    summary.failures[error.code, default: 0] += 1
                    summary.failedInputs.append((r.input.path, error.code, error.message))
                    return
                }
                summary.reports += 1
                if let stat, statError == nil {
                    do {
                        let report = try ReportDecoder.decode(patch?.json ?? reportJSON(i))
                        try stat.add(reportId: r.input.id, report: report, counts: CheckCounts(report: report))
                    } catch { statError = error }
                }
                patch?.count(into: &summary, input: i)
                if (patch?.counts ?? r.counts).fail > 0 { summary.reportsWithFailedChecks += 1 }
            })
        if let statError { throw BatchError(description: "cannot write the output: \(statError)") }
        try stat?.commit()
        summary.elapsed = monotonicNow() - start
        return summary
    }
}
