import Foundation
import Testing

@testable import Nianbao
@testable import NianbaoCore

/// The interpreter's and the JSON writer's byte shortcuts (session 12) must answer as the plain
/// readings they stand for: each is checked here against that reading, on the committed reports and
/// on crafted texts.
@Suite struct GlueShortcutTests {
    /// Every committed text and HTML report, extracted.
    static let reports: [Report] = ReportJSONWriterTests.inputs.filter { $0.contains("/Corpus/text/") || $0.contains("/Corpus/html/") }
        .compactMap { try? ReportExtractor().extract(file: $0) }

    static let craftedSegments = [
        "", "微信", "大", "中", "小", "打印", "关闭窗口", "【打印】", "[打印]", "[大", "小]", "-->", "<--", "QQ空间", "分享到:",
        "分享到：", "字号：大中小", "来源:本站", "来源：本站", "时间:2022-02-08", "发布时间2022", "当前位置：首页>政务公开", "首页政务公开年报",
        "首页政务公开。年报", "首页" + String(repeating: "长", count: 70), "首页" + String(repeating: "长", count: 57), "2022-02-08", "16:34",
        "2022/02/08", "2022-02-08 16:34", "12", "-", ":", "2022-02-08x", "２０２２－０２－０８", "大\u{301}", "打印\u{301}", "e\u{301}",
        "Ｑ Ｑ空间", "\u{2F24}", "\u{F900}", "打\t印", "关闭 窗口", "首页、政务", "首页「政务」", "〈--", "--〉", "微信\u{200B}",
        "作者:张三", "作者", "点击数：12", "浏览次数:3", "关闭。", "2022年", "政府信息公开工作年度报告",
    ]

    /// ``RunTogetherText/isFurnitureKey(plainBytes:)``, where it decides, answers as the Character
    /// reading: on every row and space-separated word of the committed reports and on crafted texts.
    @Test func furnitureOnPlainBytesAsOnCharacters() throws {
        var texts = Self.craftedSegments
        for rows in try OutlineShortcutTests.corpusDocuments() {
            for row in rows {
                texts.append(row.text)
                texts += row.text.split(separator: " ").map(String.init)
            }
        }
        var decided = 0
        for text in texts {
            let k = TextNormalizer.matchKey(text)
            let plain = RunTogetherText.isFurnitureKey(k)
            if let fast = k.utf8.withContiguousStorageIfAvailable(RunTogetherText.isFurnitureKey(plainBytes:)), let answer = fast {
                #expect(answer == plain, "\(text)")
                decided += 1
            }
            #expect(RunTogetherText.isFurniture(text) == plain, "\(text)")
        }
        #expect(decided > texts.count / 2)
    }

    /// ``TablesShape/match(_:)`` finds the slots the loop over ``TablesShape/slot(of:after:)``
    /// finds, and a key slot only where the cell's key has that slot key's bytes.
    @Test func tablesMatchAsTheSlotLoop() {
        var reports = Self.reports
        #expect(reports.count >= 20)
        // Cells out of order, an unknown key, and a key equal to an expected one in another spelling.
        if var r = reports.first(where: { $0.cells.count > 10 }) {
            r.cells.swapAt(1, 5)
            reports.append(r)
            r.cells[3].key = "no.such.key"
            reports.append(r)
        }
        for r in reports {
            guard let v = ExpectedKeys.variant(for: r) else { continue }
            let shape = TablesShape.variants[v]
            let match = shape.match(r.cells)
            var values = [DecimalNumber?](repeating: nil, count: shape.slots.count)
            var complete = true
            var next = 0
            for (i, c) in r.cells.enumerated() {
                guard let slot = shape.slot(of: c.key, after: next) else { complete = false; break }
                values[slot] = c.value
                next = slot + 1
                if match.keySlots[i] >= 0 {
                    #expect(match.keySlots[i] == slot)
                    let bytes = shape.keyBytes[shape.keyStarts[slot]..<shape.keyStarts[slot + 1]]
                    #expect(Array(bytes) == Array(c.key.utf8))
                }
            }
            #expect(match.complete == complete)
            #expect(match.values == values)
            #expect(shape.keysNeedNoEscape)
        }
    }

    /// ``ExpectedKeys/variant(for:)`` picks the list the String reading picks.
    @Test func expectedKeysVariantAsOnStrings() {
        for r in Self.reports {
            let plain: [String]
            switch r.generation {
            case .legacy, .unknown: plain = r.cells.map(\.key)
            case .g2019, .g2021:
                let other = r.cells.map(\.key).filter { $0.hasPrefix("applications.other.") }
                let otherTotal = other.contains { $0.hasPrefix("applications.other.total.") }
                let otherPart = other.contains { !$0.hasPrefix("applications.other.total.") }
                let split = otherPart || (r.generation == .g2021 && !otherTotal)
                plain = ExpectedKeys.variants[r.generation == .g2019 ? (split ? 1 : 0) : (split ? 3 : 2)]
            }
            #expect(ExpectedKeys.keys(for: r) == plain)
        }
    }

    /// ``PageFurniture/mayStartPageNumber(_:)`` holds of every page number: of each scalar of the
    /// Basic Multilingual Plane and of U+1xxxx first (alone and before a digit, a dash and 页),
    /// and of the corpus rows.
    @Test func pageNumberQuickTestHoldsOfEveryPageNumber() throws {
        var texts: [String] = []
        for v in UInt32(1)..<0x1_0000 + 0x100 {
            guard let s = Unicode.Scalar(v) else { continue }
            texts += [String(s), "\(s)4", "\(s)4\(s)", "\(s) 5 页", "\(s)4/5"]
        }
        for rows in try OutlineShortcutTests.corpusDocuments() { texts += rows.map(\.text) }
        var pageNumbers = 0
        for t in texts where PageFurniture.isPageNumber(t) {
            pageNumbers += 1
            #expect(PageFurniture.mayStartPageNumber(t), "\(t)")
        }
        // Many first scalars and page numbers of the corpus were tried (not a test of nothing).
        #expect(pageNumbers > 50)
        #expect(!PageFurniture.mayStartPageNumber("") && !PageFurniture.mayStartPageNumber("本") && !PageFurniture.mayStartPageNumber(String(repeating: "1", count: 41)))
    }

    /// The interpreter's row shortcuts answer as the String readings: the page-number filter,
    /// the 告 search (``String/includes(_:)`` in the text's storage) and the first scalar of ``PageFurniture/isPageNumber(_:)``.
    @Test func rowShortcutsAsOnStrings() throws {
        let crafted = ["", "告", "报告", "年度报", "告x", "x告", "\u{8A}", "-4-", "— 5 —", "第4页", "4/5", "é", "\u{301}", "𠀀告", "告\u{301}"]
        var documents = try OutlineShortcutTests.corpusDocuments()
        documents.append(crafted.map { GridRow(cells: [GridCell(text: $0, at: .line(1))], text: $0, at: .line(1)) })
        for rows in documents {
            let plain = rows.filter { !PageFurniture.isPageNumber($0.text) }
            #expect(ReportInterpreter.withoutPageNumbers(rows).map(\.text) == plain.map(\.text))
            for row in rows {
                // `includes` searches in place: a whole scalar's bytes are there where the scalar is.
                #expect(row.text.includes("告") == row.text.unicodeScalars.contains("告"), "\(row.text)")
                #expect(PageFurniture.firstScalar(row.text) == row.text.unicodeScalars.first?.value, "\(row.text)")
            }
        }
    }

    /// ``TitleFinder/holdsStopOrBreadcrumbMark(_:)`` answers as the searches it stands for, and
    /// ``TitleFinder/isTitleLike(_:)`` as its reading with them.
    @Test func titleMarksInOnePass() throws {
        var texts = Self.craftedSegments + ["标题。", "a:b", "a>b", "首页＞政务", "a»b", "a›b", "，", "：x", "»", "\u{C2}", "x\u{2039}", "ab\u{E3}"]
        for rows in try OutlineShortcutTests.corpusDocuments() { texts += rows.map(\.text) }
        for t in texts {
            let plain =
                t.includes("。") || t.includes("，") || t.includes("：") || t.includesByte(0x3A) || t.includesByte(0x3E) || t.includes("＞")
                || t.includes("»") || t.includes("›")
            #expect(t.utf8.withContiguousStorageIfAvailable(TitleFinder.holdsStopOrBreadcrumbMark) == plain, "\(t)")
            let bytes = t.utf8.count
            let plainTitleLike =
                (bytes <= 48 || (bytes <= 192 && t.scalarCount <= 48)) && !t.includes("。") && !t.includes("，") && !t.includes("：")
                && !t.includesByte(0x3A) && !HeadingTokenizer.startsWithMarker(t) && !TitleFinder.isBreadcrumb(t)
            #expect(TitleFinder.isTitleLike(GridRow(cells: [], text: t, at: .line(1))) == plainTitleLike, "\(t)")
        }
    }

    /// ``ReportIdentifier/lastSlash(_:)`` finds the `/` Character `lastIndex(of:)` finds.
    @Test func lastSlashAsOnCharacters() {
        let paths = [
            "", "/", "a", "/a", "a/", "a/b/c.txt", "/work/main/Corpus/text/t01.txt", "a/b/\u{301}c", "a/\u{600}/b", "\u{600}/b", "a/\u{301}",
            "年报/2021/报告.txt", "年报/报告", "a//b", "./x", "../", "x/é/y", "x/e\u{301}/y", "\r/\n", "a\u{200D}/b",
        ]
        for p in paths {
            #expect(ReportIdentifier.lastSlash(p) == p.lastIndex(of: "/"), "\(p)")
        }
    }

    /// ``MetadataReader/firstYear(_:)`` finds the year (and its place) of the Character reading.
    @Test func firstYearAsOnCharacters() throws {
        var texts = [
            "2023年", "2023 年", "2023  年度", "保定市2023年政府信息公开工作年度报告", "二〇二三年", "2一23年", "2023一年", "２０２３年", "12023年",
            "20231年", "1989年", "2101年", "2100年", "1990年", "abc2021年度", "2021", "2021 ", "2021x年", "2021\u{301}年", "2021年\u{301}",
            "（2022年）", "《2022年》", "2022年〇", "2〇22年", "2022〇年", "1 2022年", "22022 2023年", "2022\t年", "2022、年", "",
        ]
        for rows in try OutlineShortcutTests.corpusDocuments() { texts += rows.map(\.text) }
        for r in Self.reports { texts.append(r.preface) }
        for t in texts {
            let plain = MetadataReader.firstYearOnCharacters(t)
            let fast = MetadataReader.firstYear(t)
            #expect(fast?.year == plain?.year, "\(t)")
            #expect(fast?.start.utf16Offset(in: t) == plain?.start.utf16Offset(in: t), "\(t)")
            #expect(fast?.end.utf16Offset(in: t) == plain?.end.utf16Offset(in: t), "\(t)")
            if let fast {
                #expect(String(t[..<fast.start]) == String(t[..<plain!.start]), "\(t)")
                #expect(String(t[fast.end...]) == String(t[plain!.end...]), "\(t)")
            }
        }
    }

    /// The agency's trim answers as the character set's trim, on every report's title and on texts
    /// starting or ending with the marks, their neighbours, combining marks and surrogate pairs.
    @Test func openingMarksTrimAsTheCharacterSet() {
        var texts = Self.craftedSegments + ["（", "（某局", "某局（", "(某局)", "《某局》", "“某局”", "\"某局\"", "（（某局", "某（局", "）某局"]
        texts += ["\u{301}（", "（\u{301}", "某局\u{301}", "𠀀某局", "某局𠀀", " 某局 ", "（ 某局", "”某局", "‘某局"]
        for report in Self.reports { texts += [report.title ?? "", report.agency ?? ""] }
        for text in texts {
            #expect(Array(MetadataReader.trimmingOpeningMarks(text).utf8) == Array(text.trimmingCharacters(in: "（(《“\"").utf8), "\(text)")
        }
    }

    /// ``Outline/hasSpan(_:)`` answers as ``Outline/span(_:)``.
    @Test func hasSpanAsSpan() throws {
        for rows in try OutlineShortcutTests.corpusDocuments() {
            for legacy in [false, true] {
                let outline = OutlineBuilder(rows: rows).build(legacy: legacy)
                for key in Section.Key.allCases { #expect(outline.hasSpan(key) == (outline.span(key) != nil)) }
            }
        }
    }
}
