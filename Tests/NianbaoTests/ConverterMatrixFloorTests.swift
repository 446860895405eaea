import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// The converter matrix (Corpus/converted) scored per converter as `Scripts/evaluate-converted`
/// scores it: of the cells the gold holds a number for (printed cells), how many the output
/// reads exactly. The figures are floors: a change that reads fewer cells fails here, one that
/// reads more raises them. Wrong values are ConverterMatrixTests' business (none allowed).
@Suite(.tags(.slow)) struct ConverterMatrixFloorTests {
    /// Printed cells read exactly, per converter (measured on issue 11, release build, Scripts/evaluate-converted --json; printed cells in comments;
    /// raised after TemplateOrderReading, OCRPipeDigits and MarkdownMergedCells, then OCRTextRows, then DetachedValueRows/DetachedSubTables).
    static let floors: [String: Int] = [
        "crawled": 376,  // of 398
        "html2text": 1514,  // of 1514 (1509 before leading blank cells of html2text pipe rows)
        "lxml": 1476,  // of 1514 (1278 before CellPlacementSolver, 1400 before blank-cell marks, 1471 before glued 无 and digit widths)
        "lynx": 1408,  // of 1514 (added with pandoc, pandoc-plain and w3m after the list)
        "markitdown": 1514,  // of 1514
        "pandoc": 1514,  // of 1514
        "pandoc-plain": 1338,  // of 1514 (pandoc writes [TABLE] for two tables it cannot draw)
        "pdfplumber": 789,  // of 854 (779 before SplitHeadingText)
        "pdftotext": 774,  // of 854 (772 before values above a one-row sub-table's label)
        "pymupdf4llm": 850,  // of 854
        "tesseract": 644,  // of 854 (574 before OCRTextRows' second look, agreed cells and OCRReviewRow)
        "w3m": 1514,  // of 1514 (1509 before leading blank cells of drawn table rows)
    ]

    struct Tally { var printed = 0, exact = 0 }

    static func score(_ r: Report?, gold: URL) throws -> Tally {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: gold)) as? [String: Any], "\(gold.path) is not a JSON object")
        let values = try #require(json["values"] as? [String: Any], "\(gold.path) has no values")
        var got: [String: DecimalNumber] = [:]
        for c in r?.cells ?? [] where got[c.key] == nil { if let v = c.value { got[c.key] = v } }
        var t = Tally()
        for (key, g) in values where !(g is NSNull) {
            t.printed += 1
            if let v = got[key], Double("\(g)") == Double(v.description) { t.exact += 1 }
        }
        return t
    }

    @Test func floorsPerConverter() throws {
        var tallies: [String: Tally] = [:]
        for file in ConverterMatrixTests.files {
            let converter = String(file.split(separator: "/").first ?? "")
            let input = RunTogetherReportTests.convertedFile(file)
            let gold = input.deletingPathExtension().appendingPathExtension("gold.json")
            let r = try? ReportExtractor().extract(file: input.path)
            let t = try Self.score(r, gold: gold)
            tallies[converter, default: Tally()].printed += t.printed
            tallies[converter, default: Tally()].exact += t.exact
        }
        #expect(Set(tallies.keys) == Set(Self.floors.keys), "converters in Corpus/converted: \(tallies.keys.sorted())")
        for (converter, floor) in Self.floors.sorted(by: { $0.key < $1.key }) {
            let t = tallies[converter] ?? Tally()
            #expect(t.exact >= floor, "\(converter): \(t.exact) of \(t.printed) printed cells exact, below the floor \(floor)")
        }
    }
}
