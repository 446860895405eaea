import Nianbao
import Foundation

/// A large output file written as a stream to a temporary name beside the target, then flushed,
/// fsynced and renamed over it by ``commit()``: readers (and a later run after a SIGKILL) see the
/// previous complete file or the new complete one, never a half-written row.
/// The path `-` streams to standard output instead.
package final class AggregateFile {
    package let target: String
    let temp: String?
    let fd: Int32
    var buffer: [UInt8] = []
    var failed: String?

    package init(_ target: String) throws {
        self.target = target
        if target == "-" {
            temp = nil
            fd = 1
            return
        }
        if Self.isSpecialFile(target) {
            // A device or pipe (/dev/stdout, /dev/null, a FIFO): written in place, never replaced.
            let fd = open(target, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw AtomicFile.WriteError(description: "\(target): \(String(cString: strerror(errno)))") }
            self.fd = fd
            temp = nil
            return
        }
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let t = dir + "/." + url.lastPathComponent + ".nianbao-tmp-\(getpid())"
        unlink(t)
        let fd = open(t, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFile.WriteError(description: "\(target): \(String(cString: strerror(errno)))") }
        self.fd = fd
        temp = t
        buffer.reserveCapacity(1 << 20)
    }

    package func write(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= 1 << 20 { try flush() }
    }

    package func write(_ text: String) throws { try write(Array(text.utf8)) }

    func flush() throws {
        if let failed { throw AtomicFile.WriteError(description: failed) }
        let ok = AtomicFile.writeAll(fd, buffer)
        buffer.removeAll(keepingCapacity: true)
        if !ok {
            failed = "\(target): \(String(cString: strerror(errno)))"
            throw AtomicFile.WriteError(description: failed!)
        }
    }

    /// True when `path` exists and is neither a regular file nor a folder (a device, pipe or socket):
    /// such a target is never replaced by a rename.
    package static func isSpecialFile(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        let type = st.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// Flushes, syncs and renames the file into place.
    package func commit() throws {
        try flush()
        guard let temp else {
            if fd > 2 { close(fd) }
            return
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temp, target) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temp)
            throw AtomicFile.WriteError(description: "\(target): \(message)")
        }
    }

    /// Drops the temporary file (the target is left as it was).
    package func abort() {
        guard let temp else {
            if fd > 2 { close(fd) }
            return
        }
        close(fd)
        unlink(temp)
    }

    /// Leftover temporary files of a killed run beside `target`. A temporary file whose process still
    /// runs (another batch writing the same output) is live and left alone.
    package static func removeLeftovers(of target: String) {
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".nianbao-tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        where name.hasPrefix(prefix) && !TemporaryFileOwner.isAlive(name, after: prefix) {
            unlink(dir + "/" + name)
        }
    }
}
