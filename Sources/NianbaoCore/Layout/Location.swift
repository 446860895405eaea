/// A rectangle on a PDF page in points, top-left origin: `[x0, y0, x1, y1]`.
public struct Box: Sendable, Hashable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    package init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }

    /// The smallest box holding both.
    public func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
}

/// Where a piece of the document came from. Every reader reports one of these for each row and cell.
public enum Location: Sendable, Hashable {
    /// 1-based line of a text input.
    case line(Int)
    /// 1-based page of a PDF, with the box of the text on it.
    case page(Int, Box)
    /// 1-based page of a scanned page (OCR), the box of the text on it in points, and the
    /// recognizer's confidence in the text (0–1, the least of its characters).
    case scan(Int, Box, confidence: Double)
    /// A cell of an HTML table: 0-based table, row and column, after span expansion.
    case table(Int, row: Int, column: Int)
    /// No location known.
    case none

    /// Whether the text was read by OCR from a scanned page.
    public var isScan: Bool {
        if case .scan = self { return true }
        return false
    }

    /// The line or page number used in `file:N:` diagnostics.
    public var lineOrPage: Int? {
        switch self {
        case .line(let n): return n
        case .page(let p, _): return p
        case .scan(let p, _, _): return p
        case .table(_, let row, _): return row + 1
        case .none: return nil
        }
    }
}
