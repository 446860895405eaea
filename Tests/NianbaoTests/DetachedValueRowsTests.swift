import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// Issue 11: tesseract's text of a borderless Table 三 (Corpus/converted/tesseract/p04-2022-borderless):
/// the labels as one block, then the first three columns' values line by line, the other columns
/// lost; the last four rows printed with their labels. The lines take the rows the table leaves
/// open, in template order, and only the cells every column choice that holds agrees on are kept.
@Suite struct DetachedValueRowsTests {
    /// The p04 lines as tesseract wrote them, the label block cut short (the reader does not use it).
    static let labels = """
        2022年某区人民政府政府信息公开工作年度报告
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量
        二、上年结转政府信息公开申请数量
        三、本年度
        办理结果
        (一) 予以公开
        4.无正当理由大量反复
        申请
        申请人情况
        自         法人或其他组织
        然
        人         商业 ”科研
        企业 “机构
        """
    static let lines = [
        "75          3              0", "1             1              0", "27          3              0", "10        0            0",
        "1             0              0", "1             0              0", "1             0              0", "1             0              0",
        "0            0              0", "1             0              0", "0            0              0", "1             0              0",
        "16        0            0", "2            1              0", "0            0              0", "1             0              0",
        "2            0              0", "0            0              0", "1             0              0",
    ]
    static let labelled = """
        21
        口口口 口
        42
        10
        5.要求行政机关确认或 0 0  0  0  0  0 0
        重新出具已获取信息
        (六 ) 其他处理      8 0  0  0  0  1 9
        (七) 总计       73 4  0  0  1  2 80
        四、结转下年度继续办理                  3    0    0    0      0      0   3
        四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
        """

    static func text(_ lines: [String]) -> String {
        labels + "\n\n" + lines.joined(separator: "\n\n") + "\n\n" + labelled
    }

    static let rows = [
        "new_received", "carried_over", "granted", "partially_granted", "denied.state_secret", "denied.prohibited_by_law",
        "denied.security_stability", "denied.third_party_rights", "denied.internal_affairs", "denied.process_information",
        "denied.enforcement_files", "denied.administrative_inquiry", "unable.not_held", "unable.needs_creation", "unable.unclear",
        "not_processed.complaint", "not_processed.repeated", "not_processed.publication", "not_processed.excessive",
    ]

    /// The 19 lines are rows 一 … （五）4: their first two values in the first two columns as printed;
    /// the third is research's or social welfare's, and both columns are zero in every row either
    /// way (their totals and carried-forward are 0: every count is forced to 0), inferred; the other
    /// columns stay null.
    @Test func linesTakeTheOpenRowsInTemplateOrder() throws {
        let r = try TestSupport.extract(Self.text(Self.lines))
        for (row, line) in zip(Self.rows, Self.lines) {
            let printed = line.split(separator: " ").map { DecimalNumber(units: Int64($0)!) }
            let cells = ApplicationsLayout.columns.map { c in r.cells.first { $0.key == "applications.\(row).\(c)" } }
            #expect(cells[0..<3].map { $0?.value } == printed.map { Optional($0) }, "\(row)")
            #expect(cells[0..<2].allSatisfy { $0?.kind == .number }, "\(row)")
            // The third value is research's (printed) or social welfare's (research then forced to 0):
            // both hold, both give 0 to both columns, neither is known to be the printed one.
            #expect(cells[2]?.kind == .inferred && cells[3]?.kind == .inferred, "\(row)")
            #expect(cells[3]?.value == DecimalNumber(0), "\(row) social welfare")
            #expect(cells[4...].allSatisfy { $0?.value == nil }, "\(row): the lost columns stay null")
        }
        #expect(r.diagnostics.contains { $0.code == "values_detached" })
        #expect(!r.diagnostics.contains { $0.code == "row_missing" && $0.message.contains("予以公开") })
    }

    /// One line lost: 18 lines for 19 open rows. Which row lost its line is not known: nothing is placed.
    @Test func aLineShortPlacesNothing() throws {
        var lines = Self.lines
        lines.remove(at: 5)
        let r = try TestSupport.extract(Self.text(lines))
        for row in Self.rows { #expect(r.value("applications.\(row).natural_person") == nil, "\(row)") }
        #expect(!r.diagnostics.contains { $0.code == "values_detached" })
    }

    /// A misread value breaks the column identities under every choice of columns: nothing is placed.
    @Test func aMisreadValuePlacesNothing() throws {
        var lines = Self.lines
        lines[2] = "28          3              0"
        let r = try TestSupport.extract(Self.text(lines))
        for row in Self.rows { #expect(r.value("applications.\(row).natural_person") == nil, "\(row)") }
    }

    /// The lines printed after rows the run comes before (below （七）总计): not the run's rows.
    @Test func linesAfterTheRowsBelowTheRunPlaceNothing() throws {
        let text = Self.text([]).replacingOccurrences(
            of: "(七) 总计       73 4  0  0  1  2 80\n", with: "(七) 总计       73 4  0  0  1  2 80\n" + Self.lines.joined(separator: "\n") + "\n")
        #expect(text.contains("27          3              0"))
        let r = try TestSupport.extract(text)
        for row in Self.rows { #expect(r.value("applications.\(row).natural_person") == nil, "\(row)") }
        #expect(!r.diagnostics.contains { $0.code == "values_detached" })
    }

    /// The committed tesseract text itself: the rows read, none wrong.
    @Test func p04TesseractTextHasNoWrongValue() throws {
        let r = try DegradedTextTests.converted("tesseract/p04-2022-borderless.txt")
        let gold = RunTogetherReportTests.convertedFile("tesseract/p04-2022-borderless.gold.json")
        #expect(try RunTogetherReportTests.wrongValues(r, gold: gold).isEmpty)
        #expect(r.value("applications.granted.natural_person") == DecimalNumber(27))
        #expect(r.value("applications.unable.not_held.natural_person") == DecimalNumber(16))
        #expect(r.value("applications.granted.total") == nil)
        // The lines placed are no longer reported as rows without a label.
        #expect(!r.diagnostics.contains { $0.code == "row_unrecognized" && [.line(144), .line(178)].contains($0.at) })
    }

    @Test func columnChoices() {
        #expect(ColumnChoice.all(2, of: 3) == [[0, 1], [0, 2], [1, 2]])
        #expect(ColumnChoice.all(3, of: 7).count == 35)
        #expect(ColumnChoice.all(8, of: 7).isEmpty)
    }

    /// Bare counts only: a leading zero, a letter or a mark is no value line.
    @Test func valueLines() {
        func line(_ s: String) -> [Int64]? { DetachedValueRows.counts(GridRow(cells: [], text: s, at: .none)) }
        #expect(line("75          3              0") == [75, 3, 0])
        #expect(line("07 3") == nil)
        #expect(line("口 IN") == nil)
        #expect(line("3 / 0") == nil)
    }
}
