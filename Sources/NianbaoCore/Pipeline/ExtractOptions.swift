/// Options of one extraction.
public struct ExtractOptions: Sendable, Hashable {
    /// Read blank cells as 0 (their `kind` stays `empty`), for publishers known to write blanks for zeros.
    public var blankAsZero: Bool
    /// Seconds an external converter (LibreOffice, for .doc/.wps/.rtf/.odt) may run before it is
    /// stopped and the file fails with `timeout`. Not part of the batch's options fingerprint.
    public var converterTimeout: Double

    public init(blankAsZero: Bool = false, converterTimeout: Double = 120) {
        self.blankAsZero = blankAsZero
        self.converterTimeout = converterTimeout
    }
}
