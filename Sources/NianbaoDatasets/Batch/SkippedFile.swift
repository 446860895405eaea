/// A file a batch found but does not convert: another type (an image, a spreadsheet, a
/// stylesheet), a hidden file, or an archive nested deeper than one level. Counted in the summary,
/// listed by `--list-skipped`, and a row of the SQLite `skipped` table.
package struct SkippedFile: Sendable, Hashable {
    package var path: String
    /// The group it is counted in: its extension (`.jpg`), `hidden`, or `no extension`.
    package var kind: String
    package var reason: String

    package init(path: String, kind: String, reason: String) {
        self.path = path
        self.kind = kind
        self.reason = reason
    }

    /// `skipped 14 files of other types: .jpg 9, .xls 3, .css 2`, or nil when none was skipped.
    package static func summary(_ skipped: [SkippedFile]) -> String? {
        guard !skipped.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        for s in skipped { counts[s.kind, default: 0] += 1 }
        let parts = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
        return "skipped \(skipped.count) file\(skipped.count == 1 ? "" : "s") of other types: " + parts.joined(separator: ", ")
    }
}
