import Foundation
import Testing
@testable import NianbaoCore
@testable import NianbaoPDF

/// Pages displayed sideways or upside down are read turned upright (Corpus/pdf/r01: p02 with its
/// pages turned by /Rotate; its values against the gold are PDFGoldenTests').
@Suite struct PageOrientationTests {
    /// `n` ideographs set solid from (x, y), stepping by (dx, dy).
    func run(_ n: Int, x: Double, y: Double, dx: Double, dy: Double, size: Double = 10) -> [Glyph] {
        (0..<n).map { k in
            let x0 = x + Double(k) * dx, y0 = y + Double(k) * dy
            return Glyph(scalar: "字", box: Box(x0: x0, y0: y0, x1: x0 + size, y1: y0 + size))
        }
    }

    @Test func directionOfTheText() {
        #expect(PageOrientation.of(run(30, x: 50, y: 50, dx: 10, dy: 0)) == .upright)
        #expect(PageOrientation.of(run(30, x: 500, y: 50, dx: 0, dy: 10)) == .turnedClockwise)
        #expect(PageOrientation.of(run(30, x: 50, y: 500, dx: 0, dy: -10)) == .turnedCounterclockwise)
        #expect(PageOrientation.of(run(30, x: 500, y: 500, dx: -10, dy: 0)) == .upsideDown)
        // too little text to tell: left as it is
        #expect(PageOrientation.of(run(10, x: 500, y: 50, dx: 0, dy: 10)) == .upright)
    }

    @Test func verticalCellsAndColumnOrderLeaveAPageUpright() {
        // prose in lines, a header cell written one character per line, and table cells that
        // poppler lists column by column (rows 18 pt apart: never touching)
        var glyphs = (0..<4).flatMap { line in run(25, x: 50, y: 50 + Double(line) * 16, dx: 10, dy: 0) }
        glyphs += run(8, x: 300, y: 300, dx: 0, dy: 10)
        glyphs += run(12, x: 100, y: 400, dx: 0, dy: 18)
        #expect(PageOrientation.of(glyphs) == .upright)
    }

    @Test func boxesAndRulingsTurnWithThePage() {
        // A4 displayed turned clockwise: 842 wide, 595 tall; the text's first character is at the top right
        let o = PageOrientation.turnedClockwise
        #expect(o.uprightSize(width: 842, height: 595) == (595, 842))
        #expect(o.upright(Box(x0: 800, y0: 40, x1: 810, y1: 50), width: 842, height: 595) == Box(x0: 40, y0: 32, x1: 50, y1: 42))
        // a vertical ruling of the displayed page is a horizontal one of the upright page
        let r = o.upright([Ruling(axis: .vertical, position: 700, from: 100, to: 500)], width: 842, height: 595)
        #expect(r == [Ruling(axis: .horizontal, position: 142, from: 100, to: 500)])
        let back = PageOrientation.turnedCounterclockwise.upright(Box(x0: 40, y0: 32, x1: 50, y1: 42), width: 595, height: 842)
        #expect(back == Box(x0: 800, y0: 40, x1: 810, y1: 50))
    }

    @Test func sidewaysPagesReadAsUpright() throws {
        let turned = try #require(try PDFFixtures.read(PDFFixtures.corpus("r01-2019-sideways-pages.pdf")))
        let plain = try #require(try PDFFixtures.read(PDFFixtures.corpus("p02-2019-wrapped-labels.pdf")))
        #expect(turned.grid.rows.map(\.text) == plain.grid.rows.map(\.text))
    }
}
