import Foundation
import Nianbao
import NianbaoDatasets

/// `nianbao-bench isolation [--copies N] EXTRACT DIR`: what isolating conversions costs per file, over
/// N copies (default 5) of the PDFs in DIR (e.g. Corpus/pdf), one job: the library in a loop, a batch
/// converting in threads of one process, a batch with a reused worker process (`EXTRACT batch-worker`),
/// and one `EXTRACT` process per file. The README's "Isolation" figures come from here.
enum IsolationCost {
    static func run(_ arguments: [String]) -> Int32 {
        var copies = 5
        var rest: [String] = []
        var args = arguments[...]
        while let arg = args.popFirst() {
            if arg == "--copies", let s = args.popFirst(), let n = Int(s), n > 0 { copies = n } else { rest.append(arg) }
        }
        guard rest.count == 2 else { return Usage.fail("usage: nianbao-bench isolation [--copies N] EXTRACT DIR") }
        let extract = rest[0], source = rest[1]
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("nianbao-isolation-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        do {
            let inputs = work.appendingPathComponent("in")
            try fm.createDirectory(at: inputs, withIntermediateDirectories: true)
            let pdfs = try fm.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".pdf") }.sorted()
            guard !pdfs.isEmpty else { return Usage.fail("\(source): no PDF", status: 1) }
            for name in pdfs {
                let data = try Data(contentsOf: URL(fileURLWithPath: source).appendingPathComponent(name))
                for k in 0..<copies { try data.write(to: inputs.appendingPathComponent("\(k)-\(name)")) }
            }
            let found = BatchDiscovery.discover(arguments: [inputs.path])
            let count = Double(found.count)
            func batch(_ worker: WorkerCommand?, _ name: String) throws -> Double {
                let outputs = BatchOutputs(jsonl: work.appendingPathComponent("\(name).jsonl").path)
                let start = Date()
                _ = try BatchEngine(BatchConfiguration(inputs: found, jobs: 1, timeout: 120, outputs: outputs, worker: worker)).run(progress: nil)
                return Date().timeIntervalSince(start) * 1000 / count
            }
            let inProcess = try batch(nil, "threads")
            let workers = try batch(WorkerCommand(executable: extract, arguments: ["batch-worker"]), "workers")
            var start = Date()
            for input in found {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: extract)
                process.arguments = ["--quiet", input.path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
            }
            let perProcess = Date().timeIntervalSince(start) * 1000 / count
            start = Date()
            for input in found { _ = try? ReportExtractor().extract(file: input.path) }
            let library = Date().timeIntervalSince(start) * 1000 / count
            print(
                String(
                    format: "isolation cost, %d PDFs: library %.1f ms/file; batch in-process %.1f ms/file; batch with a reused worker process %.1f ms/file; one extract process per file %.1f ms/file",
                    found.count, library, inProcess, workers, perProcess))
            return 0
        } catch {
            return Usage.fail("\(error)", status: 1)
        }
    }
}
