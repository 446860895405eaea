/// What a reader (text, HTML, PDF) hands to the pipeline: the rows of the document plus facts about the source.
package struct SourceDocument: Sendable {
    /// `text/plain`, `text/html`, `application/pdf`, or an office or OFD type.
    package var mediaType: String
    /// Number of pages (PDF only).
    package var pages: Int?
    /// The character encoding the bytes were decoded from (text and HTML), e.g. `UTF-8`, `GB18030`.
    package var encoding: String?
    /// The document as rows of cells, in reading order, display-normalized.
    package var grid: Grid
    /// Problems the reader noticed (recoverable).
    package var diagnostics: [Diagnostic]
    /// The OCR engine, when some page was read from its image.
    package var ocr: OCREngine? = nil
    /// The converter (and its version) that made the file the reader read, e.g. `LibreOffice 7.4.7.2`.
    package var convertedBy: String? = nil

    package init(mediaType: String, pages: Int? = nil, encoding: String? = nil, grid: Grid, diagnostics: [Diagnostic] = []) {
        self.mediaType = mediaType
        self.pages = pages
        self.encoding = encoding
        self.grid = grid
        self.diagnostics = diagnostics
    }
}
