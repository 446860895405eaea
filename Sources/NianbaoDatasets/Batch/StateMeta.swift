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

    init(
        path: String, id: String, sha256: String, errorCode: ExtractError.Code? = nil, errorMessage: String? = nil, summary: YearSummary? = nil,
        counts: CheckCounts? = nil
    ) {
        self.path = path; self.id = id; self.sha256 = sha256
        self.errorCode = errorCode; self.errorMessage = errorMessage; self.summary = summary; self.counts = counts
    }

    init?(json j: JSONValue) {
        guard j["v"]?.intValue == StateEntry.version, let path = j["path"]?.stringValue, let id = j["id"]?.stringValue,
            let sha = j["sha256"]?.stringValue
        else { return nil }
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
