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
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
