import Foundation
import Testing
import CCairoGlyphFilter
@testable import NianbaoPDF

/// While the ruling reader renders a page, poppler is not given embedded font programs
/// (CCairoGlyphFilter/FontProgramFilter.c). If the filter stopped being bound, outputs would stay
/// right but the PDF path would be slower; if it leaked out of that rendering, page images would
/// lose their text. Committed corpus files only.
struct FontProgramFilterTests {
    @Test func popplerCallsReachTheFilter() {
        #expect(nianbao_font_program_filter_active() == 1, "GfxFont::readEmbFontFile is not interposed, or poppler's version is not one the filter knows")
    }

    /// The text layer poppler builds while drawing for the ruling reader does not need the font
    /// programs: the page's text is the same as when read alone.
    @Test func textLayerIsTheSameWithoutFontPrograms() throws {
        let (document, rendered) = try CairoGlyphFilterTests.page("p01-2021-ruled-vertical.pdf", 0)
        _ = rendered.render(into: CairoScriptRecorder())
        let drawn = rendered.textLayout()
        let other = try PDFDocumentHandle(bytes: try #require(PDFFixtures.bytes(PDFFixtures.corpus("p01-2021-ruled-vertical.pdf"))))
        let alone = try #require(other.page(at: 0)).textLayout()
        withExtendedLifetime(document) {}
        #expect(drawn.count > 100)
        #expect(drawn.map(\.scalar) == alone.map(\.scalar))
        #expect(drawn.map(\.box) == alone.map(\.box))
    }

    /// A font refused while the ruling reader drew the page is not remembered: the same page drawn
    /// afterwards into an image (as `inspect` does, same document, screen rendering) has its text.
    @Test func laterImagesStillHaveText() throws {
        let (document, page) = try CairoGlyphFilterTests.page("p01-2021-ruled-vertical.pdf", 0)
        _ = page.render(into: CairoScriptRecorder())
        let image = PDFPageRenderer.render(page, number: 1, dpi: 36, maxPixels: 10_000_000)
        withExtendedLifetime(document) {}
        #expect(!image.png.isEmpty)
        // the same page drawn without the recorder first, in a fresh document
        let fresh = try PDFDocumentHandle(bytes: try #require(PDFFixtures.bytes(PDFFixtures.corpus("p01-2021-ruled-vertical.pdf"))))
        let reference = PDFPageRenderer.render(try #require(fresh.page(at: 0)), number: 1, dpi: 36, maxPixels: 10_000_000)
        #expect(image.png == reference.png, "the page image drawn after the ruling reader differs from a fresh one: a refused font was kept")
    }
}
