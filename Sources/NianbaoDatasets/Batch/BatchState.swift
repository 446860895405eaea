import Nianbao
import Crypto
import Foundation

/// What the batch knows about one converted input: read from the first line of its state file.
package struct StateMeta: Sendable {
    package var path: String
    package var id: String
    package var sha256: String
    /// nil when converted, else why not.
    package var errorCode: ExtractError.Code?
    package var errorMessage: String?
    package var summary: YearSummary?
    /// The report's check summary (before cross-year checks).
    package var counts: CheckCounts?

    var json: JSONValue {
        var o: [String: JSONValue] = [
            "v": .int(StateEntry.version), "path": .string(path), "id": .string(id), "sha256": .string(sha256),
        ]
        if let counts { o["counts"] = counts.json }
        if let errorCode {
            o["error"] = .object(["code": .string(errorCode.rawValue), "message": .string(errorMessage ?? "")])
        }
        if let summary { o["summary"] = summary.json }
        return .object(o)
    }

    init(path: String, id: String, sha256: String, errorCode: ExtractError.Code? = nil, errorMessage: String? = nil, summary: YearSummary? = nil,
         counts: CheckCounts? = nil) {
        self.path = path; self.id = id; self.sha256 = sha256
        self.errorCode = errorCode; self.errorMessage = errorMessage; self.summary = summary; self.counts = counts
    }

    init?(json j: JSONValue) {
        guard j["v"]?.intValue == StateEntry.version, let path = j["path"]?.stringValue, let id = j["id"]?.stringValue,
              let sha = j["sha256"]?.stringValue else { return nil }
        self.path = path; self.id = id; self.sha256 = sha
        if let code = j["error"]?["code"]?.stringValue {
            // A code this version does not know (a state written by another version) is not resumed.
            guard let known = ExtractError.Code(rawValue: code) else { return nil }
            errorCode = known
        }
        errorMessage = j["error"]?["message"]?.stringValue
        summary = j["summary"].flatMap(YearSummary.init(json:))
        counts = CheckCounts(json: j["counts"])
        if errorCode == nil && (summary == nil || counts == nil) { return nil }
    }
}

/// One input's entry in the batch state: its ``StateMeta`` and, for a converted input, the report
/// JSON (compact, without cross-year checks) and the parts prepared for the outputs (the wide CSV row
/// without its check summary, the long CSV rows, the SQLite rows), so that writing the outputs needs
/// no second parse of the report. The worker hands the whole entry to the batch through its pipe;
/// the state folder keeps only the meta and the JSON (``stored``).
///
/// Layout: line 1 is the meta JSON with `"parts": [["json", n], ["wide", n], …]`; the parts' bytes
/// follow, in that order, nothing else.
package struct StateEntry: Sendable {
    static let version = 2

    package enum Part: String, CaseIterable, Sendable { case json, wide, long, sql }

    package var meta: StateMeta
    package var parts: [Part: [UInt8]] = [:]

    package init(meta: StateMeta, parts: [Part: [UInt8]] = [:]) {
        self.meta = meta
        self.parts = parts
    }

    /// What the state keeps on disk: the meta and the report JSON. The output parts are made where
    /// the report is converted and handed over directly; a resumed run makes them again from the JSON.
    package var stored: StateEntry {
        StateEntry(meta: meta, parts: parts.filter { $0.key == .json })
    }

    package var bytes: [UInt8] {
        var head = meta.json
        if case .object(var o) = head {
            o["parts"] = .array(Part.allCases.compactMap { p in parts[p].map { .array([.string(p.rawValue), .int($0.count)]) } })
            head = .object(o)
        }
        var out = head.serialized(pretty: false)
        out.append(0x0A)
        for p in Part.allCases { if let b = parts[p] { out += b } }
        return out
    }

    /// Parses an entry; nil when damaged (lengths that do not add up, a header that does not parse).
    package init?(bytes: [UInt8]) {
        guard let nl = bytes.firstIndex(of: 0x0A), let head = try? JSONParser.parse(bytes[..<nl]),
              let meta = StateMeta(json: head), let list = head["parts"]?.arrayValue else { return nil }
        self.meta = meta
        var at = nl + 1
        for item in list {
            guard let pair = item.arrayValue, pair.count == 2, let name = pair[0].stringValue, let part = Part(rawValue: name),
                  let n = pair[1].intValue, n >= 0, at + n <= bytes.count else { return nil }
            parts[part] = Array(bytes[at..<(at + n)])
            at += n
        }
        guard at == bytes.count else { return nil }
        if meta.errorCode == nil && parts[.json] == nil { return nil }
    }
}

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
    }

    package static func key(id: String, sha256: String, fingerprint: String) -> String {
        let text = "\(id)\u{0}\(sha256)\u{0}\(fingerprint)"
        return ContentHash.sha256Hex(Array(text.utf8))
    }

    package func path(forKey key: String) -> String {
        "\(directory)/\(key.prefix(2))/\(key).json"
    }

    /// Writes an entry atomically (temporary file + rename; no fsync: a SIGKILL cannot tear it,
    /// and a file torn by a power loss fails to parse and is converted again).
    package func write(key: String, entry: StateEntry) throws {
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
