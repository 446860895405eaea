/// What a reader (text, HTML, PDF) hands to the pipeline: the rows of the document plus facts about the source.
public struct SourceDocument: Sendable {
    /// `text/plain`, `text/html`, `application/pdf`, or the office type (``InputKind/mediaType``).
    public var mediaType: String
    /// Number of pages (PDF only).
    public var pages: Int?
    /// The character encoding the bytes were decoded from (text and HTML), e.g. `UTF-8`, `GB18030`.
    public var encoding: String?
    /// The document as rows of cells, in reading order, display-normalized.
    public var grid: Grid
    /// Problems the reader noticed (recoverable).
    public var diagnostics: [Diagnostic]
    /// The converter (and its version) that made the file the reader read, e.g. `LibreOffice 7.4.7.2`.
    public var convertedBy: String? = nil

    public init(mediaType: String, pages: Int? = nil, encoding: String? = nil, grid: Grid, diagnostics: [Diagnostic] = []) {
        self.mediaType = mediaType
        self.pages = pages
        self.encoding = encoding
        self.grid = grid
        self.diagnostics = diagnostics
    }
}
