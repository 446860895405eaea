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
