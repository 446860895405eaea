import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Reads inline HTML (UTF-8) with the HTML reader.
private func read(_ html: String, path: String = "test.html") throws -> SourceDocument {
    try HTMLReader().read(data: Array(html.utf8), path: path)
}

private func page(_ body: String) -> String {
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>\(body)</body></html>"
}

private func tableRows(_ doc: SourceDocument, table: Int = 0) -> [GridRow] {
    doc.grid.rows.filter { $0.table == table }
}

@Suite struct HTMLReaderTests {
    @Test func colspanAndRowspanGiveStartingColumns() throws {
        let doc = try read(
            page(
                """
                <table>
                  <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系）</td><td colspan="7">申请人情况</td></tr>
                  <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
                  <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
                  <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td><td>2</td></tr>
                  <tr><td colspan="2">（二）部分公开</td><td>3</td></tr>
                </table>
                """))
        let rows = tableRows(doc)
        #expect(rows.count == 5)
        #expect(rows[0].cells.map(\.column) == [0, 3])
        #expect(rows[1].cells.map(\.column) == [3, 4, 9])
        #expect(rows[2].cells.map(\.column) == [4, 5, 6, 7, 8])
        #expect(rows[3].cells.map(\.column) == [0, 1, 3, 4])
        // The rowspan=2 label occupies column 0 of the next row, which is not repeated.
        #expect(rows[4].cells.map(\.column) == [1, 3])
        #expect(rows[4].cells[0].text == "（二）部分公开")
        #expect(rows[4].cells[1].at == .table(0, row: 4, column: 3))
        #expect(rows[4].at == .table(0, row: 4, column: 0))
        #expect(rows[0].startsParagraph && !rows[1].startsParagraph)
    }

    @Test func headerAndDataRowsWithDifferentColspans() throws {
        let doc = try read(
            page(
                """
                <table><tr><td>信息内容</td><td>本年新<br />制作数量</td><td colspan="2">本年新<br/>公开数量</td><td>对外公开总数量</td></tr>
                <tr><td>行政许可</td><td colspan="2">0</td><td>0</td><td>5</td></tr></table>
                """))
        let rows = tableRows(doc)
        #expect(rows[0].cells.map(\.column) == [0, 1, 2, 4])
        #expect(rows[1].cells.map(\.column) == [0, 1, 3, 4])
        #expect(rows[0].cells[1].text == "本年新 制作数量")
        #expect(rows[1].text == "行政许可 0 0 5")
    }

    @Test func nbspCellsAreBlank() throws {
        let doc = try read(
            page(
                """
                <table><tr><td><p>一、本年新收政府信息公开申请数量</p></td><td><p>821</p></td><td>&nbsp;</td>
                <td><p align="center">&nbsp;</p></td><td>  \n </td><td></td><td>2</td></tr></table>
                """))
        let row = try #require(tableRows(doc).first)
        #expect(row.cells.map(\.text) == ["一、本年新收政府信息公开申请数量", "821", "", "", "", "", "2"])
        #expect(row.text == "一、本年新收政府信息公开申请数量 821 2")
    }

    @Test func brSplitsProseLinesAndIsASpaceInCells() throws {
        let doc = try read(page("<p>第一行<br>第二行</p><p>第三段</p><table><tr><td>本年<br>新收</td><td>1</td></tr></table>"))
        let prose = doc.grid.rows.filter { $0.table == nil }
        #expect(prose.map(\.text) == ["第一行", "第二行", "第三段"])
        #expect(prose.map(\.startsParagraph) == [true, false, true])
        #expect(tableRows(doc)[0].cells[0].text == "本年 新收")
    }

    @Test func gbkPageDeclaredInMeta() throws {
        // "一、本年新收" in GBK.
        let gbk: [UInt8] = [0xD2, 0xBB, 0xA1, 0xA2, 0xB1, 0xBE, 0xC4, 0xEA, 0xD0, 0xC2, 0xCA, 0xD5]
        let head = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>".utf8)
        let tail = Array("</p></body></html>".utf8)
        let doc = try HTMLReader().read(data: head + gbk + tail, path: "gbk.html")
        #expect(doc.encoding == "GB18030")
        #expect(doc.grid.rows.map(\.text) == ["一、本年新收"])

        // The same bytes without a declaration: not UTF-8, so GB18030.
        let bare = try HTMLReader().read(data: Array("<p>".utf8) + gbk + Array("</p>".utf8), path: "bare.html")
        #expect(bare.encoding == "GB18030")
        #expect(bare.grid.rows.map(\.text) == ["一、本年新收"])

        // <meta charset=gbk> on a page whose bytes are really UTF-8 is read as UTF-8.
        let mislabelled = try HTMLReader().read(data: Array("<meta charset=gbk><p>一、本年新收</p>".utf8), path: "m.html")
        #expect(mislabelled.encoding == "UTF-8")
        #expect(mislabelled.grid.rows.map(\.text) == ["一、本年新收"])
    }

    @Test func byteOrderMarks() throws {
        let utf8 = try HTMLReader().read(data: [0xEF, 0xBB, 0xBF] + Array("<p>总体情况</p>".utf8), path: "bom.html")
        #expect(utf8.encoding == "UTF-8")
        #expect(utf8.grid.rows.map(\.text) == ["总体情况"])
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<p>总体情况</p>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let doc16 = try HTMLReader().read(data: utf16, path: "bom16.html")
        #expect(doc16.encoding == "UTF-16LE")
        #expect(doc16.grid.rows.map(\.text) == ["总体情况"])
    }

    @Test func wordSpanSoupConcatenatesRuns() throws {
        let doc = try read(
            page(
                """
                <p class=MsoNormal><span lang=EN-US style='font-size:12.0pt'>2</span><span
                lang=EN-US>0</span><span style='font-family:宋体'>19</span><span
                style='font-family:宋体'>年，本机关共收到申请</span><b><span lang=EN-US>1</span></b><span
                lang=EN-US>2</span><span>件。<o:p></o:p></span></p>
                <p class=MsoNormal><span><o:p>&nbsp;</o:p></span></p>
                <table class=MsoTableGrid><tr><td><p class=MsoNormal><span>一、本年新收</span><span>政府信息公开申请数量<o:p></o:p></span></p></td>
                <td><p class=MsoNormal align=center><span lang=EN-US>8</span><span lang=EN-US>5</span><span lang=EN-US>9<o:p></o:p></span></p></td></tr></table>
                """))
        #expect(doc.grid.rows.filter { $0.table == nil }.map(\.text) == ["2019年，本机关共收到申请12件。"])
        #expect(tableRows(doc)[0].cells.map(\.text) == ["一、本年新收政府信息公开申请数量", "859"])
    }

    @Test func sourceLineWrapsBetweenChineseAreNotSpaces() throws {
        let doc = try read(page("<p>本年度报告根据\n    《条例》编制 and\nEnglish words</p>"))
        #expect(doc.grid.rows.map(\.text) == ["本年度报告根据《条例》编制 and English words"])
    }

    @Test func nestedLayoutTablesOnlyLeafTableIsData() throws {
        let doc = try read(
            page(
                """
                <table width="100%"><tr><td>
                  <table><tr><td><p>某局2023年政府信息公开工作年度报告</p></td></tr></table>
                  <table><tr><td><p>一、总体情况</p><p>正文。</p>
                    <table border="1"><tr><td>规章</td><td>1</td><td>2</td></tr>
                    <tr><td>行政规范性文件</td><td>&nbsp;</td><td>3</td></tr></table>
                  </td><td>侧栏</td></tr></table>
                </td></tr></table>
                """))
        let tables = Set(doc.grid.rows.compactMap(\.table))
        #expect(tables == [0])
        #expect(tableRows(doc).map(\.text) == ["规章 1 2", "行政规范性文件 3"])
        let prose = doc.grid.rows.filter { $0.table == nil }.map(\.text)
        #expect(prose.starts(with: ["某局2023年政府信息公开工作年度报告", "一、总体情况", "正文。"]))
    }

    @Test func scriptsStylesNavigationAndChromeAreLeftOut() throws {
        let doc = try read(
            page(
                """
                <header><div class="logo">某市人民政府门户网站</div></header>
                <nav><ul><li>首页</li><li>政务公开</li></ul></nav>
                <div class="crumb">当前位置：首页 &gt; 政务公开</div>
                <script>var x = "一、总体情况";</script><style>p { color: red }</style>
                <div class="article">
                  <h1>某局2023年政府信息公开工作年度报告</h1>
                  <div class="content">
                    <p>一、总体情况</p><p>正文。</p>
                    <p>二、主动公开政府信息情况</p>
                    <table><tr><td>规章</td><td>1</td></tr></table>
                    <p>六、其他需要报告的事项</p><p>无。</p>
                  </div>
                </div>
                <div class="share">分享到：微信</div>
                <footer>版权所有</footer>
                """))
        #expect(
            doc.grid.rows.map(\.text) == [
                "某局2023年政府信息公开工作年度报告", "一、总体情况", "正文。", "二、主动公开政府信息情况",
                "规章 1", "六、其他需要报告的事项", "无。",
            ])
    }

    @Test func pageWithoutReportKeepsBody() throws {
        let doc = try read(page("<header>站点</header><p>页面不存在</p><script>x()</script>"))
        #expect(doc.grid.rows.map(\.text) == ["页面不存在"])
        #expect(doc.diagnostics.contains { $0.code == "html_no_report_body" })
    }

    @Test func twentyThousandNestedTables() throws {
        let depth = 20_000
        let html =
            String(repeating: "<table><tr><td>", count: depth) + "一、总体情况"
            + String(repeating: "</td></tr></table>", count: depth)
        let start = ContinuousClock.now
        let doc = try read(html)
        #expect(doc.grid.rows.map(\.text) == ["一、总体情况"])
        #expect(ContinuousClock.now - start < .seconds(20))
        // Unclosed, too.
        _ = try? read(String(repeating: "<table><tr><td><div>", count: depth) + "x")
    }

    @Test func textDeeperThanLibxml2sDefaultLimitIsKept() throws {
        // 300 unclosed <font>/<div> pairs (messy CMS output) must not cut the report off.
        let html =
            "<p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p>"
            + String(repeating: "<div><font>", count: 300) + "<p>二、主动公开政府信息情况</p>"
            + "<table><tr><td>规章</td><td>7</td></tr></table><p>六、其他需要报告的事项</p>"
        let doc = try read(html)
        #expect(
            doc.grid.rows.map(\.text) == [
                "某局2023年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况", "规章 7", "六、其他需要报告的事项",
            ])
    }

    @Test func wordDownlevelConditionalsAreDropped() throws {
        let doc = try read(
            page(
                """
                <p class=MsoListParagraph><![if !supportLists]><span>1.<span style='font:7.0pt'>&nbsp;&nbsp; </span></span><![endif]><span>加强学习</span></p>
                """))
        #expect(doc.grid.rows.map(\.text) == ["1. 加强学习"])
    }

    @Test func titleOnlyInHeadIsPutFirst() throws {
        let html =
            "<html><head><title>某局2023年政府信息公开工作年度报告_政务公开_某市人民政府</title></head><body>"
            + "<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p></body></html>"
        let doc = try read(html)
        #expect(doc.grid.rows.map(\.text) == ["某局2023年政府信息公开工作年度报告", "一、总体情况", "正文。", "二、主动公开政府信息情况"])
        #expect(doc.diagnostics.contains { $0.code == "html_title_from_head" })
    }

    @Test func captionAndOneColumnAndArticleTables() throws {
        let longText = String(repeating: "正文内容。", count: 120)
        let doc = try read(
            page(
                """
                <table><tr><td><p>某局2023年政府信息公开工作年度报告</p></td></tr></table>
                <table><tr><td width="10"></td><td><p>一、总体情况</p><p>\(longText)</p><p>二、主动公开政府信息情况</p></td></tr></table>
                <table><caption>表一</caption><tr><th>信息内容</th><th>本年制发件数</th></tr><tr><td>规章</td><td>3</td></tr></table>
                """))
        #expect(
            doc.grid.rows.map(\.text) == [
                "某局2023年政府信息公开工作年度报告", "一、总体情况", longText, "二、主动公开政府信息情况", "表一", "信息内容 本年制发件数", "规章 3",
            ])
        #expect(doc.grid.rows.compactMap(\.table) == [0, 0])
    }

    @Test func xhtmlDeclarationNamesTheEncoding() throws {
        let gbk: [UInt8] = [0xD2, 0xBB, 0xA1, 0xA2, 0xB1, 0xBE, 0xC4, 0xEA, 0xD0, 0xC2, 0xCA, 0xD5]
        let bytes = Array("<?xml version=\"1.0\" encoding=\"GBK\"?><html><body><p>".utf8) + gbk + Array("</p></body></html>".utf8)
        let doc = try HTMLReader().read(data: bytes, path: "x.xhtml")
        #expect(doc.encoding == "GB18030")
        #expect(doc.grid.rows.map(\.text) == ["一、本年新收"])
    }

    @Test func unclosedTagsAndEmptyTables() throws {
        let doc = try read("<html><body><p>一、总体情况<p>正文<div><table></table><table><tr></tr></table><table><tr><td>规章<td>1<tr><td>规范性文件<td>2</table><p>尾")
        #expect(doc.grid.rows.filter { $0.table == nil }.map(\.text) == ["一、总体情况", "正文", "尾"])
        #expect(tableRows(doc).map { $0.cells.map(\.text) } == [["规章", "1"], ["规范性文件", "2"]])
        #expect(tableRows(doc)[1].at == .table(0, row: 1, column: 0))
    }

    @Test func hostileSpansStayCheap() throws {
        let row = String(repeating: "<td colspan=\"1000\" rowspan=\"65534\">1</td>", count: 50)
        let html = "<table>" + String(repeating: "<tr>\(row)</tr>", count: 400) + "</table>"
        let start = ContinuousClock.now
        let doc = try read(html)
        #expect(!doc.grid.rows.isEmpty)
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func emptyAndJunkInput() throws {
        #expect(throws: ExtractError.self) { try HTMLReader().read(data: [], path: "e.html") }
        do {
            _ = try HTMLReader().read(data: [], path: "e.html")
        } catch {
            #expect(error.code == .empty)
            #expect(error.path == "e.html")
        }
        do {
            _ = try HTMLReader().read(data: Array("  \n\t ".utf8), path: "ws.html")
            Issue.record("whitespace-only input should throw")
        } catch {
            #expect(error.code == .empty)
        }
        do {
            var junk: [UInt8] = []
            var x: UInt32 = 12345
            for _ in 0..<4096 { x = x &* 1_103_515_245 &+ 12345; junk.append(UInt8(truncatingIfNeeded: x >> 16)) }
            _ = try HTMLReader().read(data: junk, path: "junk.bin")
            Issue.record("binary input should throw")
        } catch {
            #expect(error.code == .undecodable)
        }
    }

    @Test func sectionHeadingInTheTablesFirstRowIsProse() throws {
        let doc = try read(
            page(
                """
                <table border="1"><tr><td colspan="3">三、收到和处理政府信息公开申请情况</td></tr>
                <tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>2</td></tr></table>
                """))
        #expect(doc.grid.rows.map(\.table) == [nil, 0])
        #expect(doc.grid.rows.map(\.text) == ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 1 2"])
        #expect(doc.grid.rows[1].startsParagraph)
        #expect(doc.grid.rows[1].at == .table(0, row: 1, column: 0))
    }
}
