/// The OCR engine that read a scanned document: `source.ocr` in the JSON.
public struct OCREngine: Sendable, Hashable {
    /// `tesseract`.
    public var engine: String
    /// The library version, e.g. `5.3.0`.
    public var version: String
    /// The trained model, e.g. `chi_sim`.
    public var language: String

    package init(engine: String, version: String, language: String) {
        self.engine = engine
        self.version = version
        self.language = language
    }
}
