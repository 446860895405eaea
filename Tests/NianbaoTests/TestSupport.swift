import Foundation
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the package (present in CI and on developer machines of this project).
    static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func sharedFile(_ relative: String) -> URL? {
        let url = shared.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Runs the whole pipeline over an inline text report.
    static func extract(_ text: String, options: ExtractOptions = ExtractOptions()) throws -> Report {
        try ReportExtractor(options: options).extract(bytes: Array(text.utf8), path: "inline.txt")
    }

    /// A command's standard output, standard error and exit status.
    struct Run {
        var stdout: String
        var stderr: String
        var status: Int32
        var stdoutBytes: Data
    }

    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil, cwd: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = cwd }
        // Files, not pipes: no deadlock however much a command prints.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err"), inURL = dir.appendingPathComponent("in")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        try out.close(); try err.close(); try input.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Run(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                   status: process.terminationStatus, stdoutBytes: outData)
    }

    /// The `extract` binary built beside the test bundle.
    static var extractBinary: String? {
        var candidates: [URL] = []
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0])
        candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("extract"))
        candidates.append(argv0.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("extract"))
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent("extract")) }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/extract"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }

    /// The absolute path of a tool on PATH, if installed.
    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

extension Report {
    /// Value of a flat key as a Double-free string, for compact expectations: "21", "7730.28", "nil".
    func v(_ key: String) -> String {
        value(key).map(\.description) ?? "nil"
    }
}
