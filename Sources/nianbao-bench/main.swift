import Foundation
import Nianbao

// Measures the text path (decode + grid + outline + tables + checks + JSON) on one core:
// every input is read once into memory, then converted round after round for a fixed time.
// Usage: nianbao-bench [--seconds S | --rounds N] FILE…  (--rounds: a fixed amount of work, for instruction counts)   (run through Scripts/benchmark-text)

var seconds = 5.0
var rounds: Int?
var paths: [String] = []
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    if a == "--seconds", let s = args.popFirst(), let v = Double(s) { seconds = v }
    else if a == "--rounds", let s = args.popFirst(), let v = Int(s) { rounds = v }
    else { paths.append(a) }
}
guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("usage: nianbao-bench [--seconds S] FILE…\n".utf8))
    exit(64)
}
let inputs: [(String, [UInt8])] = paths.compactMap { p in
    FileManager.default.contents(atPath: p).map { (p, [UInt8]($0)) }
}
let extractor = ReportExtractor()
var reports = 0, bytesOut = 0, failures = 0
// Warm-up round.
for (p, b) in inputs { _ = try? extractor.extract(bytes: b, path: p) }
let start = DispatchTime.now().uptimeNanoseconds
var elapsed = 0.0
var parseOnly = 0.0
var round = 0
while rounds.map({ round < $0 }) ?? (elapsed < seconds) {
    round += 1
    for (p, b) in inputs {
        let t0 = DispatchTime.now().uptimeNanoseconds
        do {
            let r = try extractor.extract(bytes: b, path: p)
            let t1 = DispatchTime.now().uptimeNanoseconds
            parseOnly += Double(t1 - t0)
            bytesOut += ReportExtractor.json(r).count
        } catch {
            failures += 1
        }
        reports += 1
    }
    elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
let perReport = elapsed / Double(reports) * 1e6
print(String(format: "%d reports in %.2f s: %.0f reports/s on one core (%.1f µs/report: %.1f µs parse, %.1f µs JSON); %d inputs, %d failures, %.1f KB JSON/report",
             reports, elapsed, Double(reports) / elapsed, perReport, parseOnly / Double(reports) / 1e3,
             perReport - parseOnly / Double(reports) / 1e3, inputs.count, failures / max(1, reports / inputs.count), Double(bytesOut) / Double(reports) / 1024))
