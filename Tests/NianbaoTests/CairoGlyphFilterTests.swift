import Foundation
import Testing
import CCairoGlyphFilter
@testable import NianbaoPDF

/// The ruling reader's cairo script surfaces drop text (CCairoGlyphFilter): if the filter stopped
/// being bound (a linker change), outputs would stay right but the PDF path would be three times
/// slower; these tests make that visible. Committed corpus files only.
struct CairoGlyphFilterTests {
    static func page(_ name: String, _ index: Int) throws -> (PDFDocumentHandle, PDFPageHandle) {
        let bytes = try #require(PDFFixtures.bytes(PDFFixtures.corpus(name)), "Corpus/pdf/\(name) is missing")
        let document = try PDFDocumentHandle(bytes: bytes)
        let page = try #require(document.page(at: index))
        return (document, page)
    }

    @Test func popplerCallsReachTheFilter() {
        #expect(nianbao_cairo_glyph_filter_active() == 1, "cairo_show_glyphs is not interposed: the program does not export it")
    }

    /// Page 2 of p01 holds ruled tables: the script keeps their lines and holds no font or glyph run.
    @Test func recordedScriptHasRulingsButNoText() throws {
        let (document, page) = try Self.page("p01-2021-ruled-vertical.pdf", 1)
        let recorder = CairoScriptRecorder()
        let script = String(decoding: page.render(into: recorder), as: UTF8.self)
        withExtendedLifetime(document) {}
        #expect(!script.contains("show-glyphs"))
        #expect(!script.contains("/type 42"))
        #expect(!script.contains("font"))
        let rulings = RulingParser().parse(Array(script.utf8))
        #expect(rulings.filter { $0.axis == .horizontal }.count >= 10)
        #expect(rulings.filter { $0.axis == .vertical }.count >= 5)
    }

    /// Surfaces that are not marked (page images for inspect and OCR) still get their text: the
    /// text part of a page renders dark pixels.
    @Test func unmarkedSurfacesKeepText() throws {
        let (_, page) = try Self.page("p01-2021-ruled-vertical.pdf", 0)
        let script = String(decoding: page.render(into: CairoScriptRecorder()), as: UTF8.self)
        let image = try #require(page.renderGray(dpi: 36))
        // the top 60 % of the page holds text only (its one small table starts at y = 711 pt)
        let dark = image.gray.prefix(image.width * (image.height * 6 / 10)).filter { $0 < 128 }.count
        #expect(dark > 500, "the page image has \(dark) dark pixels: its text was dropped")
        // and the same page's script has none of that text
        #expect(!script.contains("show-glyphs"))
    }
}
