import Foundation
import NianbaoCore
#if canImport(Glibc)
    import Glibc
#endif

/// A folder of output files (`--out DIR`) that is never left through a symbolic link: every folder
/// below the root is opened with `openat(…, O_NOFOLLOW | O_DIRECTORY)` from its parent, created
/// with `mkdirat` when missing, and a link (or a file) where a folder is expected is refused with an
/// error instead of being followed. Files are written atomically (a `.tmp-<pid>-<n>-<name>` file
/// beside the target, then `renameat`), read and removed through the same folder descriptors. The
/// root itself is the user's choice and may be a link.
package struct OutputDirectory: Sendable {
    package let root: String

    package struct Refused: Error, CustomStringConvertible {
        public var description: String
    }

    package init(root: String) throws {
        self.root = root
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Opens the folder holding `relative` (creating folders as needed); the caller closes it.
    func openParent(_ relative: String, create: Bool) throws -> (fd: Int32, name: String) {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = parts.last, !parts.contains(where: { $0 == "." || $0 == ".." }) else {
            throw Refused(description: "\(root)/\(relative): not a plain path inside the output folder")
        }
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Refused(description: "\(root): \(InputReader.describe(errno))") }
        var walked = root
        for part in parts.dropLast() {
            walked += "/" + part
            var next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT && create {
                if mkdirat(fd, part, 0o755) != 0 && errno != EEXIST {
                    let err = errno
                    close(fd)
                    throw Refused(description: "\(walked): cannot create the folder: \(InputReader.describe(err))")
                }
                next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            let err = errno
            close(fd)
            guard next >= 0 else {
                if err == ELOOP || err == ENOTDIR {
                    throw Refused(description: "\(walked): a symbolic link or a file where the output needs a folder; not followed (outputs stay inside \(root))")
                }
                throw Refused(description: "\(walked): \(InputReader.describe(err))")
            }
            fd = next
        }
        return (fd, name)
    }

    /// Replaces `relative` atomically (no fsync). A target that is a device or pipe is refused; a
    /// target that is a symbolic link is replaced by the file, never written through.
    package func write(_ bytes: [UInt8], to relative: String) throws {
        let (dir, name) = try openParent(relative, create: true)
        defer { close(dir) }
        var st = stat()
        if fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 {
            let type = st.st_mode & S_IFMT
            if type != S_IFREG && type != S_IFLNK {
                throw Refused(description: "\(root)/\(relative): exists and is not a regular file; not replaced")
            }
        }
        let temp = ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-" + name
        let fd = openat(dir, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Refused(description: "\(root)/\(relative): \(InputReader.describe(errno))") }
        let ok = AtomicFile.writeAll(fd, bytes)
        let err = errno
        close(fd)
        guard ok, renameat(dir, temp, dir, name) == 0 else {
            let message = InputReader.describe(ok ? errno : err)
            unlinkat(dir, temp, 0)
            throw Refused(description: "\(root)/\(relative): \(message)")
        }
    }

    /// The bytes of `relative` when it is a regular file inside the folder (nil otherwise).
    package func contents(of relative: String) -> [UInt8]? {
        guard let (dir, name) = try? openParent(relative, create: false) else { return nil }
        defer { close(dir) }
        let fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return try? InputReader.readRegular(fd, size: Int(st.st_size), path: relative, limit: Int(st.st_size))
    }

    /// Removes `relative` (a file or link inside the folder; never anything a link leads to).
    package func remove(_ relative: String) {
        guard let (dir, name) = try? openParent(relative, create: false) else { return }
        unlinkat(dir, name, 0)
        close(dir)
    }

    /// Writes `bytes` unless `relative` holds them already (a resumed run).
    package func writeIfChanged(_ bytes: [UInt8], to relative: String) throws {
        if let existing = contents(of: relative), existing == bytes { return }
        try write(bytes, to: relative)
    }

    /// Temporary files (`.tmp-<pid>-…`) that a killed run left in the folder and its subfolders
    /// (links not followed); those of a process still running (another batch) are left alone.
    package func removeTemporaryFiles() {
        var stack = [root]
        while let dir = stack.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names {
                let path = dir + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                if st.st_mode & S_IFMT == S_IFDIR {
                    stack.append(path)
                } else if st.st_mode & S_IFMT == S_IFREG, name.hasPrefix(".tmp-"), !TemporaryFileOwner.isAlive(name, after: ".tmp-") {
                    unlink(path)
                }
            }
        }
    }
}

/// The owner of a temporary file named `<prefix><pid>…`: a sweep removes only files whose process
/// is gone, so a batch never deletes the live temporary file of another batch beside it.
package enum TemporaryFileOwner {
    /// True when the name carries a process id after `prefix` and that process still runs.
    package static func isAlive(_ name: String, after prefix: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        guard let pid = Int32(digits), pid > 0 else { return false }
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
