import NianbaoCore

/// One visible character on a page with its box (points, top-left origin).
package struct Glyph: Sendable, Hashable {
    package var scalar: Unicode.Scalar
    package var box: Box
    /// The recognizer's confidence (0–1) for a character read by OCR; nil for a PDF text layer.
    package var confidence: Double? = nil

    package init(scalar: Unicode.Scalar, box: Box, confidence: Double? = nil) {
        self.scalar = scalar
        self.box = box
        self.confidence = confidence
    }

    package init(scalar: Unicode.Scalar, box: Box) {
        self.scalar = scalar
        self.box = box
    }

    var height: Double { box.y1 - box.y0 }
    var width: Double { box.x1 - box.x0 }
    var centerX: Double { (box.x0 + box.x1) / 2 }
    var centerY: Double { (box.y0 + box.y1) / 2 }
}
