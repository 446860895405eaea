import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoArchive
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoOFD
@testable import NianbaoOffice

/// OFD files written from the Corpus/pdf reports (Scripts/generate-ofd-corpus: per-glyph
/// TextObjects, PathObject rulings, a template page with a running header) give the values,
/// checks and diagnostics of their PDF twins, through the PDF page layout.
@Suite struct OFDReaderTests {
    static let reports: [String] = {
        let dir = FormatCorpus.root.appendingPathComponent("ofd").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".ofd") }
            .map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func corpusIsThere() {
        #expect(Self.reports.count >= 4)
    }

    @Test(arguments: reports) func ofdGivesThePDFTwinsReport(_ name: String) throws {
        guard let twin = FormatCorpus.pdfTwin(name) else {
            Issue.record("no PDF twin for \(name)")
            return
        }
        try FormatCorpus.expectSame(FormatCorpus.root.appendingPathComponent("ofd/\(name).ofd"), twin: twin)
    }

    @Test func sourceFactsAndTemplateHeader() throws {
        let url = FormatCorpus.root.appendingPathComponent("ofd/p01-2021-ruled-vertical.ofd")
        let doc = try OFDReader().read(data: [UInt8](Data(contentsOf: url)), path: url.path)
        #expect(doc.mediaType == "application/ofd")
        #expect((doc.pages ?? 0) >= 3)
        // The template page's running header is page furniture, like a repeated PDF header.
        #expect(!doc.grid.rows.contains { $0.text == "政府信息公开工作年度报告" })
        #expect(doc.grid.rows.contains { $0.table != nil })
        guard case .page(1, let box) = try #require(doc.grid.rows.first).at else { Issue.record("no page location"); return }
        #expect(box.x1 > box.x0)
    }

    /// A file of a third-party writer (easyofd's pdf2ofd: one TextObject per text span, no
    /// PathObject, lower-case `size`) reads: the title and year, and the values it kept, without
    /// inventing any (a lossy file gives diagnostics, not numbers that differ from the PDF).
    @Test func easyofdFileReads() throws {
        let url = FormatCorpus.root.appendingPathComponent("ofd/easyofd/p01-2021-ruled-vertical.ofd")
        let r = try FormatCorpus.extract(url)
        #expect(r.year == 2023)
        #expect(r.title == "2023年泉州市清江浦区人民政府政府信息公开工作年度报告")
        #expect(r.cells.filter { $0.value != nil }.count >= 20)
        let twin = try FormatCorpus.extract(try #require(FormatCorpus.pdfTwin("p01-2021-ruled-vertical")))
        let wrong = r.cells.filter { $0.kind == .number && twin.value($0.key) != $0.value }.map(\.key)
        #expect(wrong.isEmpty, "\(wrong)")
        // The easyofd file has no rulings, so Table 三 is read as a borderless table, where the group
        // label 三、本年度办理结果 is set one character per line beside the rows and the first line of
        // （二）部分公开's wrapped label lands beside （一）予以公开's values: one label cell naming two rows
        // claims neither (they once took each other's values). Its values are exactly the table's
        // cells, so the template-order reading places all of them, and only one order satisfies the
        // identities: （一） 18 and （二） 7 as printed.
        #expect(r.value("applications.granted.total") == DecimalNumber(18))
        #expect(r.value("applications.partially_granted.total") == DecimalNumber(7))
        #expect(r.diagnostics.contains { $0.code == .valuesInTemplateOrder })
    }

    @Test func pathAndDeltaSyntax() {
        #expect(OFDPathData.deltas("g 3 1.5 2 g 2 0.5") == [1.5, 1.5, 1.5, 2, 0.5, 0.5])
        let paths = OFDPathData.subpaths("M 0 0 L 10 0 L 10 5 C M 1 1 B 1 2 3 4 5 6 L 7 7")
        #expect(paths.count == 2)
        #expect(paths[0].closed && paths[0].points.count == 3)
        #expect(paths[1].curved)
        #expect(OFDReader.resolve("Pages/Page_0/Content.xml", relativeTo: "Doc_0") == "Doc_0/Pages/Page_0/Content.xml")
        #expect(OFDReader.resolve("/Doc_0/Tpls/T.xml", relativeTo: "Doc_0/Pages") == "Doc_0/Tpls/T.xml")
    }

    @Test func damagedOFDIsDamaged() throws {
        let url = FormatCorpus.root.appendingPathComponent("ofd/p04-2022-borderless.ofd")
        let bytes = try [UInt8](Data(contentsOf: url))
        do {
            _ = try ReportExtractor().extract(bytes: Array(bytes.prefix(200)), path: "cut.ofd")
            Issue.record("a truncated OFD converted")
        } catch {
            #expect(error.code == .damaged, "\(error)")
        }
    }
}
