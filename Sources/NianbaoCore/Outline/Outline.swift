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

    /// The first span with the key. By index: the spans' keys are read in place, only the span
    /// returned is copied.
    func span(_ key: Section.Key) -> SectionSpan? {
        for i in spans.indices where spans[i].section.key == key { return spans[i] }
        return nil
    }

    /// `span(key) != nil`, the spans' keys read in place (no span copied out, its strings retained).
    func hasSpan(_ key: Section.Key) -> Bool {
        for i in spans.indices where spans[i].section.key == key { return true }
        return false
    }
}

extension String {
    /// `String(drop(while: { $0 == " " }))`. A Character `" "` is the one scalar U+0020, so a text
    /// whose first byte is not 0x20 starts with another Character: it is itself (not copied).
    func trimmingLeadingSpaces() -> String {
        guard utf8.first == 0x20 else { return self }
        return String(drop(while: { $0 == " " }))
    }
}
