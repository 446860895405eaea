import Foundation

/// Standard output and error without Foundation's `FileHandle.write`, which traps (`try!`) when the
/// descriptor cannot be written (`> /dev/full`, `>&-`): a failed write of the JSON is an error with
/// exit status 73, a failed write of a diagnostic is dropped.
enum Console {
    /// The exit status when standard output (or another output) cannot be written.
    static let cannotWrite: Int32 = 73

    /// The exit status of a usage error (as swift-argument-parser's for a `ValidationError`).
    static let usage: Int32 = 64

    /// Makes sure descriptors 0, 1 and 2 are open before anything else opens a file: a closed one
    /// (`>&-`) is opened on /dev/null in the wrong direction, so that writing to it fails (EBADF) and
    /// no file the program opens later takes its number (the JSON would land in it).
    static func reserveStandardDescriptors() {
        for fd: Int32 in [0, 1, 2] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
    }

    /// Writes all of `bytes` to standard output; the `strerror` text on failure.
    static func writeOut(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { buf -> String? in
            var offset = 0
            while offset < buf.count {
                let n = write(1, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return String(cString: strerror(n < 0 ? errno : EIO)) }
                offset += n
            }
            return nil
        }
    }

    /// Writes a message to standard error (a failure is ignored: there is nowhere left to say it).
    static func error(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = write(2, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
