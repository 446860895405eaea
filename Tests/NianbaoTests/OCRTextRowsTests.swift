import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// Issue 11: Table 三 rows of OCR text whose rulings were read as digits (`01|101010410`, `175`
/// for `|75`, `o` for 0), read again only where one reading fits the row and column identities.
@Suite struct OCRTextRowsTests {
    static let i3 = [RowIdentity(parts: Array(0..<6), total: 6)]

    static func readings(_ text: String) -> [[Int64]] {
        guard case .readings(let r)? = OCRTextRows.readings(text, slots: 7, identities: i3) else { return [] }
        return r
    }

    /// Rulings read as `1` and `4` between zeros: one reading only (the total 0 forces every part to 0).
    @Test func rulingsReadAsDigitsBetweenZeros() {
        #expect(Self.readings("0 01|101010410 0") == [[0, 0, 0, 0, 0, 0, 0]])
        #expect(Self.readings("1 0|10101010 1") == [[1, 0, 0, 0, 0, 0, 1]])
    }

    /// `175` for `|75` beside `71 |1 0 0 0 3`: only 75 makes the row hold.
    @Test func leadingRulingOnTheTotal() {
        #expect(Self.readings("71 |1 0 0 0 3 175") == [[71, 1, 0, 0, 0, 3, 75]])
    }

    /// `o` read for 0, and `lo` for `|0`.
    @Test func letterOForZero() {
        #expect(Self.readings("3 lo lo oh") == [])  // `h` is no ruling: not a value run
        #expect(Self.readings("5 |o lo lo 0 0 5") == [[5, 0, 0, 0, 0, 0, 5]])
    }

    /// Two readings fit the row (`11 … 11` printed, or `|1 … |1`): both are listed, nothing is chosen.
    @Test func twoReadingsAreBothListed() {
        let r = Self.readings("11 0 0 0 0 0 11")
        #expect(r.count == 2)
        #expect(Set(r) == Set([[11, 0, 0, 0, 0, 0, 11], [1, 0, 0, 0, 0, 0, 1]]))
    }

    /// p01's `0 |o lo |   0   0 |0`: six counts for seven cells, OCR dropped one. With the lost
    /// cell solved from the row identity at each position, every reading is seven zeros.
    @Test func oneCellLostIsSolvedFromTheRowIdentity() {
        #expect(Self.readings("0 |o lo | 0 0 |0") == [])
        guard case .readings(let r)? = OCRTextRows.readings("0 |o lo | 0 0 |0", slots: 7, identities: Self.i3, lostCell: true) else {
            Issue.record("no readings")
            return
        }
        #expect(r == [[0, 0, 0, 0, 0, 0, 0]])
        // p01's `2 |0 | 0 0 0 |2`: the 2 can be any part: several readings, listed, none chosen here.
        guard case .readings(let two)? = OCRTextRows.readings("2 |0 | 0 0 0 |2", slots: 7, identities: Self.i3, lostCell: true) else {
            Issue.record("no readings")
            return
        }
        #expect(two.count > 1)
        #expect(two.contains([2, 0, 0, 0, 0, 0, 2]))
    }

    @Test func lostCellPositions() {
        // The lost cell a zero part (at any of three places) or the total.
        #expect(Set(OCRTextRows.withLostCell([1, 2, 3], slots: 4, identities: [RowIdentity(parts: [0, 1, 2], total: 3)])) == Set([[0, 1, 2, 3], [1, 0, 2, 3], [1, 2, 0, 3], [1, 2, 3, 6]]))
        #expect(Set(OCRTextRows.withLostCell([1, 0, 3], slots: 4, identities: [RowIdentity(parts: [0, 1, 2], total: 3)])) == Set([[2, 1, 0, 3], [1, 2, 0, 3], [1, 0, 2, 3], [1, 0, 3, 4]]))
        // A negative count is never a reading.
        #expect(OCRTextRows.withLostCell([5, 0, 3], slots: 4, identities: [RowIdentity(parts: [0, 1, 2], total: 3)]) == [[5, 0, 3, 8]])
    }

    /// A label or a mark in the run: not an OCR value run at all.
    @Test func nonValueRunsAreRefused() {
        #expect(OCRTextRows.readings("0 工 0", slots: 7, identities: Self.i3) == nil)
        #expect(OCRTextRows.readings("||", slots: 7, identities: Self.i3) == nil)
    }

    /// A very long run stays bounded: the search stops and reports too many.
    @Test func longRunIsBounded() {
        let run = String(repeating: "1", count: 200)
        #expect(OCRTextRows.readings(run, slots: 7, identities: Self.i3) == .tooMany)
        // Far longer than any row: refused before the search.
        #expect(OCRTextRows.readings(String(repeating: "10", count: 5_000), slots: 7, identities: Self.i3) == .tooMany)
    }

    /// In a table: the row whose rulings were read as digits is settled (all zeros, inferred,
    /// `ocr_inferred`); a row whose OCR text reads three ways that fit its identity, none within the
    /// column totals, stays null with `ocr_doubtful`.
    @Test func ambiguousRowStaysNullInTheTable() throws {
        let text = """
            2023年某县人民政府政府信息公开工作年度报告
            三、收到和处理政府信息公开申请情况
            一、本年新收政府信息公开申请数量  5 |0  0  0  0  0 |5
            二、上年结转政府信息公开申请数量  0 |0  0  0  0  0 |0
            (一) 予以公开  5 |0  0  0  0  0 |5
            (四) 无 |1.本机关不掌握相关政府信息   18 |1  0  0  0  0 119
            (七) 总计  5 |0  0  0  0  0 |5
            四、结转下年度继续办理  0  01|101010410  0
            四、政府信息公开行政复议、行政诉讼情况
            """
        let r = try ReportExtractor().extract(bytes: Array(text.utf8), path: "mini.txt")
        for c in ApplicationsLayout.columns {
            let cell = r.cells.first { $0.key == "applications.carried_forward.\(c)" }
            #expect(cell?.value == DecimalNumber(0), "carried_forward.\(c)")
            #expect(cell?.kind == .inferred, "carried_forward.\(c)")
            #expect(r.value("applications.unable.not_held.\(c)") == nil, "not_held.\(c)")
        }
        #expect(r.diagnostics.contains { $0.code == "ocr_inferred" && $0.message.contains("结转下年度") })
        // The first reading's word that the row was left null no longer holds and is gone.
        #expect(!r.diagnostics.contains { ["row_short", "row_missing", "cell_missing"].contains($0.code) && $0.message.contains("结转下年度") })
        // Its three readings (18 1 … 19, 8 1 … 9, 8 … 1 9) all exceed the column totals (（七）总计 5 |0 … |5): none is kept.
        #expect(r.diagnostics.contains { $0.code == "ocr_doubtful" && $0.message.contains("不掌握") && $0.message.contains("column totals") })
    }

    /// The tesseract text of hongze-2023 (rulings read as 1 and 4 in most rows): more rows read,
    /// none wrong.
    @Test func hongzeOCRTextHasNoWrongValue() throws {
        let r = try DegradedTextTests.converted("tesseract/hongze-2023.txt")
        #expect(try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("tesseract/hongze-2023.gold.json")).isEmpty)
        // `0   01|101010410   0`: seven zeros.
        for c in ApplicationsLayout.columns {
            #expect(r.value("applications.carried_forward.\(c)") == DecimalNumber(0), "carried_forward.\(c)")
        }
        // `1   0|10101010   1` holds as `1 = 1`: its zeros are confirmed by the row, its 1s by the
        // column identity I2, assessable since the second look read every result row.
        #expect(r.value("applications.denied.enforcement_files.commercial_enterprise") == DecimalNumber(0))
        #expect(r.value("applications.denied.enforcement_files.total") == DecimalNumber(1))
    }
}
