import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Files for the PDF tests: the package's own corpus and the shared real reports beside the checkout.
enum PDFFixtures {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var hongze: URL { packageRoot.appendingPathComponent("../shared/corpus/hongze-2023.pdf").standardizedFileURL }

    static func corpus(_ name: String) -> URL { packageRoot.appendingPathComponent("Corpus/pdf/\(name)") }

    static func bytes(_ url: URL) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return [UInt8](data)
    }

    static func read(_ url: URL) throws -> SourceDocument? {
        guard let bytes = bytes(url) else { return nil }
        return try PDFReader().read(data: bytes, path: url.lastPathComponent)
    }

    /// Prints the grid (for debugging: `NIANBAO_DUMP=1 swift test --filter PDF`).
    static func dump(_ doc: SourceDocument) {
        for row in doc.grid.rows {
            let page = row.at.lineOrPage ?? 0
            let cells = row.cells.map { c in "\(c.column.map { "\($0):" } ?? "")\(c.text.isEmpty ? "∅" : c.text)" }.joined(separator: " | ")
            print("p\(page) t\(row.table.map(String.init) ?? "-")\(row.startsParagraph ? " ¶" : "  ") \(cells)")
        }
    }

    /// The value cells at the end of the first row whose text starts with `label`.
    static func trailingValues(_ doc: SourceDocument, label: String) -> [GridCell]? {
        guard let row = doc.grid.rows.first(where: { TextNormalizer.matchKey($0.text).hasPrefix(TextNormalizer.matchKey(label)) }) else { return nil }
        return Array(row.cells.reversed().prefix { ValueText.isValueLike($0.text) }.reversed())
    }
}

@Suite struct PDFDumpTests {
    @Test func dumpWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["NIANBAO_DUMP"], !path.isEmpty else { return }
        let url = path == "1" ? PDFFixtures.hongze : URL(fileURLWithPath: path)
        guard let doc = try PDFFixtures.read(url) else { return }
        PDFFixtures.dump(doc)
    }
}

@Suite struct PDFDebugTests {
    @Test func dumpTablesWhenAsked() throws {
        guard let spec = ProcessInfo.processInfo.environment["NIANBAO_TABLES"], !spec.isEmpty else { return }
        let parts = spec.split(separator: ":")
        let url = parts[0] == "1" ? PDFFixtures.hongze : URL(fileURLWithPath: String(parts[0]))
        let pageIndex = Int(parts[1])! - 1
        let doc = try PDFDocumentHandle(bytes: PDFFixtures.bytes(url)!)
        let page = doc.page(at: pageIndex)!
        let recorder = CairoScriptRecorder()
        let rulings = RulingParser().parse(page.render(into: recorder))
        for r in RuledTableFinder.mergeCollinear(rulings) { print(r) }
        for t in RuledTableFinder.tables(in: rulings) {
            print("xs", t.xs.map { Int($0) }, "ys", t.ys.map { Int($0) })
            for c in t.cells { print("  cell r\(c.top)-\(c.bottom) c\(c.left)-\(c.right)") }
        }
    }
}

@Suite struct PDFRulingCostTests {
    /// `NIANBAO_RULING_COST=FILE.pdf swift test --filter PDFRulingCost`: time per page of the steps.
    @Test func measureWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["NIANBAO_RULING_COST"], !path.isEmpty else { return }
        let url = path == "1" ? PDFFixtures.hongze : URL(fileURLWithPath: path)
        let doc = try PDFDocumentHandle(bytes: PDFFixtures.bytes(url)!)
        let recorder = CairoScriptRecorder()
        let clock = ContinuousClock()
        for i in 0..<doc.pageCount {
            let page = doc.page(at: i)!
            var glyphs: [Glyph] = []
            let tText = clock.measure { glyphs = GlyphExtraction.glyphs(from: page.textLayout()) }
            var script: [UInt8] = []
            let tRender = clock.measure { script = page.render(into: recorder) }
            var rulings: [Ruling] = []
            let tParse = clock.measure { rulings = RulingParser.removeGlyphStrokes(RulingParser().parse(script), glyphs: glyphs) }
            let tLayout = clock.measure { _ = PageLayout.layout(page: i + 1, width: 595, height: 842, glyphs: glyphs, rulings: rulings) }
            print("page \(i + 1): text \(tText), script render \(tRender) (\(script.count) bytes), parse \(tParse) (\(rulings.count) rulings), layout \(tLayout)")
        }
    }
}
