/// A reader turns the bytes of one file format into a ``SourceDocument``: rows of cells with their
/// provenance. From there on the pipeline does not know which reader produced the rows.
///
/// Readers live in their own targets when they need a C library (PDF: poppler, HTML: libxml2), so
/// that the core pipeline builds without any of them.
package protocol DocumentReader: Sendable {
    /// Reads `data`; `path` names the file in errors and diagnostics.
    func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument
}
