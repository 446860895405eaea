import Crypto
import Foundation

/// What the batch knows about one converted input: read from the first line of its state file.
public struct StateMeta: Sendable {
    public var path: String
    public var id: String
    public var sha256: String
    /// nil when converted, else the error code (`ExtractError.Code` raw value).
    public var errorCode: String?
    public var errorMessage: String?
    public var summary: YearSummary?

    var json: JSONValue {
        var o: [String: JSONValue] = [
            "v": .int(1), "path": .string(path), "id": .string(id), "sha256": .string(sha256),
        ]
        if let errorCode {
            o["error"] = .object(["code": .string(errorCode), "message": .string(errorMessage ?? "")])
        }
        if let summary { o["summary"] = summary.json }
        return .object(o)
    }

    init(path: String, id: String, sha256: String, errorCode: String? = nil, errorMessage: String? = nil, summary: YearSummary? = nil) {
        self.path = path; self.id = id; self.sha256 = sha256
        self.errorCode = errorCode; self.errorMessage = errorMessage; self.summary = summary
    }

    init?(json j: JSONValue) {
        guard j["v"]?.intValue == 1, let path = j["path"]?.stringValue, let id = j["id"]?.stringValue,
              let sha = j["sha256"]?.stringValue else { return nil }
        self.path = path; self.id = id; self.sha256 = sha
        errorCode = j["error"]?["code"]?.stringValue
        errorMessage = j["error"]?["message"]?.stringValue
        summary = j["summary"].flatMap(YearSummary.init(json:))
        if errorCode == nil && summary == nil { return nil }
    }
}

/// The resume state of a batch: one file per converted input, `<dir>/<k0k1>/<key>.json`, where the
/// key is SHA-256 of (report id, content SHA-256, options fingerprint, nianbao version). Line 1 is
/// the ``StateMeta``; line 2, for a converted input, the report JSON (compact, without cross-year
/// checks). Files are written to a temporary name and renamed, so a file is complete or absent;
/// a file that does not parse is treated as absent and converted again.
public final class BatchStateStore: @unchecked Sendable {
    public let directory: String

    /// `cleanup`: remove temporary files a killed run left (only the batch's parent does this).
    public init(directory: String, cleanup: Bool = true) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if cleanup { removeTemporaryFiles() }
    }

    /// The options fingerprint that goes into every key: a change of options or version converts again.
    public static func fingerprint(_ options: ExtractOptions) -> String {
        "nianbao=\(NianbaoVersion.string);schema=\(Report.schemaVersion);blank_as_zero=\(options.blankAsZero)"
    }

    public static func key(id: String, sha256: String, fingerprint: String) -> String {
        let text = "\(id)\u{0}\(sha256)\u{0}\(fingerprint)"
        return SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public func path(forKey key: String) -> String {
        "\(directory)/\(key.prefix(2))/\(key).json"
    }

    /// Writes an entry atomically (temporary file + rename; no fsync: a SIGKILL cannot tear it,
    /// and a file torn by a power loss fails to parse and is converted again).
    public func write(key: String, meta: StateMeta, report: JSONValue?) throws {
        var bytes = meta.json.serialized(pretty: false)
        bytes.append(0x0A)
        if let report {
            bytes += report.serialized(pretty: false)
            bytes.append(0x0A)
        }
        let target = path(forKey: key)
        let dir = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.writeAtomically(bytes, to: target, sync: false)
    }

    /// Reads the header line of an entry (nil when absent or damaged).
    public func meta(key: String) -> StateMeta? {
        guard let (meta, _) = read(key: key, report: false) else { return nil }
        return meta
    }

    /// Reads an entry with its report.
    public func read(key: String, report wantReport: Bool = true) -> (StateMeta, JSONValue?)? {
        guard let data = FileManager.default.contents(atPath: path(forKey: key)) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.last == 0x0A, let nl = bytes.firstIndex(of: 0x0A) else { return nil }
        guard let head = try? JSONParser.parse(bytes[..<nl]), let meta = StateMeta(json: head) else { return nil }
        let rest = bytes[(nl + 1)...]
        if meta.errorCode != nil { return rest.isEmpty ? (meta, nil) : nil }
        guard rest.count > 1 else { return nil }
        if !wantReport { return (meta, nil) }
        guard let report = try? JSONParser.parse(rest.dropLast()) else { return nil }
        return (meta, report)
    }

    /// Removes entries whose key is not in `keep` (inputs gone or changed since an earlier run).
    public func collectGarbage(keep: Set<String>) {
        let fm = FileManager.default
        guard let subdirs = try? fm.contentsOfDirectory(atPath: directory) else { return }
        for sub in subdirs where sub.count == 2 {
            let d = directory + "/" + sub
            for name in (try? fm.contentsOfDirectory(atPath: d)) ?? [] where name.hasSuffix(".json") {
                if !keep.contains(String(name.dropLast(5))) { unlink(d + "/" + name) }
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
