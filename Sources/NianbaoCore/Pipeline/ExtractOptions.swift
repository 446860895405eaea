/// Options of one extraction.
public struct ExtractOptions: Sendable, Hashable {
    /// Read blank cells as 0 (their `kind` stays `empty`), for publishers known to write blanks for zeros.
    public var blankAsZero: Bool
    /// When pages are read by OCR.
    public var ocr: OCRMode

    public init(blankAsZero: Bool = false, ocr: OCRMode = .auto) {
        self.blankAsZero = blankAsZero
        self.ocr = ocr
    }
}
