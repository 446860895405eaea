/// A logical row's label as printed (display form), kept as what it is joined from: the texts of
/// a grid row's first `end` cells with spaces between, the last one's replaced by `last` when
/// given (``RowCollector/joinedLabel(_:end:last:)``); or, for a row of values without a label
/// of its own, the labels of the label-only rows above it, joined with spaces. Only diagnostics
/// and the scanned-row aligner read a label, so the row collector no longer joins one per row (a
/// string made for every row of several label cells); the cells arrays it keeps are the grid's
/// own, retained, not copied.
struct PrintedLabel: Sendable {
    private let cells: [GridCell]
    private let end: Int
    private let last: String?
    /// The labels of the label-only rows above, lent to a row without a label of its own.
    private let lent: [PrintedLabel]

    /// The label of cells `0..<end`, the last one's text replaced by `last` when given.
    init(cells: [GridCell], end: Int, last: String?) {
        precondition(end >= 0 && end <= cells.count)
        self.cells = cells
        self.end = end
        self.last = last
        lent = []
    }

    /// A label already joined: one cell whose text is replaced by `text` (so read back as `text`,
    /// no cell read).
    init(_ text: String) {
        cells = []
        end = 1
        last = text
        lent = []
    }

    /// The labels of the label-only rows above, joined with spaces (none: the empty label).
    init(lentBy above: [PrintedLabel]) {
        cells = []
        end = 0
        last = nil
        lent = above
    }

    /// The label as printed.
    var text: String {
        guard lent.isEmpty else { return RowCollector.joined(lent.map(\.text), separator: " ") }
        return RowCollector.joinedLabel(cells, end: end, last: last)
    }

    /// Whether the label of a grid row's first `end` cells, the last one's text replaced by `last`
    /// when given, is empty, without joining the cells: no cell, or one whose text is empty (two
    /// cells or more put a space between them). `lastText`: the text of cell `end - 1` (read when
    /// `end` is 1 and `last` is nil), passed by the row collector, which holds it (read out of
    /// the cells' array, the cell was copied whole).
    @inline(__always)
    static func isEmpty(end: Int, last: String?, lastText: String) -> Bool {
        switch end {
        case 0: return true
        case 1: return last?.isEmpty ?? lastText.isEmpty
        default: return false
        }
    }
}
