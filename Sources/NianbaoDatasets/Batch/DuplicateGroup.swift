import Nianbao

/// Reports of one agency and year from several inputs (the HTML and the PDF of one report, two
/// crawls): each gets a `duplicate_report` warning naming the others and saying whether their
/// values agree (every cell key and value the same).
///
/// The group is the inputs of one agency key and year (``CrossYearIndex``), less those whose region
/// code differs from the report's own (two 朝阳区 share a key but not a code).
package struct DuplicateGroup: Sendable {
    /// The first input of the group (path order) and the others besides the report.
    package var first: Int
    package var others: [String]
    /// Whether every report of the group gives the same values as this one.
    package var agree: Bool
    /// Cell keys whose values differ from this report's (at most a few, for the message).
    package var differing: [String]
    package var differingCount: Int
    var agencyKey: String
    var year: Int

    var diagnostic: Diagnostic {
        var m = "the same agency (\(agencyKey)) and year (\(year)) as \(others.joined(separator: ", ")): "
        if agree {
            m += "the values agree"
        } else {
            m += "values differ in \(differingCount) cells (\(differing.joined(separator: ", "))\(differingCount > differing.count ? ", …" : ""))"
        }
        return Diagnostic(.warning, .duplicateReport, m)
    }

    /// The group of input `i` among `members` (input indices of one agency key and year), or nil when
    /// the others are other places.
    static func find(_ i: Int, among members: [Int], ids: (Int) -> String, report: (Int) throws -> Report) throws -> DuplicateGroup? {
        let me = try report(i)
        guard let key = me.agency.flatMap(AgencyKey.normalize), let year = me.year else { return nil }
        var same: [(Int, Report)] = []
        for k in members {
            let r = k == i ? me : try report(k)
            if let a = me.region?.code, let b = r.region?.code, a != b { continue }
            same.append((k, r))
        }
        guard same.count > 1 else { return nil }
        let mine = values(me)
        var differing: Set<String> = []
        for (k, r) in same where k != i {
            let theirs = values(r)
            for key in Set(mine.keys).union(theirs.keys) where mine[key] ?? nil != theirs[key] ?? nil { differing.insert(key) }
        }
        let sorted = differing.sorted()
        return DuplicateGroup(
            first: same[0].0, others: same.filter { $0.0 != i }.map { ids($0.0) }, agree: differing.isEmpty,
            differing: Array(sorted.prefix(5)), differingCount: sorted.count, agencyKey: key, year: year)
    }

    static func values(_ r: Report) -> [String: DecimalNumber?] {
        var out: [String: DecimalNumber?] = [:]
        for c in r.cells { out[c.key] = c.value }
        return out
    }
}
