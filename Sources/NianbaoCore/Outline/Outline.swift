/// The report's outline: title rows, preface, and the numbered sections with the grid rows each one spans.
struct Outline: Sendable {
    struct SectionSpan: Sendable {
        var section: Section
        /// Rows after the heading up to the next heading.
        var body: Range<Int>
    }

    /// Rows holding the title (before the first heading).
    var titleRows: Range<Int>?
    var preface: String
    /// Rows before the first section heading.
    var front: Range<Int>
    var spans: [SectionSpan]

    func span(_ key: Section.Key) -> SectionSpan? {
        spans.first { $0.section.key == key }
    }
}

extension String {
    func trimmingLeadingSpaces() -> String {
        String(drop(while: { $0 == " " }))
    }
}
