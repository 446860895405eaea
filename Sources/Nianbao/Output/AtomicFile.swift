import Foundation

/// Writes a file so that readers see the old file or the complete new one, never a partial one:
/// a temporary file in the same folder, flushed, then renamed over the target.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        // A device or pipe (`-o /dev/stdout`, `/dev/null`) is written in place, never renamed over.
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG, (st.st_mode & S_IFMT) != S_IFDIR {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
            defer { close(fd) }
            let ok = bytes.withUnsafeBytes { buf -> Bool in
                var offset = 0
                while offset < buf.count {
                    let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
                    if n <= 0 { return false }
                    offset += n
                }
                return true
            }
            guard ok else { throw WriteError(description: String(cString: strerror(errno))) }
            return
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let temp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
        var ok = true
        bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 { ok = false; break }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temp)
            throw WriteError(description: message)
        }
    }
}
