import Foundation
import Testing
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

    /// A file of `../shared`, or a failed test (pair with ``Prerequisite/shared(_:)``, which skips the
    /// test outside CI when the file is absent).
    static func requireShared(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(sharedFile(relative), "../shared/\(relative) is not there", sourceLocation: sourceLocation)
    }

    /// The built `extract` binary, or a failed test (pair with ``Prerequisite/extractBinary``).
    static func requireExtractBinary(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(extractBinary, "the extract binary was not built beside the tests", sourceLocation: sourceLocation)
    }

    /// A tool on PATH, or a failed test (pair with ``Prerequisite/tool(_:)``).
    static func requireTool(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(which(name), "\(name) is not installed", sourceLocation: sourceLocation)
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
        let watchdog = Self.watchdog(process)
        process.waitUntilExit()
        watchdog.cancel()
        try out.close(); try err.close(); try input.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Run(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus, stdoutBytes: outData)
    }

    /// Kills `process` when it still runs after `seconds` (default 15 minutes): a command that hangs
    /// fails its test (killed by SIGKILL) instead of holding the whole run until CI's time is up.
    /// Cancel the returned item once the process has exited.
    static func watchdog(_ process: Process, seconds: Double = 900) -> DispatchWorkItem {
        let item = DispatchWorkItem { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item)
        return item
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
