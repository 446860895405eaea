import Nianbao
import Crypto
import Foundation

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

    package enum Part: String, CaseIterable, Sendable { case json, wide, long, sql, wideKinds = "wide_kinds" }

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
            let meta = StateMeta(json: head), let list = head["parts"]?.arrayValue
        else { return nil }
        self.meta = meta
        var at = nl + 1
        for item in list {
            guard let pair = item.arrayValue, pair.count == 2, let name = pair[0].stringValue, let part = Part(rawValue: name),
                let n = pair[1].intValue, n >= 0, at + n <= bytes.count
            else { return nil }
            parts[part] = Array(bytes[at..<(at + n)])
            at += n
        }
        guard at == bytes.count else { return nil }
        if meta.errorCode == nil && parts[.json] == nil { return nil }
    }
}
