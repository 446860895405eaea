/// Reads an HTML report page into rows of cells. (Placeholder until the HTML reader lands.)
public struct HTMLReader: Sendable {
    public init() {}

    public func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        throw ExtractError(.unsupported, path: path, "HTML input is not supported yet")
    }
}
