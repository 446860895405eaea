/// One character as the recognizer read it: text, box in pixels of the recognized image, confidence 0–1.
package struct OCRSymbol: Sendable, Hashable {
    package var text: String
    package var x0: Int, y0: Int, x1: Int, y1: Int
    package var confidence: Double
}

/// One word (a run of characters tesseract grouped) with its characters.
package struct OCRWord: Sendable, Hashable {
    package var text: String
    package var x0: Int, y0: Int, x1: Int, y1: Int
    package var confidence: Double
    package var symbols: [OCRSymbol]
}

extension OCRWord {
    /// The word's box grown by `pad` pixels on every side, kept inside an image of `width` × `height`:
    /// the rectangle to read it again in.
    func rectangle(padding pad: Int, width: Int, height: Int) -> (x: Int, y: Int, w: Int, h: Int) {
        let x = max(0, x0 - pad), y = max(0, y0 - pad)
        return (x, y, min(width, x1 + pad) - x, min(height, y1 + pad) - y)
    }
}
