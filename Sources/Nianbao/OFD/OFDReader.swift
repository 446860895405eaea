/// Placeholder
public struct OFDReader: Sendable {
    public init() {}
    public func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        throw ExtractError(.unsupported, path: path, "OFD")
    }
}
