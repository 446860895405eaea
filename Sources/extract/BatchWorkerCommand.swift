import ArgumentParser
import Foundation
import Nianbao
import NianbaoDatasets

/// The worker process of a batch (internal protocol on standard input/output).
struct BatchWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: name, shouldDisplay: false)

    /// The name `convert` starts its workers with.
    static let name = "batch-worker"

    @Flag var blankAsZero = false

    @Option var ocr: OCRMode = .auto

    @Option(name: .customLong("memory-limit")) var memoryLimit: Int = 0

    @Option(name: .customLong("converter-timeout")) var converterTimeout: Double = 118

    func run() throws {
        let status = BatchWorker.serve(
            options: ExtractOptions(blankAsZero: blankAsZero, ocr: ocr, converterTimeout: converterTimeout),
            memoryLimitMB: memoryLimit > 0 ? memoryLimit : nil)
        if status != 0 { throw ExitCode(status) }
    }

    /// How a batch starts its workers: this executable with the options above, read from `convert`'s.
    static func invocation(reading: ReadingOptions, memoryLimitMB: Int) -> WorkerCommand {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return WorkerCommand(
            executable: exe,
            arguments: [name] + (reading.blankAsZero ? ["--blank-as-zero"] : [])
                + (reading.ocr == .auto ? [] : ["--ocr", reading.ocr.rawValue])
                + ["--memory-limit", "\(memoryLimitMB)", "--converter-timeout", "\(reading.converterTimeout)"],
            memoryLimitMB: memoryLimitMB > 0 ? memoryLimitMB : nil)
    }
}
