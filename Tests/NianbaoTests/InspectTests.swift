import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoInspect
@testable import NianbaoPDF

extension Tag {
    /// Tests that drive headless Chromium (a few seconds each).
    @Tag static var browser: Self
}

/// `extract inspect`: the page is loaded in headless Chromium and what its script drew is counted
/// in the DOM after it ran (boxes, highlighted cells), not only in the HTML text we wrote.
/// Without chromium (or ../shared for the real PDF) the tests are skipped with a reason; under
/// CI=true they run and fail.
@Suite(.serialized, .tags(.browser)) struct InspectTests {
    static let chromium = TestSupport.which("chromium")

    /// Loads `page` in headless Chromium with `fragment` and returns the DOM after the script ran.
    static func dumpDOM(_ page: [UInt8], fragment: String = "") throws -> String {
        let chromium = try #require(Self.chromium, "chromium is not installed (Debian package chromium)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("view.html")
        try Data(page).write(to: file)
        let url = file.absoluteString + (fragment.isEmpty ? "" : "#" + fragment)
        let run = try TestSupport.run(
            chromium,
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                "--user-data-dir=\(dir.path)/profile", "--dump-dom", url,
            ])
        try #require(run.status == 0, "chromium failed: \(run.stderr.suffix(2000))")
        return run.stdout
    }

    /// Elements whose class list holds every one of `classes` (the DOM as Chromium serialized it).
    static func count(_ dom: String, classes: [String]) -> Int {
        let pattern = try! NSRegularExpression(pattern: #"class="([^"]*)""#)
        return pattern.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)).filter { m in
            let list = Set((dom as NSString).substring(with: m.range(at: 1)).split(separator: " ").map(String.init))
            return classes.allSatisfy(list.contains)
        }.count
    }

    /// Nothing the page needs comes from outside it.
    static func expectSelfContained(_ html: String) {
        for needle in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http", "url(//", "@import", "<link", "<iframe"] {
            #expect(!html.contains(needle), "the page refers to something outside itself: \(needle)")
        }
        #expect(!html.contains("<script src"))
    }

    @Test(Prerequisite.tool("chromium"), Prerequisite.shared("corpus/hongze-2023.pdf"))
    func hongzePDFDrawsEveryBoxAndHighlightsTheFailedCheck() throws {
        let pdf = try #require(TestSupport.sharedFile("corpus/hongze-2023.pdf"), "../shared/corpus/hongze-2023.pdf is missing")
        let bytes = [UInt8](try Data(contentsOf: pdf))
        let report = try ReportExtractor().extract(bytes: bytes, path: "hongze-2023.pdf")
        let page = try InspectPage().html(bytes: bytes, path: "hongze-2023.pdf")
        let html = String(decoding: page, as: UTF8.self)
        Self.expectSelfContained(html)
        #expect(html.components(separatedBy: "src=\"data:image/png;base64,").count - 1 == 5, "one embedded image per page")

        let boxed = report.cells.filter { if case .page = $0.at { return true } else { return false } }
        #expect(boxed.count == report.cells.count, "every hongze cell has a PDF box")
        let failed = report.checks.filter { $0.status == .fail }.map(\.id)
        #expect(failed == ["I4.review", "I4.litigation_after_review"], "the document's own arithmetic errors")

        let dom = try Self.dumpDOM(page, fragment: "check=I4.review")
        #expect(dom.contains("data-ready=\"1\""), "the page's script ran")
        #expect(Self.count(dom, classes: ["box", "pbox"]) == boxed.count)
        #expect(dom.contains("data-selected-check=\"I4.review\""))
        let members = try #require(report.check("I4.review")).keys
        #expect(members.count == 5)
        #expect(Self.count(dom, classes: ["pbox", "hl"]) == members.count, "the check's five cells are highlighted")
        // Each highlighted box is one of the check's cells, and the failed-check cells are marked as such.
        let keysOfIndex = Dictionary(uniqueKeysWithValues: report.cells.enumerated().map { ($0.offset, $0.element.key) })
        let hl = try NSRegularExpression(pattern: #"class="[^"]*\bhl\b[^"]*" data-i="(\d+)""#)
        let highlighted = hl.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)).compactMap {
            Int((dom as NSString).substring(with: $0.range(at: 1))).flatMap { keysOfIndex[$0] }
        }
        #expect(Set(highlighted) == Set(members))
        let inFailed = Set(report.checks.filter { $0.status == .fail }.flatMap(\.keys))
        #expect(Self.count(dom, classes: ["pbox", "f-fail"]) == report.cells.filter { inFailed.contains($0.key) }.count)
        // The selected check's panel shows the printed total and the sum of the parts.
        #expect(dom.contains("I4 (Table 四, each block)"))

        // Selecting a cell by its key: one box, and the panel shows its official label.
        let cellDOM = try Self.dumpDOM(page, fragment: "cell=review_litigation.review.total")
        #expect(Self.count(cellDOM, classes: ["pbox", "sel"]) == 1)
        #expect(cellDOM.contains("行政复议 × 总计"))
    }

    @Test func pdfPagesRenderToPNG() throws {
        let pdf = TestSupport.packageRoot.appendingPathComponent("Corpus/pdf/p01-2021-ruled-vertical.pdf")
        let pages = try PDFPageRenderer.render(data: [UInt8](try Data(contentsOf: pdf)), path: pdf.path, dpi: 72)
        #expect(!pages.isEmpty)
        for page in pages {
            #expect(page.png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
            #expect(page.pixelWidth == Int(page.width.rounded(.up)))
            #expect(page.pixelHeight == Int(page.height.rounded(.up)))
        }
        #expect(throws: ExtractError.self) { try PDFPageRenderer.render(data: Array("%PDF-1.4 junk".utf8), path: "junk.pdf") }
    }

    /// Text and HTML: every cell is one element (a marked value or a chip); selecting a failed
    /// check highlights exactly its cells.
    @Test(
        Prerequisite.tool("chromium"),
        arguments: ["Corpus/text/t03-2021-layout-other-single.txt", "Corpus/html/h06-2022-other-single-errors.html"])
    func textAndHTMLMarkEveryCell(_ relative: String) throws {
        let url = TestSupport.packageRoot.appendingPathComponent(relative)
        let bytes = [UInt8](try Data(contentsOf: url))
        let report = try ReportExtractor().extract(bytes: bytes, path: url.lastPathComponent)
        let page = try InspectPage().html(bytes: bytes, path: url.lastPathComponent)
        Self.expectSelfContained(String(decoding: page, as: UTF8.self))
        let check = try #require(report.checks.first { $0.status == .fail }, "the corpus file has a failed check")
        let dom = try Self.dumpDOM(page, fragment: "check=\(check.id)")
        #expect(dom.contains("data-ready=\"1\""))
        let doc = try #require(dom.range(of: "<aside")).lowerBound
        let documentPart = String(dom[..<doc])
        #expect(Self.count(documentPart, classes: ["box"]) == report.cells.count, "one element per cell")
        let placed = Self.count(documentPart, classes: ["box", "tbox"]) + Self.count(documentPart, classes: ["box", "tdbox"])
        let printed = report.cells.filter { $0.kind == .number }.count
        #expect(placed >= printed, "every printed number is marked where it was printed (\(placed) of \(printed))")
        let present = Set(report.cells.map(\.key))
        #expect(Self.count(documentPart, classes: ["box", "hl"]) == check.keys.filter(present.contains).count)
    }

    @Test func textPlacementFindsValuesFromTheRight() {
        // Values run together (规章000) and a label with digits before the values (1.属于国家秘密).
        let rows = ["规章000", "1.属于国家秘密 1 0 21 1"]
        let (spans, unplaced) = TextPlacement.place([(0, "0"), (1, "0"), (2, "0"), (3, "1"), (4, "0"), (5, "21"), (6, "1")], in: rows)
        #expect(unplaced.isEmpty)
        func offsets(_ r: Int) -> [Int] { spans[r].map { rows[r].distance(from: rows[r].startIndex, to: $0.range.lowerBound) } }
        #expect(offsets(0) == [2, 3, 4])
        #expect(offsets(1) == [9, 11, 13, 16])
        let (_, missing) = TextPlacement.place([(0, "7"), (1, "")], in: ["a 1"])
        #expect(missing == [0, 1])
    }

    @Test func diagnosticsBelongToTheCellsOfTheirRow() {
        let row = Box(x0: 70, y0: 450, x1: 500, y1: 466)
        #expect(CellLinks.sameRow(.page(4, row), .page(4, Box(x0: 86, y0: 452, x1: 100, y1: 466))))
        #expect(!CellLinks.sameRow(.page(3, row), .page(4, Box(x0: 86, y0: 452, x1: 100, y1: 466))), "another page")
        #expect(!CellLinks.sameRow(.page(4, row), .page(4, Box(x0: 86, y0: 470, x1: 100, y1: 484))), "the next line")
        #expect(CellLinks.sameRow(.line(12), .line(12)) && !CellLinks.sameRow(.line(12), .line(13)))
        #expect(CellLinks.sameRow(.table(1, row: 5, column: 0), .table(1, row: 5, column: 3)))
        #expect(!CellLinks.sameRow(.table(1, row: 5, column: 0), .table(2, row: 5, column: 3)))
        #expect(!CellLinks.sameRow(.none, .line(1)))
    }
}
