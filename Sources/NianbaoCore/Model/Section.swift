/// One numbered section of the report (一、 … 六、), with its narrative and （一）-level subsections.
public struct Section: Sendable, Hashable {
    /// The six standard sections. Anything else has no key.
    public enum Key: String, Sendable, Hashable, CaseIterable {
        case overview
        case activeDisclosure = "active_disclosure"
        case applications
        case reviewLitigation = "review_litigation"
        case problems
        case other
    }

    /// The number printed in the heading (一 → 1), nil if it could not be read.
    public var number: Int?
    public var key: Key?
    /// The heading as printed, e.g. `一、总体情况`.
    public var heading: String
    /// Narrative before the first subsection; paragraphs separated by "\n".
    public var text: String
    public var subsections: [Subsection]
    public var at: Location

    package init(number: Int?, key: Key?, heading: String, text: String, subsections: [Subsection], at: Location) {
        self.number = number
        self.key = key
        self.heading = heading
        self.text = text
        self.subsections = subsections
        self.at = at
    }
}

/// A （一）-level subsection: its marker, its heading sentence and its text.
public struct Subsection: Sendable, Hashable {
    public var marker: String
    public var heading: String
    public var text: String

    package init(marker: String, heading: String, text: String) {
        self.marker = marker
        self.heading = heading
        self.text = text
    }
}
