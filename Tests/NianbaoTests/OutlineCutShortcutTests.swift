import Foundation
import Testing

@testable import NianbaoCore

/// The outline's readings on a row's or a paragraph's bytes in place answer as the token, split
/// and match key Strings they stand for, on every row and paragraph of the committed text and HTML
/// reports and on crafted texts (odd Unicode, spaces, empty rests, long texts).
@Suite struct OutlineCutShortcutTests {
    static let crafted = [
        "一、总体情况", "一、 总体情况", "一、  ", "一、", "二、主动公开政府信息情况", "三、 收到和处理政府信息公开申请情况", "四、本年新收政府信息公开申请",
        "四、结转下年度继续办理", "五、（一）行政复议", "六、存在的主要问题及改进情况", "七、其他需要报告的事项", "一、 总 体 情 况", "一、总体\u{3000}情况",
        "一、ｅ\u{301}总体情况", "一、总体情况\u{212B}", "一、（一）本年新收\u{2460}", "一、\u{301}", "一、 \u{301}总体", "十一、问题。改进", "一．概述",
        "一.\u{200B}概述", "一、\u{FEFF}", "一、𠀀𠮷复议", "一、\u{E000}诉讼", "一、Kelvin\u{212A}", "一、【其他事项】", "一、“问题”", "一、1.5万元",
        "（一）持续推进主动公开。严格执行", "（一） 持续推进主动公开。  严格执行", "(二)其他：说明", "（三）", "（三） ", "（三）。", "（三）：x",
        "（十二）\u{301}标题。正文", "（一）e\u{301}。 x", "（一）" + String(repeating: "长", count: 40), "（一）" + String(repeating: "长", count: 41),
        "（一）" + String(repeating: "长", count: 39) + "。后", "（一）" + String(repeating: "长", count: 40) + "。后", "（ 一 ） 标题", "(一). 标题。正文",
        "（一）、标题：正文", "（一）" + String(repeating: "句子很长但没有句号", count: 300), "1.属于国家秘密", "一，不是", "", " ",
    ]

    /// Every row text of the committed reports, each section's paragraphs, and the crafted texts.
    static func texts() throws -> [String] {
        var texts = crafted
        for rows in try OutlineShortcutTests.corpusDocuments() {
            texts += rows.map(\.text)
            let builder = OutlineBuilder(rows: rows)
            let prose = rows.indices.filter { rows[$0].table == nil }
            texts += builder.joiner.paragraphs(rows, prose, scalarCounts: builder.scalarCounts).map(\.text)
        }
        return texts
    }

    /// ``OutlineBuilder/classifyRest(_:_:)`` answers as the match key of the token's rest asked
    /// both questions (the key asked only of a rest that is no table-row label).
    @Test func restClassifiedAsTheTokensRest() throws {
        var sections = 0
        for text in try Self.texts() {
            guard let (level, n, end) = HeadingTokenizer.marker(text), level == .section else { continue }
            sections += 1
            let token = HeadingTokenizer.make(level, n, text, end)
            #expect(token == HeadingTokenizer.token(text))
            let got = OutlineBuilder.classifyRest(text, end)
            guard !token.rest.isEmpty else {
                #expect(got == nil, "\(text)")
                continue
            }
            let k = TextNormalizer.matchKey(token.rest)
            let isTableRowLabel = SectionClassifier.isTableRowLabel(matchKey: k)
            #expect(got?.isTableRowLabel == isTableRowLabel, "\(text)")
            #expect(got?.key == (isTableRowLabel ? nil : SectionClassifier.key(matchKey: k)), "\(text)")
        }
        #expect(sections >= 50)
    }

    /// ``OutlineBuilder/subsection(_:)`` gives the marker of the subsection token and the split of
    /// its rest, and nothing where the text holds no subsection marker.
    @Test func subsectionAsTheTokenSplit() throws {
        var subsections = 0
        for text in try Self.texts() {
            let got = OutlineBuilder.subsection(text)
            guard let token = HeadingTokenizer.token(text, level: .subsection) else {
                #expect(got == nil, "\(text)")
                continue
            }
            subsections += 1
            let (heading, rest) = OutlineBuilder.splitSubheading(token.rest)
            #expect(got?.marker == token.marker, "\(text)")
            #expect(got.map { Array($0.heading.utf8) } == Array(heading.utf8), "\(text)")
            #expect(got.map { Array($0.rest.utf8) } == Array(rest.utf8), "\(text)")
        }
        #expect(subsections >= 20)
    }

    /// ``OutlineBuilder/paragraphMarker(_:)`` is the marker of the paragraph's text, the one read
    /// in `init` for the first row or read again; and the narratives are made with it as the
    /// plain reading makes them (each paragraph's subsection token, its rest split).
    @Test func paragraphMarkerAsTheTextsMarker() throws {
        func same(_ a: (HeadingToken.Level, Int, Int)?, _ b: (HeadingToken.Level, Int, Int)?) -> Bool {
            a.map { [$0.0.rawValue, $0.1, $0.2] } == b.map { [$0.0.rawValue, $0.1, $0.2] }
        }
        var joined = 0
        for rows in try OutlineShortcutTests.corpusDocuments() {
            let builder = OutlineBuilder(rows: rows)
            let prose = rows.indices.filter { rows[$0].table == nil }
            let paragraphs = builder.joiner.paragraphs(rows, prose, scalarCounts: builder.scalarCounts)
            for p in paragraphs {
                #expect(same(builder.paragraphMarker(p), HeadingTokenizer.marker(p.text)), "\(p.text)")
                if p.text != rows[p.firstRow].text { joined += 1 }
            }
            for h in builder.findHeadings() {
                let next = builder.findHeadings().first { $0.row > h.row }?.row ?? rows.count
                let body = (h.row + 1)..<next
                let (text, subsections) = builder.narrative(body, tableSection: false)
                let parts = builder.joiner.paragraphs(rows, body.filter { rows[$0].table == nil }, scalarCounts: builder.scalarCounts)
                var plainText: [String] = []
                var plain: [(String, String, [String])] = []
                for p in parts {
                    if let token = HeadingTokenizer.token(p.text, level: .subsection) {
                        let (heading, rest) = OutlineBuilder.splitSubheading(token.rest)
                        plain.append((token.marker, heading, rest.isEmpty ? [] : [rest]))
                    } else if !plain.isEmpty {
                        plain[plain.count - 1].2.append(p.text)
                    } else {
                        plainText.append(p.text)
                    }
                }
                #expect(text == plainText.joined(separator: "\n"))
                #expect(subsections.map(\.marker) == plain.map(\.0))
                #expect(subsections.map(\.heading) == plain.map(\.1))
                #expect(subsections.map(\.text) == plain.map { $0.2.joined(separator: "\n") })
            }
        }
        #expect(joined >= 20)
    }

    /// ``MetadataReader/agencyAndYear(title:)`` reads a plain title's bytes as the Characters
    /// reading reads it (the texts that are not plain take that reading).
    @Test func agencyOfAPlainTitleAsOnCharacters() throws {
        var titles = [
            "2023年度保定市某某局政府信息公开工作年度报告", "2023年保定市某某局政府信息公开工作年度报告", "2023年度政府信息公开", "2023年度", "2023年",
            "关于北京市朝阳区2023年政府信息公开工作年度报告", "关于2023年度x政府信息公开", "北京市的2023年报告", "（北京市）2023年报告", "《北京市》2023年报告",
            "北京市“2023年", "2023年度政府信息公开政府信息公开", "2023 年度某局政府信息公开", "2023年度某局政府信息公", "2023年度某局政府信息公开的",
            "关于\u{301}北京2023年", "北京的\u{301}2023年", "2023年度\u{301}某局政府信息公开", "2023年度某局\u{F900}政府信息公开", "2023年度某局政府信息公开\u{301}",
            "ＡＢＣ市2023年报告", "abc 2023年", "关于的2023年", "的2023年", "2023年度度某局政府信息公开", "２０２３年度某局政府信息公开", "一二三2023年度",
        ]
        for rows in try OutlineShortcutTests.corpusDocuments() {
            titles += rows.prefix(12).map(\.text)
            if let range = TitleFinder.titleRows(rows[...]) { titles.append(TitleFinder.title(rows[range])) }
        }
        var plain = 0
        for title in titles {
            let got = MetadataReader.agencyAndYear(title: title)
            guard let y = MetadataReader.firstYear(title) else {
                #expect(got.agency == nil && got.year == nil, "\(title)")
                continue
            }
            if MetadataReader.isPlain(title) { plain += 1 }
            let expected = MetadataReader.agencyAndYearOnCharacters(title, y)
            #expect(got.agency.map { Array($0.utf8) } == expected.agency.map { Array($0.utf8) }, "\(title)")
            #expect(got.year == expected.year, "\(title)")
        }
        #expect(plain >= 20)
    }

    /// ``TextNormalizer/displayUTF8(_:)`` makes the display form the scalar reading makes.
    @Test func displayOnBytesAsOnScalars() throws {
        var texts = Self.crafted + ReaderShortcutTests.crafted
        texts += [
            " a", "a ", "a  b", "\u{A0}", "a\u{A0}\u{3000}b", "\u{9F}x", "\u{2000}", "\u{200B}", "\u{2E80}", "\u{2E81}", "\u{2E87}\u{2EA4}", "\u{2F00}\u{2FD5}",
            "\u{2FDF}", "\u{3000}", "\u{FEFF}\u{AD}", "一\u{2060} ", "𠀀 a", "é\u{301} ", "\t\n\r", "\u{1680}\u{2028}\u{2029}\u{202F}\u{205F}",
            String(repeating: "\u{2E87}", count: 3000), String(repeating: "\u{2F00} \u{3000}", count: 2000), "",
        ]
        for text in try Self.texts() + texts {
            let plain = TextNormalizer.displayOnScalars(text)
            #expect(text.utf8.withContiguousStorageIfAvailable(TextNormalizer.displayUTF8).map { Array($0.utf8) } == Array(plain.utf8), "\(text)")
            #expect(Array(TextNormalizer.display(Substring(text)).utf8) == Array(TextNormalizer.display(text).utf8), "\(text)")
        }
    }

    /// ``OutlineBuilder/scalarCount(utf8:)`` counts the scalars at every length around the word
    /// size, with multi-byte scalars at every place (across the last word's counted bytes).
    @Test func scalarsCountedAtEveryLength() throws {
        let pieces = ["a", "é", "一", "𠀀", "\u{301}", " ", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10FFFF}"]
        for length in 0...40 {
            for (p, piece) in pieces.enumerated() {
                for at in [0, length / 2, max(0, length - 1)] {
                    var scalars = (0..<length).map { pieces[($0 + p) % 3] }
                    if at < scalars.count { scalars[at] = piece }
                    let text = scalars.joined()
                    #expect(OutlineBuilder.scalarCount(text) == text.unicodeScalars.count, "\(text)")
                }
            }
        }
        for text in try Self.texts() + [String(repeating: "一a", count: 5000)] {
            #expect(OutlineBuilder.scalarCount(text) == text.unicodeScalars.count, "\(text.utf8.count)")
        }
    }

    /// The byte match key, now tested as it folds, still gives up (the general key) on a scalar
    /// NFKC must fold wherever it stands after folded ones.
    @Test func byteMatchKeyGivesUpWhereTheGeneralKeyIsNeeded() throws {
        var texts = Self.crafted
        for prefix in ["", "本年", "本 年", "（一）", "ａ", "\u{2F00}"] {
            for odd in ["\u{212B}", "ｅ\u{301}", "\u{2460}", "\u{E000}", "𠀀", "\u{FB01}", " ", "\u{3000}"] {
                for suffix in ["", "新收", " 新收", "（）"] { texts.append(prefix + odd + suffix) }
            }
        }
        texts.append(String(repeating: "（一） 本年新收", count: 2000) + "\u{212B}")
        texts.append(String(repeating: "（一） 本年新收", count: 2000))
        for text in texts {
            #expect(Array(TextNormalizer.matchKey(text).utf8) == Array(TextNormalizer.generalMatchKey(text).utf8), "\(text)")
        }
    }
}
