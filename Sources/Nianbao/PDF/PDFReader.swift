/// Reads a PDF report into rows of cells. (Placeholder until the PDF reader lands.)
public struct PDFReader: Sendable {
    public init() {}

    public func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        throw ExtractError(.unsupported, path: path, "PDF input is not supported yet")
    }
}
