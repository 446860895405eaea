/// A heading marker at the start of a line, at one of three levels:
/// `一、` (section), `（一）`/`(一)` (subsection), `1.`/`1、`/`1．` (item).
package struct HeadingToken: Sendable, Hashable {
    package enum Level: Int, Sendable, Hashable {
        case section = 1, subsection = 2, item = 3
    }

    package var level: Level
    /// The number the marker stands for (一 → 1, （十二） → 12, 3. → 3).
    package var number: Int
    /// The marker as printed, e.g. `一、`, `（一）`, `(三) `, `1.`.
    package var marker: String
    /// The text after the marker (display form, leading spaces removed).
    package var rest: String
}

extension String {
    /// The text without its trailing `" "` Characters. A Character `" "` is the one scalar U+0020,
    /// so a text whose last byte is not 0x20 ends in another Character: it is returned as it is,
    /// without asking for its last Character (a grapheme break search).
    func trimmingTrailingSpaces() -> String {
        guard utf8.last == 0x20 else { return self }
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
