import Nianbao
import Foundation

/// A file the batch streams JSONL lines or wide CSV rows into, in path order, while inputs are
/// converted. When no line needs the cross-year checks it becomes the output as it is (``commit()``:
/// fsync and rename, like ``AggregateFile``); otherwise it is copied into the output with those
/// lines replaced. Beside a regular target it is named like the target's temporary file (swept up
/// after a kill); for standard output or a pipe it is anonymous (unlinked once open) in `directory`.
final class ScratchFile {
    let fd: Int32
    /// The output this file can become, and its temporary name (nil: anonymous).
    let target: String?
    private var path: String?
    private var buffer: [UInt8] = []
    /// Bytes written so far (on disk + buffered).
    private(set) var size = 0
    private var flushed = 0

    /// A scratch file for `target`: beside it when it is a regular file, else anonymous in `directory`.
    init(for target: String, directory: String) throws {
        let named = target != "-" && !AggregateFile.isSpecialFile(target)
        let path: String
        if named {
            let url = URL(fileURLWithPath: target)
            let dir = url.deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            path = dir + "/." + url.lastPathComponent + ".nianbao-tmp-\(getpid())-stream"
            unlink(path)
        } else {
            path = directory + "/.scratch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        }
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, named ? 0o644 : 0o600)
        guard fd >= 0 else { throw AtomicFile.WriteError(description: "\(target): \(String(cString: strerror(errno)))") }
        if !named { unlink(path) }
        self.fd = fd
        self.target = named ? target : nil
        self.path = named ? path : nil
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        close(fd)
        if let path { unlink(path) }
    }

    /// Flushes, syncs and renames the file over its target (false: anonymous, copy it instead).
    func commit() throws -> Bool {
        guard let target, let path else { return false }
        try flush()
        guard fsync(fd) == 0, rename(path, target) == 0 else {
            throw AtomicFile.WriteError(description: "\(target): \(String(cString: strerror(errno)))")
        }
        self.path = nil
        return true
    }

    /// Appends bytes; returns where they start.
    @discardableResult
    func append(_ bytes: [UInt8]) throws -> Int {
        let at = size
        buffer += bytes
        size += bytes.count
        if buffer.count >= 1 << 20 { try flush() }
        return at
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        guard AtomicFile.writeAll(fd, buffer) else {
            throw AtomicFile.WriteError(description: "temporary file: \(String(cString: strerror(errno)))")
        }
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Bytes already flushed (``flush()``); safe from several threads while nothing is appended.
    func read(_ range: Range<Int>) throws -> [UInt8] {
        precondition(range.upperBound <= flushed, "read of unflushed scratch bytes")
        var out = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, range.count - done, off_t(range.lowerBound + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw AtomicFile.WriteError(description: "temporary file: cannot read back (\(String(cString: strerror(errno))))") }
            done += n
        }
        return out
    }

    /// Copies a range into an output, a megabyte at a time.
    func copy(_ range: Range<Int>, to out: AggregateFile) throws {
        try flush()
        var at = range.lowerBound
        while at < range.upperBound {
            let end = min(range.upperBound, at + (1 << 20))
            try out.write(read(at..<end))
            at = end
        }
    }
}
