/// One cell of a row: a run of text that the reader saw as a unit
/// (a whitespace-delimited field of a text line, a table cell of HTML, a gap-separated run of PDF glyphs).
package struct GridCell: Sendable, Hashable {
    /// Display text: radicals mapped, whitespace cleaned; Chinese punctuation kept as printed.
    package var text: String
    /// Where the cell came from.
    package var at: Location
    /// The column index when the reader knows it (HTML after span expansion, PDF column clustering);
    /// `nil` for whitespace-split text, where columns are not known.
    package var column: Int?
    /// The horizontal centre of the cell when the reader knows where it was printed but not its
    /// column: display columns for space-aligned text (`pdftotext -layout`). PDF cells give it
    /// through their box. Used to place the values of a row with blank cells under the right columns.
    package var x: Double?

    package init(text: String, at: Location, column: Int? = nil, x: Double? = nil) {
        self.text = text
        self.at = at
        self.column = column
        self.x = x
    }

    /// `x`, or the centre of the PDF box.
    package var centerX: Double? {
        if let x { return x }
        if case .page(_, let b) = at { return (b.x0 + b.x1) / 2 }
        return nil
    }
}

/// One row of the document: a line of text (one cell for prose) or a row of a table.
package struct GridRow: Sendable, Hashable {
    /// The cells in reading order (left to right).
    package var cells: [GridCell]
    /// The whole row as display text (cells joined as printed).
    package var text: String
    /// Where the row came from (first cell's line or page).
    package var at: Location
    /// True when the reader saw the start of a new paragraph here
    /// (a blank line or an indent before it in text, a `<p>` in HTML, a first-line indent in PDF).
    package var startsParagraph: Bool
    /// The table this row belongs to, when the reader knows it (HTML `<table>`, PDF ruled region).
    /// `nil` for text input and for prose.
    package var table: Int?

    package init(cells: [GridCell], text: String, at: Location, startsParagraph: Bool = false, table: Int? = nil) {
        self.cells = cells
        self.text = text
        self.at = at
        self.startsParagraph = startsParagraph
        self.table = table
    }
}

/// The document as every reader hands it on: rows of cells in reading order.
/// From here on nothing knows whether the text came from a text file, HTML or a PDF.
package struct Grid: Sendable {
    package var rows: [GridRow]

    package init(rows: [GridRow]) {
        self.rows = rows
    }
}
