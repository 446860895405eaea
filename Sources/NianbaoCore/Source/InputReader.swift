import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Reads an input's bytes with a size limit checked while reading, and errors that say what really
/// went wrong (the `errno` text: "No such file or directory", "Too many levels of symbolic links",
/// "Permission denied" …).
///
/// A regular file is refused by its size before a byte is read and read into one buffer of its size;
/// standard input, a pipe, a FIFO or a device (`/dev/zero`) is read in chunks and refused as soon as
/// it passes the limit, so memory never grows past the limit plus a chunk.
package enum InputReader {
    static let chunk = 1 << 20

    /// `path` names the input in errors; `-` is standard input.
    package static func read(_ path: String, limit: Int) throws(ExtractError) -> [UInt8] {
        if path == "-" { return try readStream(0, path: path, limit: limit) }
        return try read(cPath: Array(path.utf8CString), path: path, limit: limit)
    }

    /// Reads a file whose name is given as raw bytes (NUL-terminated), e.g. a name that is not UTF-8;
    /// `path` names it in errors.
    package static func read(cPath: [CChar], path: String, limit: Int) throws(ExtractError) -> [UInt8] {
        let fd = cPath.withUnsafeBufferPointer { open($0.baseAddress!, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            let err = errno
            throw ExtractError(.unreadable, path: path, "cannot be opened: \(describe(err))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ExtractError(.unreadable, path: path, "cannot be read: \(describe(errno))") }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            throw ExtractError(.unreadable, path: path, "is a directory")
        case S_IFREG:
            let size = Int(st.st_size)
            if size > limit { throw tooLarge(path, limit: limit, size: size) }
            return try readRegular(fd, size: size, path: path, limit: limit)
        default:
            return try readStream(fd, path: path, limit: limit)
        }
    }

    /// A regular file: one buffer of its size (a file that grows while read is read as a stream past it).
    package static func readRegular(_ fd: Int32, size: Int, path: String, limit: Int) throws(ExtractError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, size - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ExtractError(.unreadable, path: path, "cannot be read: \(describe(errno))")
            }
            if n == 0 { out.removeLast(size - done); return out }
            done += n
        }
        // Anything beyond the size fstat gave (a file still growing) is read as a stream.
        let rest = try readStream(fd, path: path, limit: limit - size)
        return rest.isEmpty ? out : out + rest
    }

    /// Reads to the end in chunks; refuses as soon as more than `limit` bytes came.
    static func readStream(_ fd: Int32, path: String, limit: Int) throws(ExtractError) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ExtractError(.unreadable, path: path, "cannot be read: \(describe(errno))")
            }
            if n == 0 { return out }
            if out.count + n > limit { throw tooLarge(path, limit: limit, size: nil) }
            out.append(contentsOf: buffer[0..<n])
        }
    }

    static func tooLarge(_ path: String, limit: Int, size: Int?) -> ExtractError {
        let what = size.map { "the input is \(megabytes($0)) MB" } ?? "the input goes on past the limit"
        return ExtractError(.tooLarge, path: path, "\(what); the limit is \(megabytes(max(0, limit))) MB (--max-input-size)")
    }

    static func megabytes(_ n: Int) -> String {
        let mb = Double(n) / Double(1 << 20)
        return mb >= 10 || mb == mb.rounded() ? String(Int(mb.rounded())) : String(format: "%.1f", mb)
    }

    /// The system's text for an errno value.
    package static func describe(_ err: Int32) -> String {
        String(cString: strerror(err))
    }
}
