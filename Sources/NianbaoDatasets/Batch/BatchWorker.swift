import Nianbao
import Crypto
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// How to start a worker process: the `extract` binary with its hidden `batch-worker` subcommand.
package struct WorkerCommand: Sendable {
    package var executable: String
    package var arguments: [String]
    /// The address-space limit the worker sets on itself (``BatchWorker/serve(options:memoryLimitMB:)``),
    /// named in the error message when a worker dies.
    package var memoryLimitMB: Int?

    package init(executable: String, arguments: [String], memoryLimitMB: Int? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.memoryLimitMB = memoryLimitMB
    }
}

/// Converts one input to a state entry. Shared by the in-process runner and the worker processes.
package enum BatchConversion {
    /// `parts`: the output parts to prepare besides the report JSON (see ``StateEntry``).
    package static func convert(
        _ input: BatchInput, bytes: [UInt8], sha256: String, options: ExtractOptions,
        parts: Set<StateEntry.Part> = []
    ) -> StateEntry {
        var report: Report
        do {
            report = try ReportExtractor(options: options).extract(bytes: bytes, path: input.path, sha256: sha256)
            report.reportId = input.id
        } catch {
            return StateEntry(meta: StateMeta(path: input.path, id: input.id, sha256: sha256, errorCode: error.code, errorMessage: error.message))
        }
        let counts = CheckCounts(report: report)
        var entry = StateEntry(meta: StateMeta(path: input.path, id: input.id, sha256: sha256, summary: YearSummary(report: report), counts: counts))
        entry.parts = preparedParts(reportId: input.id, report: report, counts: counts, parts: parts)
        entry.parts[.json] = report.jsonBytes(pretty: false)
        return entry
    }

    /// The output parts of a report (also made by the batch from the JSON of an entry that lacks them).
    static func preparedParts(reportId: String, report: Report, counts: CheckCounts, parts: Set<StateEntry.Part>) -> [StateEntry.Part: [UInt8]] {
        var out: [StateEntry.Part: [UInt8]] = [:]
        if parts.contains(.wide) {
            var w = CSVWriter(capacity: 4096)
            for f in WideCSV.leading(reportId: reportId, report: report) { w.field(f) }
            out[.wide] = w.bytes
        }
        if parts.contains(.wideKinds) {
            var w = CSVWriter(capacity: 2048)
            for f in WideCSV.kinds(report: report) { w.field(f) }
            out[.wideKinds] = w.bytes
        }
        if parts.contains(.long) {
            out[.long] = LongCSV.text(reportId: reportId, report: report)
        }
        if parts.contains(.sql) {
            out[.sql] = SQLiteDataset.rows(reportId: reportId, report: report, counts: counts).bytes
        }
        return out
    }
}

/// The worker side of the process protocol. The parent sends a header line
/// `{"path","id","sha256","key","state","length","parts"}` followed by `length` bytes of the file; the worker
/// converts them, writes the state entry (the report JSON) and answers `done N` followed by the
/// N bytes of the full entry, with the parts prepared for the outputs (``StateEntry``): they go
/// through the pipe, not the disk. It exits at end of input, and when its
/// parent dies (PR_SET_PDEATHSIG), so a SIGKILLed batch leaves no worker behind.
package enum BatchWorker {
    /// `memoryLimitMB`: the worker caps its own address space (RLIMIT_AS), so that a file that makes
    /// the converter (or poppler) allocate without bound ends this worker (a `crashed` record for that
    /// file) instead of the machine swapping or the OOM killer choosing a victim.
    package static func serve(options: ExtractOptions, memoryLimitMB: Int? = nil) -> Int32 {
        if let mb = memoryLimitMB, mb > 0 {
            let bytes = rlim_t(mb) << 20
            var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
            _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        }
        #if os(Linux)
            // prctl(PR_SET_PDEATHSIG = 1, SIGKILL): Glibc's module map does not export sys/prctl.h.
            typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
            if let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") {
                _ = unsafeBitCast(sym, to: Prctl.self)(1, UInt(SIGKILL), 0, 0, 0)
            }
            if getppid() == 1 { return 0 }
        #endif
        signal(SIGPIPE, SIG_IGN)
        var reader = FDReader(fd: 0)
        var stores: [String: BatchStateStore] = [:]
        while let header = reader.line() {
            guard let request = try? JSONParser.parse(header),
                let path = request["path"]?.stringValue, let id = request["id"]?.stringValue,
                let sha = request["sha256"]?.stringValue, let key = request["key"]?.stringValue,
                let stateDir = request["state"]?.stringValue, let length = request["length"]?.intValue,
                let bytes = reader.bytes(length)
            else { return 2 }
            let parts = Set((request["parts"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(StateEntry.Part.init(rawValue:)) })
            let store: BatchStateStore
            if let s = stores[stateDir] {
                store = s
            } else {
                guard let s = try? BatchStateStore(directory: stateDir, cleanup: false) else { return 3 }
                stores[stateDir] = s
                store = s
            }
            var entry = BatchConversion.convert(BatchInput(path: path, id: id), bytes: bytes, sha256: sha, options: options, parts: parts)
            // A library that ran out of memory and said so (libxml2) ends the file as a crash does:
            // the record names the limit, as the parent's record of a worker that died does.
            if entry.meta.errorCode == .crashed, let mb = memoryLimitMB, mb > 0 {
                entry.meta.errorMessage = (entry.meta.errorMessage ?? "") + " (the worker's memory limit is \(mb) MB)"
            }
            var reply: [UInt8]
            do {
                try store.write(key: key, entry: entry.stored)
                let payload = entry.bytes
                reply = Array("done \(payload.count)\n".utf8) + payload
            } catch {
                reply = Array(("fail \(error)".replacingOccurrences(of: "\n", with: " ") + "\n").utf8)
            }
            guard FDReader.writeAll(1, reply) else { return 0 }
        }
        return 0
    }
}

/// Buffered reading of lines and byte blocks from a file descriptor, with an optional deadline.
struct FDReader {
    let fd: Int32
    var buffer: [UInt8] = []
    var start = 0

    init(fd: Int32) { self.fd = fd }

    enum Fill { case ok, eof, timeout }

    /// Drops consumed bytes (only between reads, so that indices held by a reader stay valid).
    mutating func compact() {
        if start > 0 { buffer.removeFirst(start); start = 0 }
    }

    mutating func fill(deadline: Double?) -> Fill {
        if let deadline {
            while true {
                let remaining = deadline - monotonicNow()
                if remaining <= 0 { return .timeout }
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let r = poll(&pfd, 1, remaining.isFinite ? Int32(min(remaining * 1000 + 1, 1_000_000)) : 1_000_000)
                if r > 0 { break }
                if r < 0 && errno != EINTR { return .eof }
            }
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, 65536) }
            if n > 0 { buffer.append(contentsOf: chunk[0..<n]); return .ok }
            if n < 0 && errno == EINTR { continue }
            return .eof
        }
    }

    mutating func line(deadline: Double? = nil) -> [UInt8]? {
        switch lineOrTimeout(deadline: deadline) {
        case .line(let l): return l
        default: return nil
        }
    }

    enum LineResult { case line([UInt8]), eof, timeout }

    mutating func lineOrTimeout(deadline: Double?) -> LineResult {
        compact()
        var scanFrom = start
        while true {
            if let nl = buffer[scanFrom...].firstIndex(of: 0x0A) {
                let l = Array(buffer[start..<nl])
                start = nl + 1
                return .line(l)
            }
            scanFrom = buffer.count
            switch fill(deadline: deadline) {
            case .ok: continue
            case .eof: return .eof
            case .timeout: return .timeout
            }
        }
    }

    mutating func bytes(_ n: Int) -> [UInt8]? {
        compact()
        while buffer.count - start < n {
            if fill(deadline: nil) != .ok { return nil }
        }
        let out = Array(buffer[start..<(start + n)])
        start += n
        return out
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}

func monotonicNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// A worker process seen from the parent.
final class WorkerProcess {
    let process: Process
    let input: Pipe
    let output: Pipe
    var reader: FDReader

    enum Reply { case done(StateEntry?), failed(String), timeout, crashed }

    init(_ command: WorkerCommand) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: command.executable)
        process.arguments = command.arguments
        input = Pipe()
        output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // A crashing worker is reported and replaced; no interactive backtrace (it would hold the pipe open).
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        try process.run()
        reader = FDReader(fd: output.fileHandleForReading.fileDescriptor)
    }

    func convert(header: [UInt8], bytes: [UInt8], timeout: Double) -> Reply {
        let fd = input.fileHandleForWriting.fileDescriptor
        let deadline = monotonicNow() + timeout
        guard FDReader.writeAll(fd, header + [0x0A]), FDReader.writeAll(fd, bytes) else { return .crashed }
        switch reader.lineOrTimeout(deadline: deadline) {
        case .line(let l):
            let text = String(decoding: l, as: UTF8.self)
            if text.hasPrefix("done "), let n = Int(text.dropFirst(5)), n >= 0 {
                guard let payload = reader.bytes(n) else { return .crashed }
                return .done(StateEntry(bytes: payload))
            }
            return .failed(text.hasPrefix("fail ") ? String(text.dropFirst(5)) : text)
        case .eof: return .crashed
        case .timeout: return .timeout
        }
    }

    /// How the worker ended (after ``stop()``): `signal 11`, `exit status 3`.
    var ending: String {
        process.terminationReason == .uncaughtSignal ? "signal \(process.terminationStatus)" : "exit status \(process.terminationStatus)"
    }

    /// Ends the worker (SIGKILL: it is idle, or stuck) and reaps it.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        try? output.fileHandleForReading.close()
    }
}
