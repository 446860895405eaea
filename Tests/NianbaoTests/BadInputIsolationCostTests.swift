import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Measures what isolating conversions in worker processes costs per file (run with
/// NIANBAO_MEASURE_ISOLATION=1; prints ms per file). Not an assertion: a measurement for the README.
@Suite struct BadInputIsolationCostTests {
    @Test func isolationCostPerFile() throws {
        guard ProcessInfo.processInfo.environment["NIANBAO_MEASURE_ISOLATION"] != nil, let extract = TestSupport.extractBinary else { return }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-iso-\(UUID().uuidString)")
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: TestSupport.packageRoot.appendingPathComponent("Corpus/pdf").path)
            .filter { $0.hasPrefix("p") && $0.hasSuffix(".pdf") }.sorted()
        let copies = 5
        for p in pdfs {
            let data = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/pdf/\(p)"))
            for k in 0..<copies { try data.write(to: inputs.appendingPathComponent("\(k)-\(p)")) }
        }
        let found = BatchDiscovery.discover(arguments: [inputs.path])
        func batch(_ worker: WorkerCommand?, _ name: String) throws -> Double {
            let outputs = BatchOutputs(jsonl: work.appendingPathComponent("\(name).jsonl").path)
            let config = BatchConfiguration(inputs: found, jobs: 1, timeout: 120, outputs: outputs, worker: worker)
            let start = Date()
            _ = try BatchEngine(config).run(progress: nil)
            return Date().timeIntervalSince(start) * 1000 / Double(found.count)
        }
        let inProcess = try batch(nil, "threads")
        let workers = try batch(WorkerCommand(executable: extract, arguments: ["batch-worker"]), "workers")
        // A fresh process per file (what isolating single-file runs inside one process would cost).
        var start = Date()
        for input in found { _ = try TestSupport.run(extract, ["--quiet", input.path]) }
        let perProcess = Date().timeIntervalSince(start) * 1000 / Double(found.count)
        start = Date()
        for input in found { _ = try? ReportExtractor().extract(file: input.path) }
        let library = Date().timeIntervalSince(start) * 1000 / Double(found.count)
        print(String(format: "isolation cost, %d PDFs: library %.1f ms/file; batch in-process %.1f ms/file; batch with a reused worker process %.1f ms/file; one extract process per file %.1f ms/file",
                     found.count, library, inProcess, workers, perProcess))
    }
}
