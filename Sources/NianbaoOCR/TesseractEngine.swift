import CTesseract
import Foundation

/// Owns one `TessBaseAPI*`, initialized for one language. Not shared between threads: a document
/// being read makes its own.
final class TesseractEngine {
    private let api: OpaquePointer

    /// Nil when the library cannot load the language's traineddata from `dataPath`.
    init?(dataPath: String, language: String, pageSegmentation: TessPageSegMode) {
        guard let api = TessBaseAPICreate() else { return nil }
        guard TessBaseAPIInit3(api, dataPath, language) == 0 else {
            TessBaseAPIDelete(api)
            return nil
        }
        TessBaseAPISetPageSegMode(api, pageSegmentation)
        // No user-words or debug files; keep inter-word spaces out of the symbols.
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        self.api = api
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    /// The library version, e.g. `5.3.0`.
    static var version: String { TessVersion().map { String(cString: $0) } ?? "unknown" }

    /// Restricts recognition to these characters.
    func allow(_ characters: String) {
        _ = TessBaseAPISetVariable(api, "tessedit_char_whitelist", characters)
    }

    /// Reads the text inside each rectangle (pixels) of one image.
    /// One character (`PSM_SINGLE_CHAR`) or one line (`PSM_SINGLE_LINE`) per rectangle, as `single` says.
    func read(_ image: LeptonicaImage, dpi: Int, rectangles: [(x: Int, y: Int, w: Int, h: Int, single: Bool)]) -> [String] {
        TessBaseAPISetImage2(api, image.pix)
        TessBaseAPISetSourceResolution(api, Int32(dpi))
        defer { TessBaseAPIClear(api) }
        return rectangles.map { r in
            TessBaseAPISetPageSegMode(api, r.single ? PSM_SINGLE_CHAR : PSM_SINGLE_LINE)
            TessBaseAPISetRectangle(api, Int32(r.x), Int32(r.y), Int32(r.w), Int32(r.h))
            guard let c = TessBaseAPIGetUTF8Text(api) else { return "" }
            defer { TessDeleteText(c) }
            return String(cString: c)
        }
    }

    /// Recognizes an image and returns its words with their characters.
    func recognize(_ image: LeptonicaImage, dpi: Int) -> [OCRWord] {
        TessBaseAPISetImage2(api, image.pix)
        TessBaseAPISetSourceResolution(api, Int32(dpi))
        defer { TessBaseAPIClear(api) }
        return words()
    }

    /// Recognizes each rectangle (pixels) of one image on its own, in page segmentation `mode`
    /// (one line, one word), and returns the words of each; the engine's own mode is restored.
    func recognize(
        _ image: LeptonicaImage, dpi: Int, rectangles: [(x: Int, y: Int, w: Int, h: Int)], mode: TessPageSegMode
    ) -> [[OCRWord]] {
        guard !rectangles.isEmpty else { return [] }
        let own = TessBaseAPIGetPageSegMode(api)
        TessBaseAPISetImage2(api, image.pix)
        TessBaseAPISetSourceResolution(api, Int32(dpi))
        TessBaseAPISetPageSegMode(api, mode)
        defer {
            TessBaseAPISetPageSegMode(api, own)
            TessBaseAPIClear(api)
        }
        return rectangles.map { r in
            TessBaseAPISetRectangle(api, Int32(r.x), Int32(r.y), Int32(r.w), Int32(r.h))
            return words()
        }
    }

    /// The words (with their characters) of the last image or rectangle set.
    private func words() -> [OCRWord] {
        guard TessBaseAPIRecognize(api, nil) == 0, let results = TessBaseAPIGetIterator(api) else { return [] }
        defer { TessResultIteratorDelete(results) }
        let page = TessResultIteratorGetPageIterator(results)

        func text(_ level: TessPageIteratorLevel) -> String? {
            guard let c = TessResultIteratorGetUTF8Text(results, level) else { return nil }
            defer { TessDeleteText(c) }
            return String(cString: c)
        }
        func box(_ level: TessPageIteratorLevel) -> (Int, Int, Int, Int)? {
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            guard TessPageIteratorBoundingBox(page, level, &l, &t, &r, &b) != 0 else { return nil }
            return (Int(l), Int(t), Int(r), Int(b))
        }

        var words: [OCRWord] = []
        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_WORD) != 0 || words.isEmpty {
                guard let t = text(RIL_WORD), let b = box(RIL_WORD) else { continue }
                let c = Double(TessResultIteratorConfidence(results, RIL_WORD)) / 100
                words.append(OCRWord(text: t, x0: b.0, y0: b.1, x1: b.2, y1: b.3, confidence: c, symbols: []))
            }
            guard let t = text(RIL_SYMBOL), !t.isEmpty, let b = box(RIL_SYMBOL) else { continue }
            let c = Double(TessResultIteratorConfidence(results, RIL_SYMBOL)) / 100
            words[words.count - 1].symbols.append(OCRSymbol(text: t, x0: b.0, y0: b.1, x1: b.2, y1: b.3, confidence: c))
        } while TessResultIteratorNext(results, RIL_SYMBOL) != 0
        return words
    }
}
