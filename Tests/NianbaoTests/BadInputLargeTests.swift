import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// The large hostile inputs, built in memory at test time (nothing big is committed): thousands of
/// pages, a 10 MiB line, a 50 MiB page. Each must end in bounded time with a report or its error.
@Suite(.serialized) struct BadInputLargeTests {
    /// A PDF of `pages` pages that all share one content stream and one font (cheap to build and to keep).
    static func repeatedPagePDF(pages: Int, content: String, font: Bool = true) -> [UInt8] {
        var objects: [String] = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\((0..<pages).map { "\($0 + 5) 0 R" }.joined(separator: " "))] /Count \(pages) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        let resources = font ? "/Resources << /Font << /F1 3 0 R >> >> " : ""
        objects += Array(repeating: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \(resources)/Contents 4 0 R >>", count: pages)
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    static func outcome(_ bytes: [UInt8], _ path: String) -> (Result<Report, ExtractError>, Double) {
        let start = Date()
        let result: Result<Report, ExtractError>
        do { result = .success(try ReportExtractor().extract(bytes: bytes, path: path)) } catch { result = .failure(error) }
        return (result, Date().timeIntervalSince(start))
    }

    static func code(_ r: Result<Report, ExtractError>) -> String {
        switch r {
        case .success: return "report"
        case .failure(let e): return e.code.rawValue
        }
    }

    @Test(.timeLimit(.minutes(5))) func thousandsOfPages() {
        let text = Self.repeatedPagePDF(pages: 3000, content: "BT /F1 12 Tf 72 780 Td (page) Tj ET\nBT /F1 12 Tf 72 760 Td (1 2 3) Tj ET")
        let (r, _) = Self.outcome(text, "pages-3000.pdf")
        #expect(Self.code(r) == "not_a_report")

        let blank = Self.repeatedPagePDF(pages: 3000, content: "", font: false)
        let (b, _) = Self.outcome(blank, "blank-3000.pdf")
        #expect(Self.code(b) == "no_text_layer")
        if case .failure(let e) = b { #expect(e.message.contains("pages 1–3000"), "\(e.message)") }
    }

    @Test(.timeLimit(.minutes(5))) func tenMegabyteLine() throws {
        let report = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/text/t01-2021-tabs.txt"), encoding: .utf8)
        let unit = report.split(whereSeparator: \.isNewline).joined(separator: " ") + " "
        let line = String(repeating: unit, count: (10 << 20) / unit.utf8.count + 1)
        let (r, _) = Self.outcome(Array(line.utf8), "line-10mb.txt")
        // One line holds no section headings and no table rows.
        #expect(Self.code(r) == "not_a_report")
    }

    @Test(.timeLimit(.minutes(5))) func fiftyMegabyteHTMLPage() throws {
        let page = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/html/h01-2021-utf8.html"), encoding: .utf8)
        let filler = "<p>（此段为填充）本机关持续推进政务公开标准化规范化建设，加强政府信息管理，提升公开质量。</p>\n"
        let cut = page.range(of: "</body>")?.lowerBound ?? page.endIndex
        let big = page[..<cut] + "<div>" + String(repeating: filler, count: (50 << 20) / filler.utf8.count + 1) + "</div>" + page[cut...]
        let bytes = Array(big.utf8)
        #expect(bytes.count > 50 << 20)
        let (r, _) = Self.outcome(bytes, "html-50mb.html")
        // The report at the top is still read, with its tables.
        guard case .success(let report) = r else { Issue.record("expected a report, got \(Self.code(r))"); return }
        #expect(report.title?.contains("年度报告") == true)
        #expect(report.cells.count > 40)
    }
}
