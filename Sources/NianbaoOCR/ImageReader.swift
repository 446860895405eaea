import NianbaoCore
import NianbaoPDF

/// Reads a page image (PNG, JPEG, TIFF) by OCR: one page, laid out like a scanned PDF page.
package struct ImageReader: DocumentReader {
    package var recognizer: TesseractRecognizer?
    package var mediaType: String
    /// Why there is no recognizer, for the error message.
    package var unavailable: String

    package init(
        recognizer: TesseractRecognizer?, mediaType: String,
        unavailable: String = "OCR is not available: \(TesseractRecognizer.howToEnable)"
    ) {
        self.recognizer = recognizer
        self.mediaType = mediaType
        self.unavailable = unavailable
    }

    package func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        guard let recognizer else {
            throw ExtractError(.noTextLayer, path: path, "a page image has no text layer and \(unavailable)")
        }
        guard let decoded = LeptonicaImage.decode(data), var image = decoded.gray() else {
            throw ExtractError(.damaged, path: path, "the image cannot be decoded")
        }
        // The resolution of the file, or (unknown, implausible) the one that makes the page A4 wide.
        let header = Double(decoded.resolution)
        image.dpi = header >= 70 && header <= 1200 ? header : max(36, Double(image.width) / 8.27)
        guard let session = recognizer.session() else {
            throw ExtractError(.noTextLayer, path: path, "the OCR engine could not start: \(TesseractRecognizer.howToEnable)")
        }
        let page = session.recognize(image)
        var document = SourceDocument(mediaType: mediaType, pages: 1, grid: RecognizedLayout.grid([(1, page)]))
        document.ocr = recognizer.engine
        document.diagnostics.append(
            Diagnostic(
                .note, .ocrPages,
                "page 1 read by OCR (\(recognizer.engine.engine) \(recognizer.engine.version), \(recognizer.engine.language), \(Int(image.dpi)) dpi)"))
        return document
    }
}
