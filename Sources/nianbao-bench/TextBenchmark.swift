import Foundation
import Nianbao

/// Measures the text path (decode + grid + outline + tables + checks + JSON) on one core:
/// every input is read once into memory, then converted round after round for a fixed time.
/// `--rounds N`: a fixed amount of work instead, for instruction counts.
enum TextBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        var seconds = 5.0
        var rounds: Int?
        var paths: [String] = []
        var args = arguments[...]
        while let arg = args.popFirst() {
            if arg == "--seconds", let s = args.popFirst(), let v = Double(s) {
                seconds = v
            } else if arg == "--rounds", let s = args.popFirst(), let v = Int(s) {
                rounds = v
            } else {
                paths.append(arg)
            }
        }
        let usage = "usage: nianbao-bench [--seconds S | --rounds N] FILE…  (also: grid, ruled-tables, glyphs, pdf-steps, isolation; see the README)"
        if paths.contains("--help") || paths.contains("-h") {
            print(usage)
            return 0
        }
        guard !paths.isEmpty else { return Usage.fail(usage) }
        let inputs: [(String, [UInt8])] = paths.compactMap { path in Usage.bytes(path).map { (path, $0) } }
        // Every file unreadable: nothing to measure (and no division by zero reports).
        guard !inputs.isEmpty else { return Usage.fail("none of the \(paths.count) file(s) could be read") }
        let extractor = ReportExtractor()
        var reports = 0, bytesOut = 0, failures = 0
        // Warm-up round, JSON included: one-time initializations (the JSON writer's tables
        // shapes and templates) are not counted in the rounds measured.
        for (path, bytes) in inputs {
            if let report = try? extractor.extract(bytes: bytes, path: path) { _ = ReportExtractor.json(report) }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        var parseOnly = 0.0
        var round = 0
        while rounds.map({ round < $0 }) ?? (elapsed < seconds) {
            round += 1
            for (path, bytes) in inputs {
                let t0 = DispatchTime.now().uptimeNanoseconds
                do {
                    let report = try extractor.extract(bytes: bytes, path: path)
                    let t1 = DispatchTime.now().uptimeNanoseconds
                    parseOnly += Double(t1 - t0)
                    bytesOut += ReportExtractor.json(report).count
                } catch {
                    failures += 1
                }
                reports += 1
            }
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        let perReport = elapsed / Double(reports) * 1e6
        print(
            String(
                format: "%d reports in %.2f s: %.0f reports/s on one core (%.1f µs/report: %.1f µs parse, %.1f µs JSON); %d inputs, %d failures, %.1f KB JSON/report",
                reports, elapsed, Double(reports) / elapsed, perReport, parseOnly / Double(reports) / 1e3,
                perReport - parseOnly / Double(reports) / 1e3, inputs.count, failures / max(1, reports / inputs.count), Double(bytesOut) / Double(reports) / 1024))
        return 0
    }
}
