/// Options of one extraction.
public struct ExtractOptions: Sendable, Hashable {
    /// Read blank cells as 0 (their `kind` stays `empty`), for publishers known to write blanks for zeros.
    public var blankAsZero: Bool

    public init(blankAsZero: Bool = false) {
        self.blankAsZero = blankAsZero
    }
}
