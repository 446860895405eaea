import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets

/// The second hardening round (issue 12), through the built `extract` binary: standard output that
/// cannot be written, the input size limit, bad --timeout values, unreadable folders, links out of
/// --out, concurrent batches, error messages with the real errno text, non-UTF-8 names, and resume
/// after a same-length edit.
@Suite(.serialized, Prerequisite.extractBinary) struct HardeningCLITests {
    let report = TestSupport.packageRoot.appendingPathComponent("Corpus/text/t01-2021-tabs.txt").path

    func binary() throws -> String {
        try TestSupport.requireExtractBinary()
    }

    static func tempDir(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-h2-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs a shell command line with `$0` = the binary (for redirections Process cannot express).
    func shell(_ script: String, _ args: [String] = []) throws -> TestSupport.Run {
        try TestSupport.run("/bin/sh", ["-c", script, try binary()] + args)
    }

    /// Root ignores file permissions: the command runs without capabilities (setpriv) so that a
    /// folder without read permission is unreadable to it, as it is to any user.
    static let dropCapabilities: [String]? = {
        if getuid() != 0 { return [] }
        return TestSupport.which("setpriv").map { [$0, "--inh-caps=-all", "--bounding-set=-all"] }
    }()

    /// Skipped where the command cannot run without permissions; under CI=true the test runs and
    /// fails at `#require(Self.dropCapabilities)`.
    static var permissionsTestable: ConditionTrait {
        Prerequisite.needs(dropCapabilities != nil, "running as root without setpriv (util-linux): permission tests cannot run")
    }

    func runWithoutCapabilities(_ args: [String]) throws -> TestSupport.Run {
        let prefix = try #require(Self.dropCapabilities)
        if prefix.isEmpty { return try TestSupport.run(try binary(), args) }
        return try TestSupport.run(prefix[0], Array(prefix.dropFirst()) + [try binary()] + args)
    }

    // MARK: 1. standard output

    @Test func fullOrClosedStandardOutputIsAnErrorWithStatus73() throws {
        let full = try shell("\"$0\" \"$1\" > /dev/full", [report])
        #expect(full.status == 73, "\(full.status): \(full.stderr)")
        #expect(full.stderr.contains("cannot write") && full.stderr.contains("No space left on device"), "\(full.stderr)")
        let closed = try shell("\"$0\" \"$1\" >&-", [report])
        #expect(closed.status == 73, "\(closed.status): \(closed.stderr)")
        #expect(closed.stderr.contains("Bad file descriptor"), "\(closed.stderr)")
        // The schema subcommand too.
        #expect(try shell("\"$0\" schema > /dev/full").status == 73)
    }

    // MARK: 2. size limit

    @Test func endlessStandardInputStopsAtTheLimit() throws {
        let run = try shell("exec \"$0\" --max-input-size 2 - < /dev/zero")
        #expect(run.status == 1)
        #expect(run.stderr.contains("-: error:") && run.stderr.contains("[too_large]"), "\(run.stderr)")
        let device = try TestSupport.run(try binary(), ["--max-input-size", "1", "/dev/zero"])
        #expect(device.status == 1)
        #expect(device.stderr.contains("[too_large]"), "\(device.stderr)")
    }

    @Test func largeRegularFileIsRefusedByItsSizeUnderTheDefaultLimit() throws {
        let dir = try Self.tempDir("large")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/huge.txt"
        // 600 MB, sparse: no disk used, refused before a byte is read.
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(ftruncate(fd, 600 << 20) == 0)
        close(fd)
        let run = try TestSupport.run(try binary(), [path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("[too_large]") && run.stderr.contains("600 MB") && run.stderr.contains("512 MB"), "\(run.stderr)")
        // In a batch: an error record, the other input converts.
        try FileManager.default.copyItem(atPath: report, toPath: dir + "/report.txt")
        let batch = try TestSupport.run(try binary(), [dir, "--jsonl", dir + "/out/all.jsonl"])
        #expect(batch.status == 1)
        let lines = try String(contentsOfFile: dir + "/out/all.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first { $0.contains("huge.txt") }?.contains("\"too_large\"") == true)
    }

    // MARK: 3. --timeout

    @Test(arguments: ["nan", "inf", "-inf", "-1", "0", "1e300"])
    func badTimeoutIsAUsageError(value: String) throws {
        let dir = try Self.tempDir("timeout")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: report, toPath: dir + "/a.txt")
        let batch = try TestSupport.run(try binary(), [dir, "--timeout", value, "--jsonl", dir + "/all.jsonl"])
        #expect(batch.status == 64, "\(value): \(batch.status) \(batch.stderr)")
        let single = try TestSupport.run(try binary(), ["--timeout", value, report])
        #expect(single.status == 64, "\(value): \(single.status)")
    }

    // MARK: 5. unreadable folders

    @Test(permissionsTestable)
    func unreadableFolderInABatchIsAnErrorRecord() throws {
        let dir = try Self.tempDir("locked")
        defer { chmod(dir + "/in/locked", 0o755); try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in/locked", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: report, toPath: dir + "/in/a.txt")
        try FileManager.default.copyItem(atPath: report, toPath: dir + "/in/locked/b.txt")
        chmod(dir + "/in/locked", 0)
        let run = try runWithoutCapabilities([dir + "/in", "--jsonl", dir + "/all.jsonl"])
        #expect(run.status == 1, "\(run.stderr)")
        let lines = try String(contentsOfFile: dir + "/all.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let record = try #require(lines.first { $0.contains("\"report_id\":\"locked\"") })
        #expect(record.contains("\"unreadable\"") && record.contains("Permission denied"), "\(record)")
    }

    // MARK: 6. links out of --out

    @Test func outputFolderNeverFollowsALinkOutOfIt() throws {
        let dir = try Self.tempDir("links")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/in/text", withIntermediateDirectories: true)
        try fm.copyItem(atPath: report, toPath: dir + "/in/text/a.txt")
        try Data("not a report".utf8).write(to: URL(fileURLWithPath: dir + "/in/text/bad.txt"))
        try fm.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/elsewhere", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: dir + "/out/text", withDestinationPath: dir + "/elsewhere")
        let run = try TestSupport.run(try binary(), [dir + "/in", "--out", dir + "/out"])
        #expect(run.status == 73, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("symbolic link"), "\(run.stderr)")
        #expect(try fm.contentsOfDirectory(atPath: dir + "/elsewhere") == [], "nothing written through the link")
        // Without the link the same batch writes inside --out.
        try fm.removeItem(atPath: dir + "/out/text")
        let again = try TestSupport.run(try binary(), [dir + "/in", "--out", dir + "/out"])
        #expect(again.status == 1)
        #expect(fm.fileExists(atPath: dir + "/out/text/a.txt.json"))
        #expect(fm.fileExists(atPath: dir + "/out/text/bad.txt.error.json"))
    }

    // MARK: 8. concurrent batches

    /// The process id of a process that has ended.
    static func deadPID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func startUpSweepLeavesLiveTemporaryFilesOfOtherBatches() throws {
        let dir = try Self.tempDir("sweep")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/shared/out", withIntermediateDirectories: true)
        try fm.copyItem(atPath: report, toPath: dir + "/in/a.txt")
        let live = getpid(), dead = try Self.deadPID()
        // Another batch (this test process) is writing the shared SQLite and an --out file; a killed one left its own.
        let files = [
            "shared/.all.sqlite.nianbao-tmp-\(live)": true, "shared/.all.sqlite.nianbao-tmp-\(dead)": false,
            "shared/.all.csv.nianbao-tmp-\(live)-stream": true, "shared/.all.csv.nianbao-tmp-\(dead)-stream": false,
            "shared/out/.tmp-\(live)-1-a.txt.json": true, "shared/out/.tmp-\(dead)-1-a.txt.json": false,
        ]
        for name in files.keys { try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        // A different first output, so a different state folder (no lock shared with the other batch).
        let run = try TestSupport.run(
            try binary(),
            [
                dir + "/in", "--jsonl", dir + "/mine.jsonl", "--sqlite", dir + "/shared/all.sqlite",
                "--csv", dir + "/shared/all.csv", "--out", dir + "/shared/out",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        for (name, kept) in files {
            #expect(fm.fileExists(atPath: dir + "/" + name) == kept, "\(name) should be \(kept ? "kept" : "removed")")
        }
    }

    // MARK: 11. messages

    @Test func errorsCarryTheRealReason() throws {
        let dir = try Self.tempDir("messages")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir + "/loop.txt", withDestinationPath: dir + "/loop.txt")
        let loop = try TestSupport.run(try binary(), [dir + "/loop.txt"])
        #expect(loop.status == 1)
        #expect(loop.stderr.contains("Too many levels of symbolic links") && loop.stderr.contains("[unreadable]"), "\(loop.stderr)")
        let missing = try TestSupport.run(try binary(), [dir + "/none.txt"])
        #expect(missing.stderr.contains("No such file or directory"), "\(missing.stderr)")
        // A FIFO is read as a stream (as /dev/stdin or <(…) are), not called unreadable.
        #expect(mkfifo(dir + "/pipe.txt", 0o644) == 0)
        let (process, out) = try Self.start(try binary(), [dir + "/pipe.txt"], dir: dir)
        let writer = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/pipe.txt"))
        try writer.write(contentsOf: Data(contentsOf: URL(fileURLWithPath: report)))
        try writer.close()
        let watchdog = TestSupport.watchdog(process, seconds: 120)
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("\"generation\""))
    }

    static func start(_ exe: String, _ args: [String], dir: String) throws -> (Process, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let out = dir + "/.out-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: out, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, out)
    }

    @Test(permissionsTestable)
    func permissionDeniedOnAParentFolderSaysSo() throws {
        let dir = try Self.tempDir("eacces")
        defer { chmod(dir + "/closed", 0o755); try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/closed", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: report, toPath: dir + "/closed/a.txt")
        chmod(dir + "/closed", 0)
        let run = try runWithoutCapabilities([dir + "/closed/a.txt"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Permission denied") && !run.stderr.contains("no such file"), "\(run.stderr)")
    }

    @Test func fileNameThatIsNotUTF8Opens() throws {
        let dir = try Self.tempDir("gbk")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 报告.txt in GBK: B1 A8 B8 E6.
        let name: [UInt8] = Array(dir.utf8) + Array("/".utf8) + [0xB1, 0xA8, 0xB8, 0xE6] + Array(".txt".utf8) + [0]
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: report)))
        let fd = name.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        #expect(fd >= 0)
        #expect(AtomicFile.writeAll(fd, bytes))
        close(fd)
        let run = try shell("exec \"$0\" \"$1/$(printf '\\261\\250\\270\\346').txt\"", [dir])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"generation\": \"2021\""))
    }

    // MARK: 12. resume

    @Test func resumeConvertsASameLengthEditWithItsTimeRestored() throws {
        let dir = try Self.tempDir("resume")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let path = dir + "/in/a.txt"
        try FileManager.default.copyItem(atPath: report, toPath: path)
        let args = [dir + "/in", "--jsonl", dir + "/all.jsonl"]
        #expect(try TestSupport.run(try binary(), args).status == 0)
        var st = stat()
        #expect(stat(path, &st) == 0)
        // 行政处罚\t1684 → 行政处罚\t1685: same length; then the old times back.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "行政处罚\t1684", with: "行政处罚\t1685")
        #expect(edited != text && edited.utf8.count == text.utf8.count)
        try edited.write(toFile: path, atomically: false, encoding: .utf8)
        var times = [timespec(tv_sec: st.st_atim.tv_sec, tv_nsec: st.st_atim.tv_nsec), timespec(tv_sec: st.st_mtim.tv_sec, tv_nsec: st.st_mtim.tv_nsec)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let again = try TestSupport.run(try binary(), args)
        #expect(again.status == 0)
        let line = try String(contentsOfFile: dir + "/all.jsonl", encoding: .utf8)
        #expect(line.contains("\"value\":1685") && !line.contains("\"value\":1684"))
    }
}
