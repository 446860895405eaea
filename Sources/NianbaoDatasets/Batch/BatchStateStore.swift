import Nianbao
import Crypto
import Foundation

/// The resume state of a batch: one file per input, `<dir>/<k0k1>/<key>.json` (a ``StateEntry``),
/// where the key is SHA-256 of (report id, content SHA-256, options fingerprint, nianbao version).
/// Files are written to a temporary name and renamed, so a file is complete or absent; a file that
/// does not parse is treated as absent and converted again.
package final class BatchStateStore: @unchecked Sendable {
    package let directory: String

    /// `cleanup`: remove temporary files a killed run left (only the batch's parent does this).
    package init(directory: String, cleanup: Bool = true) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if cleanup { removeTemporaryFiles() }
    }

    /// The options fingerprint that goes into every key: a change of options or version converts again.
    package static func fingerprint(_ options: ExtractOptions) -> String {
        "nianbao=\(NianbaoVersion.string);schema=\(Report.schemaVersion);blank_as_zero=\(options.blankAsZero)"
            + (options.ocr == .auto ? "" : ";ocr=\(options.ocr.rawValue)")
    }

    package static func key(id: String, sha256: String, fingerprint: String) -> String {
        let text = "\(id)\u{0}\(sha256)\u{0}\(fingerprint)"
        return ContentHash.sha256Hex(Array(text.utf8))
    }

    package func path(forKey key: String) -> String {
        "\(directory)/\(key.prefix(2))/\(key).json"
    }

    /// Writes an entry atomically (temporary file + rename; no fsync: a SIGKILL cannot tear it,
    /// and a file torn by a power loss fails to parse and is converted again). A crash (a library
    /// out of memory) is not kept: the next run retries it (README, "Resume"), whichever runner
    /// converted it.
    package func write(key: String, entry: StateEntry) throws {
        guard entry.meta.errorCode != .crashed else { return }
        let target = path(forKey: key)
        let dir = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.writeAtomically(entry.bytes, to: target, sync: false)
    }

    /// Reads an entry (nil when absent or damaged).
    package func read(key: String) -> StateEntry? {
        guard let data = FileManager.default.contents(atPath: path(forKey: key)) else { return nil }
        return StateEntry(bytes: [UInt8](data))
    }

    /// Reads the meta line of an entry only (nil when absent or damaged): what the cross-year checks
    /// need of an input, without reading its report.
    package func readMeta(key: String) -> StateMeta? {
        let fd = open(path(forKey: key), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var reader = FDReader(fd: fd)
        guard let line = reader.line(), let head = try? JSONParser.parse(line) else { return nil }
        return StateMeta(json: head)
    }

    /// Removes entries whose key is not in `keep` (inputs gone or changed since an earlier run).
    package func collectGarbage(keep: Set<StateKey>) {
        let fm = FileManager.default
        guard let subdirs = try? fm.contentsOfDirectory(atPath: directory) else { return }
        for sub in subdirs where sub.count == 2 {
            let d = directory + "/" + sub
            for name in (try? fm.contentsOfDirectory(atPath: d)) ?? [] where name.hasSuffix(".json") {
                if !(StateKey(hex: String(name.dropLast(5))).map(keep.contains) ?? false) { unlink(d + "/" + name) }
            }
        }
    }

    func removeTemporaryFiles() {
        let fm = FileManager.default
        for sub in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] {
            let d = directory + "/" + sub
            for name in (try? fm.contentsOfDirectory(atPath: d)) ?? [] where name.hasPrefix(".tmp-") {
                unlink(d + "/" + name)
            }
        }
    }

    /// Temporary file in the target's folder, then rename (``AtomicFile``). `sync`: fsync before the
    /// rename. A target that exists and is not a regular file is refused, never replaced.
    static func writeAtomically(_ bytes: [UInt8], to target: String, sync: Bool) throws {
        if AggregateFile.isSpecialFile(target) {
            throw AtomicFile.WriteError(description: "\(target): exists and is not a regular file; not replaced")
        }
        do {
            try AtomicFile.replace(target, with: bytes, sync: sync)
        } catch let error as AtomicFile.WriteError {
            throw AtomicFile.WriteError(description: "\(target): \(error.description)")
        }
    }
}
