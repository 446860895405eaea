import Foundation
@testable import NianbaoCore

/// A gold file in the shape of ../shared/corpus/README.md, compared with a report.
///
/// Reading throws on anything malformed (not JSON, no `values` object, a value that is not a number
/// or null, a check without `id` or `status`, a field of the wrong type): a broken gold file fails
/// its test instead of comparing nothing.
struct GoldFile {
    struct Malformed: Error, CustomStringConvertible {
        var file: String
        var problem: String
        var description: String { "\(file): malformed gold file: \(problem)" }
    }

    /// `agency`, `title`, `generation`: compared when given (null or absent: not compared).
    var agency: String?
    var year: Int?
    var generation: String?
    var title: String?
    /// Every table value the gold lists: a number, or nil for null (empty for a legacy report without tables).
    var values: [String: Double?]
    /// Cells left out of the source on purpose (they may come out null, or inferred with the true value).
    var dropped: Set<String>
    var checks: [(id: String, status: String)]

    init(url: URL) throws {
        let name = url.lastPathComponent
        func malformed(_ problem: String) -> Malformed { Malformed(file: name, problem: problem) }
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let json = parsed as? [String: Any] else { throw malformed("not a JSON object") }

        func optionalString(_ key: String) throws -> String? {
            switch json[key] {
            case nil, is NSNull: return nil
            case let s as String: return s
            default: throw malformed("\(key) is not a string")
            }
        }
        agency = try optionalString("agency")
        generation = try optionalString("generation")
        title = try optionalString("title")
        switch json["year"] {
        case nil, is NSNull: year = nil
        case let n as NSNumber where Double(n.intValue) == n.doubleValue: year = n.intValue
        default: throw malformed("year is not an integer")
        }

        guard let rawValues = json["values"] as? [String: Any] else { throw malformed("no \"values\" object") }
        var values: [String: Double?] = [:]
        for (key, value) in rawValues {
            switch value {
            case is NSNull: values[key] = .some(nil)
            case let s as String: throw malformed("values.\(key) is the string \"\(s)\", not a number or null")
            case let n as NSNumber: values[key] = .some(n.doubleValue)
            default: throw malformed("values.\(key) is not a number or null")
            }
        }
        self.values = values

        switch json["dropped"] {
        case nil: dropped = []
        case let list as [String]: dropped = Set(list)
        default: throw malformed("dropped is not a list of keys")
        }

        var checks: [(id: String, status: String)] = []
        switch json["checks"] {
        case nil: break
        case let list as [Any]:
            for (i, item) in list.enumerated() {
                guard let check = item as? [String: Any], let id = check["id"] as? String, let status = check["status"] as? String,
                    Check.Status(rawValue: status) != nil
                else {
                    throw malformed("checks[\(i)] needs an id and a status of pass, fail or not_assessable")
                }
                checks.append((id, status))
            }
        default: throw malformed("checks is not a list")
        }
        self.checks = checks
    }

    /// Every difference in values, metadata and check statuses. Cells the gold lists as `dropped`
    /// (left out of the source on purpose) may be null or inferred with the true value.
    func compare(_ r: Report) -> [String] {
        var out: [String] = []
        if let agency, agency != r.agency { out.append("agency: expected \(agency), got \(r.agency ?? "nil")") }
        if let year, year != r.year { out.append("year: expected \(year), got \(r.year.map(String.init) ?? "nil")") }
        if let generation, generation != r.generation.rawValue { out.append("generation: expected \(generation), got \(r.generation.rawValue)") }
        if let title, title != r.title { out.append("title: expected \(title), got \(r.title ?? "nil")") }
        for (key, want) in values.sorted(by: { $0.key < $1.key }) {
            let got = r.value(key)
            let gotNumber = got.flatMap { Double($0.description) }
            if gotNumber != want && !(dropped.contains(key) && got == nil) {
                out.append("\(key): expected \(want.map { "\($0)" } ?? "null"), got \(got?.description ?? "null")")
            }
        }
        for c in r.cells where values[c.key] == nil && c.value != nil {
            out.append("\(c.key): not in the gold, got \(c.value!)")
        }
        for (id, status) in checks {
            let got = r.check(id)?.status.rawValue ?? "absent"
            let readsDropped = r.check(id)?.keys.contains { dropped.contains($0) } ?? false
            if got != status && !(readsDropped && got == "not_assessable") { out.append("check \(id): expected \(status), got \(got)") }
        }
        return out
    }
}
