import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// Issue 11: Table 二 sub-tables whose values tesseract wrote under their column headers, apart
/// from the row labels (Corpus/converted/tesseract/p04-2022-borderless, p01-2021-ruled-vertical).
@Suite struct DetachedSubTablesTests {
    /// p04's Table 二 as tesseract wrote it: the labels of （五）（六）（八） as one block, then each
    /// sub-table's header with its values. The 0 under the first 本年处理决定数量 is 行政许可's (it
    /// was taken for 行政事业性收费's, the label just before it); 5 and 0 are 处罚 and 强制.
    static func text(penalty: String = "5", fees: String = "0") -> String {
        """
        2022年某区人民政府政府信息公开工作年度报告
        二、主动公开政府信息情况
        第二十条第(一 ) 项
        信息内                                       本年制发件数                      本年废止件数                      现行有效件数
        规章                                           0                                          0                                          0

        行政规范性文件
        第二十条第 (五 ) 项
        信息内容

        行政许可
        第二十条第(六 ) 项
        信息内容

        行政处罚

        行政强制
        第二十条第(八) 项
        信息内容

        行政事业性收费

        本年处理决定数量
        0

        本年处理决定数量
        \(penalty)
        0

        本年收费金额 ( 单位: 万元 )

        \(fees)

        三、收到和处理政府信息公开申请情况
        """
    }

    @Test func headerBlocksTakeTheirSubTables() throws {
        let r = try TestSupport.extract(Self.text(penalty: "5", fees: "0"))
        #expect(r.value("active_disclosure.licensing.decisions") == DecimalNumber(0))
        #expect(r.value("active_disclosure.penalty.decisions") == DecimalNumber(5))
        #expect(r.value("active_disclosure.coercion.decisions") == DecimalNumber(0))
        #expect(r.value("active_disclosure.fees.amount") == DecimalNumber(0))
        #expect(r.value("active_disclosure.normative_documents.issued") == nil)
        #expect(r.diagnostics.contains { $0.code == "values_detached" && $0.message.hasPrefix("Table 二") })
    }

    /// The fee block holds 7.5: the fee is 7.5 (not the 0 printed under 本年处理决定数量 that the label
    /// just before it would take).
    @Test func theFeeIsTheFeeBlocksValue() throws {
        let r = try TestSupport.extract(Self.text(penalty: "5", fees: "7.5"))
        #expect(r.value("active_disclosure.fees.amount") == DecimalNumber(units: 75, scale: 1))
        #expect(r.value("active_disclosure.licensing.decisions") == DecimalNumber(0))
    }

    /// The second 本年处理决定数量 block with one value only: it fits （五） as well as nothing in
    /// （六）, but then the first block has no place; no assignment fits every block, nothing is moved.
    @Test func blocksThatDoNotFitMoveNothing() throws {
        let text = Self.text().replacingOccurrences(of: "本年处理决定数量\n5\n0", with: "本年处理决定数量\n5")
        #expect(text != Self.text())
        let r = try TestSupport.extract(text)
        #expect(r.value("active_disclosure.penalty.decisions") == nil)
        #expect(r.value("active_disclosure.coercion.decisions") == nil)
        #expect(!r.diagnostics.contains { $0.code == "values_detached" })
    }

    /// p01: the 规章 label lost, its values right under the header; 规范性文件 read on its own line
    /// below: the line is 规章's.
    @Test func valueLineUnderTheHeaderIsTheFirstRow() throws {
        let r = try DegradedTextTests.converted("tesseract/p01-2021-ruled-vertical.txt")
        for c in ["issued", "repealed", "in_force"] { #expect(r.value("active_disclosure.rules.\(c)") == DecimalNumber(0), "\(c)") }
        #expect(r.value("active_disclosure.normative_documents.issued") == DecimalNumber(5))
    }

    @Test func p04TesseractTextTable2() throws {
        let r = try DegradedTextTests.converted("tesseract/p04-2022-borderless.txt")
        #expect(r.value("active_disclosure.penalty.decisions") == DecimalNumber(5))
        #expect(r.cells.first { $0.key == "active_disclosure.fees.amount" }?.at == .line(69))
        #expect(!r.diagnostics.contains { $0.code == "row_duplicate" && $0.message.hasPrefix("Table 二") })
    }
}
