import Nianbao
import Foundation

/// Writes a file so that readers see the old file or the complete new one, never a partial one:
/// a temporary file in the same folder (`.tmp-<pid>-<n>-<name>`, which a batch sweeps up after a
/// kill), written, optionally flushed, then renamed over the target.
package enum AtomicFile {
    package struct WriteError: Error, CustomStringConvertible {
        package var description: String
    }

    /// Replaces `path` atomically, fsynced. A device or pipe (`-o /dev/stdout`, `/dev/null`, a FIFO)
    /// is written in place, never renamed over.
    package static func write(_ bytes: [UInt8], to path: String) throws {
        if AggregateFile.isSpecialFile(path) {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
            defer { close(fd) }
            guard writeAll(fd, bytes) else { throw WriteError(description: String(cString: strerror(errno))) }
            return
        }
        try replace(path, with: bytes, sync: true)
    }

    /// The temporary file and the rename; `sync`: fsync before the rename. Errors carry strerror only.
    static func replace(_ path: String, with bytes: [UInt8], sync: Bool) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = (dir.isEmpty ? "." : dir) + "/.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-" + name
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
        var ok = writeAll(fd, bytes)
        if ok && sync && fsync(fd) != 0 { ok = false }
        let err = errno
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            let message = String(cString: strerror(ok ? errno : err))
            unlink(temp)
            throw WriteError(description: message)
        }
    }

    /// Writes every byte to `fd`, retrying short writes; false on an error (errno says which).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}
