import NianbaoPDF
import Testing

@testable import NianbaoOCR

/// Ruling lines found in a page image: on a photocopy (gaps bridged) the bridged horizontal
/// strokes of a line of characters are no ruling.
@Suite struct RasterRulingsTests {
    /// A 300 dpi page: a ruling 3 px thick at y 100, and a line of ten 40×40 "characters" at y 250
    /// with three horizontal strokes and three vertical ones each, 6 px apart.
    static func page() -> LeptonicaImage? {
        let w = 1200, h = 400
        var gray = [UInt8](repeating: 255, count: w * h)
        func fill(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) {
            for y in y0..<y1 { for x in x0..<x1 { gray[y * w + x] = 0 } }
        }
        fill(100, 100, 1100, 103)
        for k in 0..<10 {
            let x = 100 + k * 46
            for dy in [2, 16, 30] { fill(x, 250 + dy, x + 40, 253 + dy) }
            for dx in [5, 18, 31] { fill(x + dx, 250, x + dx + 4, 290) }
        }
        return LeptonicaImage(gray: PageImage(width: w, height: h, gray: gray, dpi: 300))?.binary()
    }

    @Test func bridgedStrokesOfCharactersAreNoRuling() throws {
        let image = try #require(Self.page())
        let found = RasterRulings.find(in: image, dpi: 300, gaps: 0.035)
        let horizontal = found.rulings.filter { $0.axis == .horizontal }
        // Only the ruling (y 101.5 px = 24.4 pt); the strokes at 252–282 px (60–68 pt) are text.
        #expect(horizontal.count == 1)
        #expect(horizontal.allSatisfy { abs($0.position - 101.5 * 72 / 300) < 1 })
    }
}
