import Foundation
import Testing
@testable import NianbaoCore

/// Tables that converters write into text with markup or drawn with characters (pandoc's
/// markdown and plain text): each row becomes one line of tab-separated cells, blanks kept.
/// Read as plain text they gave wrong numbers (`<td colspan="2">` read as a 2; a wrapped label
/// taking the next row's values; blank cells closing up).
@Suite struct TextTableShapesTests {
    @Test func htmlTableRowsInMarkdown() {
        let md = """
            **2019年报告**

            <table>
            <tr class="odd">
            <td><p>规章</p></td>
            <td colspan="2"><p>9</p></td>
            <td><p>&nbsp;</p></td>
            <td><p>136</p></td>
            </tr>
            <tr><td>本年新<br />
            制作数量</td><td>-3</td></tr>
            </table>
            """
        #expect(EmbeddedHTMLText.hasMarkup(md))
        let lines = EmbeddedHTMLText.plain(md).components(separatedBy: "\n")
        #expect(lines.count == md.components(separatedBy: "\n").count, "line numbers still point into the file")
        #expect(lines[0] == "**2019年报告**")
        #expect(lines[3] == "规章\t9\t\t136")
        #expect(lines[9] == "本年新制作数量\t-3")
        #expect(!lines.joined().contains("colspan"))
    }

    @Test func wordSpansAreRemoved() {
        let md = "| 行政处罚 | <span lang=\"EN-US\">1</span><span lang=\"EN-US\">4</span> |\n**<span\nstyle=\"font-family:宋体\">三、收到</span>**"
        #expect(EmbeddedHTMLText.hasMarkup(md))
        // a tag broken over two lines: the text after it stays on its own line
        #expect(EmbeddedHTMLText.plain(md) == "| 行政处罚 | 14 |\n**\n三、收到**")
        #expect(!EmbeddedHTMLText.hasMarkup("a < b and <tracking> 2"))
    }

    @Test func gridTableRowsJoinTheirLines() {
        let text = """
            +-------------+-------------+-------------+
            | 行政许可    | 12          | -3          |
            +-------------+-------------+-------------+
            | 行政        | 0           |             |
            | 事业性收费  |             |             |
            +-------------+-------------+-------------+
            | 政          | 6           | 251000元    |
            | 府集中采购  |             |             |
            +-------------+-------------+-------------+
            """
        #expect(AlignedTableText.hasTables(text))
        let lines = AlignedTableText.plain(text).components(separatedBy: "\n")
        #expect(lines.count == 9)
        #expect(lines[1] == "行政许可\t12\t-3")
        #expect(lines[3] == "行政事业性收费\t0\t")
        #expect(lines[4] == "" && lines[8] == "")
        #expect(lines[6] == "政府集中采购\t6\t251000元")
    }

    @Test func simpleTableKeepsBlankColumns() {
        // `pandoc -f html -t plain` of a two-row table: a row's text starts in its column (Chinese
        // characters take two), blank cells are spaces or the page's NBSP
        let text = [
            "  ---------------------------------- ------ --- --- ------",
            "  一、本年新收                       1182   8   \u{A0}    1194",
            "  二、上年结转政府信息公开申请数量   46         2   49",
            "  ---------------------------------- ------ --- --- ------",
            "",
            "四、后文",
        ].joined(separator: "\n")
        #expect(AlignedTableText.hasTables(text))
        let lines = AlignedTableText.plain(text).components(separatedBy: "\n")
        #expect(lines[1] == "一、本年新收\t1182\t8\t\t1194")
        #expect(lines[2] == "二、上年结转政府信息公开申请数量\t46\t\t2\t49")
        #expect(lines[0] == "" && lines[3] == "" && lines[5] == "四、后文")
    }

    @Test func plainTextWithoutTablesIsLeftAlone() {
        for t in ["一、总体情况\n- 2 -\n---\n", "a -- b", "+ 3 +"] {
            #expect(!AlignedTableText.hasTables(t), "\(t)")
        }
    }
}
