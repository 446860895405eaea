import CArchive
import NianbaoCore
#if canImport(Glibc)
    import Glibc
#endif

/// Bounds on what reading an archive may decompress (zip bombs): per member and in total.
package struct ArchiveLimits: Sendable, Hashable {
    /// Bytes one member may decompress to.
    package var memberBytes: Int
    /// Bytes all members read in one pass may decompress to.
    package var totalBytes: Int
    /// Entries an archive may list.
    package var entries: Int

    package init(memberBytes: Int = 512 << 20, totalBytes: Int = 2 << 30, entries: Int = 100_000) {
        self.memberBytes = memberBytes
        self.totalBytes = totalBytes
        self.entries = entries
    }

    package static let standard = ArchiveLimits()
}

/// One entry of an archive, as plain values.
package struct ArchiveMember: Sendable, Hashable {
    /// The member's path inside the archive, decoded (UTF-8, or GB18030 for names written by
    /// Chinese Windows without the UTF-8 flag).
    package var name: String
    package var isDirectory: Bool
    /// The size the archive declares (may be absent or wrong; the limits apply to what is read).
    package var declaredSize: Int?
    /// The bytes, for the members that were asked for.
    package var data: [UInt8]?
    /// Why a member that was asked for has no bytes (encrypted, over the size limit, damaged).
    package var problem: String?
}

/// Why an archive could not be read at all.
package enum ArchiveFailure: Error, Sendable, Hashable {
    /// libarchive does not recognise the bytes as an archive.
    case notAnArchive(String)
    /// The archive breaks off or is corrupt before its end.
    case damaged(String)
    /// Reading would decompress more than the total limit.
    case tooLarge(String)

    package var message: String {
        switch self {
        case .notAnArchive(let m), .damaged(let m), .tooLarge(let m): return m
        }
    }
}

/// Reads archives (.zip, .rar, .7z, .tar, .tar.gz …) through libarchive, in place: members are
/// read into memory, never extracted to disk. One pass over the archive lists every entry and
/// reads the members `want` selects.
package enum ArchiveReader {
    /// Where the archive's bytes are.
    package enum Source: Sendable {
        case file(String)
        case memory([UInt8])
    }

    package static func read(
        _ source: Source, limits: ArchiveLimits = .standard,
        want: (String) -> Bool
    ) throws(ArchiveFailure) -> [ArchiveMember] {
        // libarchive converts member names to and from the locale's character set. This thread uses
        // C.UTF-8 while it reads, so UTF-8 names (zip flag, 7z, rar) come out as UTF-8 and names
        // without a character set (GBK zips) come out as their raw bytes; the process locale is
        // left alone.
        let utf8 = UTF8Locale.shared.handle
        let previous = utf8.map { uselocale($0) }
        defer { if let previous { uselocale(previous) } }
        switch source {
        case .file(let path):
            let handle = try ArchiveHandle()
            guard archive_read_open_filename(handle.pointer, path, 1 << 16) == ARCHIVE_OK else {
                throw .notAnArchive(handle.errorText("not an archive libarchive can read"))
            }
            return try handle.members(limits: limits, want: want)
        case .memory(let bytes):
            var result: Result<[ArchiveMember], ArchiveFailure> = .failure(.notAnArchive("empty"))
            bytes.withUnsafeBytes { buffer in
                do throws(ArchiveFailure) {
                    guard let base = buffer.baseAddress, buffer.count > 0 else { throw .notAnArchive("the archive is empty") }
                    let handle = try ArchiveHandle()
                    guard archive_read_open_memory(handle.pointer, base, buffer.count) == ARCHIVE_OK else {
                        throw .notAnArchive(handle.errorText("not an archive libarchive can read"))
                    }
                    // The handle is freed before the buffer is released (end of this closure).
                    result = .success(try handle.members(limits: limits, want: want))
                } catch {
                    result = .failure(error)
                }
            }
            return try result.get()
        }
    }

    /// Decodes a member name given as raw bytes: UTF-8 when valid, else GB18030 (GBK names from
    /// Chinese Windows zip tools, which do not set the UTF-8 flag).
    static func decodeName(_ raw: [UInt8]) -> String {
        if let s = String(validating: raw, as: UTF8.self) { return s }
        if let s = TextDecoder.decodeGB18030(raw) { return s }
        return String(decoding: raw, as: UTF8.self)
    }
}

/// Owns one libarchive read handle; freed in deinit. Used only inside ``ArchiveReader/read``.
private final class ArchiveHandle {
    let pointer: OpaquePointer

    init() throws(ArchiveFailure) {
        guard let a = archive_read_new() else { throw .damaged("libarchive could not allocate a reader") }
        pointer = a
        archive_read_support_filter_all(a)
        archive_read_support_format_all(a)
    }

    deinit {
        archive_read_free(pointer)
    }

    func errorText(_ fallback: String) -> String {
        guard let e = archive_error_string(pointer) else { return fallback }
        return String(cString: e)
    }

    func members(limits: ArchiveLimits, want: (String) -> Bool) throws(ArchiveFailure) -> [ArchiveMember] {
        var out: [ArchiveMember] = []
        var total = 0
        var entry: OpaquePointer? = nil
        while true {
            let r = archive_read_next_header(pointer, &entry)
            if r == ARCHIVE_EOF { break }
            guard r == ARCHIVE_OK || r == ARCHIVE_WARN, let entry else {
                if out.isEmpty { throw .notAnArchive(errorText("not an archive libarchive can read")) }
                throw .damaged(errorText("the archive is damaged after \(out.count) entries"))
            }
            guard out.count < limits.entries else { throw .tooLarge("the archive lists more than \(limits.entries) entries") }
            let name = Self.name(of: entry)
            let type = archive_entry_filetype(entry)
            let isDirectory = type == 0o040000 || name.hasSuffix("/")
            let isFile = type == 0o100000
            var member = ArchiveMember(
                name: name, isDirectory: isDirectory,
                declaredSize: archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : nil)
            if isFile && !isDirectory && want(name) {
                if archive_entry_is_encrypted(entry) != 0 {
                    member.problem = "the member is encrypted (password-protected)"
                } else {
                    switch try read(limits: limits, total: &total) {
                    case .success(let data): member.data = data
                    case .failure(let why): member.problem = why
                    }
                }
            }
            out.append(member)
        }
        return out
    }

    enum Read { case success([UInt8]), failure(String) }

    /// Reads the current member, bounded by the limits.
    private func read(limits: ArchiveLimits, total: inout Int) throws(ArchiveFailure) -> Read {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { archive_read_data(pointer, $0.baseAddress, $0.count) }
            if n == 0 { return .success(data) }
            if n < 0 {
                if Int32(n) == ARCHIVE_WARN { continue }
                return .failure(errorText("the member could not be decompressed"))
            }
            total += n
            if data.count + n > limits.memberBytes {
                return .failure("the member decompresses to more than \(limits.memberBytes >> 20) MB (limit per member)")
            }
            if total > limits.totalBytes {
                throw .tooLarge("the archive decompresses to more than \(limits.totalBytes >> 20) MB (limit per archive)")
            }
            data.append(contentsOf: chunk[0..<n])
        }
    }

    /// The member's path: libarchive's UTF-8 form when it has one (UTF-8 flag, 7z, rar), else the
    /// raw bytes decoded by ``ArchiveReader/decodeName(_:)``.
    static func name(of entry: OpaquePointer) -> String {
        if let raw = archive_entry_pathname(entry) {
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
            if !bytes.isEmpty { return ArchiveReader.decodeName(bytes) }
        }
        if let u = archive_entry_pathname_utf8(entry) { return String(cString: u) }
        return ""
    }
}

/// The C.UTF-8 locale object, made once (never freed: it lives as long as the process).
private final class UTF8Locale: @unchecked Sendable {
    static let shared = UTF8Locale()
    let handle: locale_t?

    private init() {
        handle = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) ?? newlocale(LC_CTYPE_MASK, "en_US.UTF-8", nil)
    }
}
