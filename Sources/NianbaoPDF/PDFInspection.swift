import NianbaoCore

/// Developer views of the PDF reader's steps, for `nianbao-bench` (README, "Developer tools"): the
/// ruling lines and ruled tables of a page, and what each step costs per page. Text lines out; no
/// poppler type leaves this target.
package enum PDFInspection {
    /// Why a PDF could not be inspected.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    static func open(_ bytes: [UInt8]) throws(Failure) -> PDFDocumentHandle {
        do {
            return try PDFDocumentHandle(bytes: bytes)
        } catch {
            throw Failure(description: "poppler cannot open the PDF: \(error)")
        }
    }

    /// The merged ruling lines of a 1-based page, then each ruled table's line positions and merged cells.
    package static func ruledTables(bytes: [UInt8], page pageNumber: Int) throws(Failure) -> [String] {
        let document = try open(bytes)
        guard let page = document.page(at: pageNumber - 1) else {
            throw Failure(description: "no page \(pageNumber) (the document has \(document.pageCount))")
        }
        let drawn = RulingParser().parse(page.render(into: CairoScriptRecorder()))
        // As the reader does: segments inside glyph boxes are strokes of glyphs, not borders.
        let rulings = RulingParser.removeGlyphStrokes(drawn, glyphs: GlyphExtraction.glyphs(from: page.textLayout()))
        var out = RuledTableFinder.mergeCollinear(rulings).map { "\($0)" }
        if drawn.count > rulings.count { out.append("(\(drawn.count - rulings.count) of \(drawn.count) drawn segments lie inside glyph boxes: dropped)") }
        for table in RuledTableFinder.tables(in: rulings) {
            out.append("xs \(table.xs.map { Int($0) }) ys \(table.ys.map { Int($0) })")
            for cell in table.cells { out.append("  cell r\(cell.top)-\(cell.bottom) c\(cell.left)-\(cell.right)") }
        }
        return out
    }

    /// The glyphs of a 1-based page as the reader sees them: character and box, one per line.
    package static func glyphs(bytes: [UInt8], page pageNumber: Int) throws(Failure) -> [String] {
        let document = try open(bytes)
        guard let page = document.page(at: pageNumber - 1) else {
            throw Failure(description: "no page \(pageNumber) (the document has \(document.pageCount))")
        }
        func f(_ v: Double) -> String { String(Double((v * 10).rounded()) / 10) }
        return GlyphExtraction.glyphs(from: page.textLayout()).map { g in
            "\(Character(g.scalar)) x \(f(g.box.x0))–\(f(g.box.x1)) y \(f(g.box.y0))–\(f(g.box.y1))"
        }
    }

    /// One line per page: time for the text layer, the script rendering, the ruling parse and the layout.
    package static func stepCosts(bytes: [UInt8]) throws(Failure) -> [String] {
        let document = try open(bytes)
        let recorder = CairoScriptRecorder()
        let clock = ContinuousClock()
        var out: [String] = []
        for index in 0..<document.pageCount {
            guard let page = document.page(at: index) else { out.append("page \(index + 1): poppler cannot load it"); continue }
            var glyphs: [Glyph] = []
            let textTime = clock.measure { glyphs = GlyphExtraction.glyphs(from: page.textLayout()) }
            var script: [UInt8] = []
            let renderTime = clock.measure { script = page.render(into: recorder) }
            var rulings: [Ruling] = []
            let parseTime = clock.measure { rulings = RulingParser.removeGlyphStrokes(RulingParser().parse(script), glyphs: glyphs) }
            let size = page.size
            let layoutTime = clock.measure {
                _ = PageLayout.layout(page: index + 1, width: size.width, height: size.height, glyphs: glyphs, rulings: rulings)
            }
            out.append(
                "page \(index + 1): text \(textTime), script render \(renderTime) (\(script.count) bytes), "
                    + "parse \(parseTime) (\(rulings.count) rulings), layout \(layoutTime)")
        }
        return out
    }
}
