/// Options of one extraction.
public struct ExtractOptions: Sendable, Hashable {
    /// Read blank cells as 0 (their `kind` stays `empty`), for publishers known to write blanks for zeros.
    public var blankAsZero: Bool
    /// When pages are read by OCR.
    public var ocr: OCRMode
    /// Seconds an external converter (LibreOffice, for .doc/.wps/.rtf/.odt) may run before it is
    /// stopped and the file fails with `timeout`. Not part of the batch's options fingerprint.
    public var converterTimeout: Double

    /// The largest input read, in bytes (`too_large` beyond it), checked while reading: standard
    /// input, a pipe or a device is never read past it.
    public var maxInputSize: Int

    /// 512 MiB: far above any real report (the largest PDFs seen are tens of MB).
    public static let defaultMaxInputSize = 512 << 20

    public init(
        blankAsZero: Bool = false, maxInputSize: Int = ExtractOptions.defaultMaxInputSize, ocr: OCRMode = .auto,
        converterTimeout: Double = 120
    ) {
        self.blankAsZero = blankAsZero
        self.maxInputSize = maxInputSize
        self.ocr = ocr
        self.converterTimeout = converterTimeout
    }
}
