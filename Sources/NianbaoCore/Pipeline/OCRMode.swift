/// When pages are read by OCR (`--ocr`).
public enum OCRMode: String, Sendable, Hashable, CaseIterable {
    /// Only pages without a text layer, and page images (the default).
    case auto
    /// Never: scanned pages stay `no_text_layer`.
    case never
    /// Every page, also those with a text layer.
    case always
}
