import Foundation
import Testing
@testable import NianbaoCore
@testable import NianbaoPDF

/// Report pages printed to PDF by the browser (Corpus/pdf/b*.pdf, Scripts/generate-browser-prints):
/// Type 3 fonts whose glyph boxes poppler reports far too tall, and cell borders drawn as mitred
/// trapezoids. Their values against the gold are PDFGoldenTests'; these are the steps.
@Suite struct BrowserPrintTests {
    @Test func insetBorderTrapezoidsAreRulings() {
        // Chromium's inset border of one cell: the left side is a thin quadrilateral, not a rectangle.
        let script = Array(
            """
            %!CairoScript
            0.33 g set-source
            n 150.885 122.033 m 151.4 122.549 l 151.4 152.43 l 150.885 152.946 l h fill+
            n 266.29 122.03 m 345.63 122.03 l 345.12 122.55 l 266.81 122.55 l h fill+
            n 10 10 m 14 10 l 12 40 l h fill+
            """.utf8)
        let r = RulingParser().parse(script)
        #expect(r.contains { $0.axis == .vertical && abs($0.position - 151.14) < 0.01 && $0.from < 122.1 && $0.to > 152.9 })
        #expect(r.contains { $0.axis == .horizontal && abs($0.position - 122.29) < 0.01 && $0.to - $0.from > 79 })
        // a triangle 4 pt wide is not thin: no ruling
        #expect(r.count == 2)
    }

    @Test func tallIdeographBoxesAreSquared() {
        // poppler's box for a Type 3 CJK glyph: 10.5 pt wide, 27.3 pt tall
        let layout: [(scalar: Unicode.Scalar, box: Box)] = [
            ("规", Box(x0: 34.5, y0: 633.3, x1: 45, y1: 660.6)), ("章", Box(x0: 45, y0: 633.3, x1: 55.5, y1: 660.6)),
            ("（", Box(x0: 87, y0: 727, x1: 97.5, y1: 754.3)), ("0", Box(x0: 91.4, y0: 643, x1: 97.3, y1: 654.7)),
        ]
        let glyphs = GlyphExtraction.glyphs(from: layout)
        #expect(glyphs[0].box == Box(x0: 34.5, y0: 641.7, x1: 45, y1: 652.2))
        // punctuation of the same fonts is brought to one em; the digit (normal metrics) is kept
        #expect(abs(glyphs[2].box.y1 - glyphs[2].box.y0 - 10.5) < 1e-9 && abs(glyphs[2].centerY - 740.65) < 1e-9)
        #expect(glyphs[3].box == Box(x0: 91.4, y0: 643, x1: 97.3, y1: 654.7))
    }

    @Test func ordinaryBoxesAreKept() {
        // A TrueType page: ideographs about as tall as wide, a narrow full-width comma and digits.
        let layout: [(scalar: Unicode.Scalar, box: Box)] = [
            ("规", Box(x0: 10, y0: 100, x1: 20.5, y1: 112)), ("，", Box(x0: 20.5, y0: 100, x1: 25.75, y1: 112)),
            ("1", Box(x0: 30, y0: 100, x1: 35.8, y1: 112)),
        ]
        #expect(GlyphExtraction.glyphs(from: layout).map(\.box) == layout.map(\.box))
    }

    @Test func breadcrumbIsNotPartOfTheTitle() {
        func row(_ t: String, _ n: Int) -> GridRow { GridRow(cells: [GridCell(text: t, at: .line(n))], text: t, at: .line(n)) }
        let rows = [row("首页>政务公开>政府信息公开年报", 1), row("泉州市清江浦区人民政府", 2), row("2023年政府信息公开工作年度报告", 3), row("一、总体情况", 4)]
        #expect(TitleFinder.titleRows(rows[...]) == 1..<3)
        #expect(TitleFinder.title(rows[1..<3]) == "泉州市清江浦区人民政府2023年政府信息公开工作年度报告")
        #expect(!TitleFinder.isTitleLike(row("政务公开 » 政府信息公开年报", 1)))
        #expect(!TitleFinder.isTitleLike(row("首页 政务公开 政府信息公开年报", 1)))
        // a sentence of the preface broken at the line end is not a title (a page printed without its title)
        #expect(!TitleFinder.isTitleLike(row("本年度报告根据《条例》的要求编制，全文", 1)))
    }
}
