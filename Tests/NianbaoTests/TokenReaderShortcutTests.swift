import Testing

@testable import NianbaoCore

/// The token reader's shortcuts answer as the plain readings they replaced: on every cell of the
/// committed text reports and on crafted texts (odd Unicode, empty, spaces, huge).
@Suite struct TokenReaderShortcutTests {
    static let crafted = [
        "", " ", "  ", "0", "00", "01", "10", "0 0", "1207", "１２07", "０0", "0０", "0\u{301}", "\u{301}0", "1,024元", "12万元", "50％",
        "00000002.其他法律", "2023年", "5要求行政机关确认", "5要求", "申请数量无1无无无无1", "无无无", "无", "有无1", "中无无 1", "无 无",
        "| -3", "a -3", "-3", "+4", "— / 无", "不适用", "\u{A0}", "1\u{A0}2", "\u{A0}\u{A0}3", "a \u{A0}", "中 ", "中  1",
        "\u{0600} ", "中\u{0600} 1", "中\u{0600}  ", "a\u{0600} \u{0600} ", "\u{0600}无无1", "中\u{0600}无无1", "第二十条第（六）项 信息内容",
        "（一）予以公开（二）部分公开1.属于", "一、二、三、", "𠀋1𠀋 2", "a\u{301}1", "1.5.3", "1..2", "1,,2", "3、", "3．5", "12.",
        String(repeating: "中1 无", count: 500), String(repeating: "0", count: 3000),
    ]

    static func texts() throws -> [String] {
        try ReadingShortcutTests.corpusCellTexts() + crafted
    }

    /// A cell of ASCII digits scanned at once is the scan of its scalars.
    @Test func digitCellIsTheScalarScan() throws {
        var scratch = TableTokenizer.ScanScratch()
        var digitCells = 0
        for text in try Self.texts() {
            for lineStart in [false, true] {
                var got: [TableToken] = []
                var plain: [TableToken] = []
                TableTokenizer.scan(text, at: .line(2), firstGap: 3, lineStart: lineStart, into: &got, scratch: &scratch)
                TableTokenizer.scanScalars(text, at: .line(2), firstGap: 3, lineStart: lineStart, into: &plain, scratch: &scratch)
                #expect(got.count == plain.count, "\(text)")
                for (a, b) in zip(got, plain) {
                    #expect(a.kind == b.kind && Array(a.text.utf8) == Array(b.text.utf8) && a.at == b.at && a.gap == b.gap && a.marked == b.marked, "\(text)")
                }
            }
            if !text.isEmpty && text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { digitCells += 1 }
        }
        #expect(digitCells > 100)
    }

    /// ``TableTokenizer/pendingCut(_:beforeNumber:)`` (on scalars) cuts pending text as the plain
    /// cut did on its String: trailing Characters `" "` removed one by one, then the glued marks
    /// removed as Characters (the whole text when they are all of it).
    @Test func pendingCutIsThePlainCut() throws {
        var cuts = 0
        for text in try Self.texts() {
            let scalars = Array(text.unicodeScalars)
            // Every pending text a cell may hold ends somewhere: each prefix ending at a space or a `无`, and the whole.
            let ends = scalars.indices.filter { scalars[$0] == " " || scalars[$0] == "无" }.map { $0 + 1 } + [scalars.count]
            for end in ends {
                for beforeNumber in [false, true] {
                    var t = String(String.UnicodeScalarView(scalars[..<end]))
                    var trailing = 0
                    while t.last == " " {
                        t.removeLast()
                        trailing += 1
                    }
                    let glued = TableTokenizer.gluedMarks(t, beforeNumber: beforeNumber && trailing == 0)
                    if glued > 0 {
                        if glued < t.count { t.removeLast(glued) } else { t = "" }
                    }
                    let cut = TableTokenizer.pendingCut(scalars[..<end], beforeNumber: beforeNumber)
                    #expect(cut.trailing == trailing && cut.glued == glued, "\(text)")
                    #expect(Array(scalars[..<cut.end]) == Array(t.unicodeScalars), "\(text)")
                    if glued > 0 || trailing > 0 { cuts += 1 }
                }
            }
        }
        #expect(cuts > 0)
    }

    /// ``TableToken/isZeroLedRun`` is `isDigitRun && text.count > 1 && text.hasPrefix("0")`.
    @Test func zeroLedRunIsThePlainTest() throws {
        var scratch = TableTokenizer.ScanScratch()
        var tokens: [TableToken] = []
        for text in try Self.texts() {
            TableTokenizer.scan(text, at: .none, firstGap: nil, into: &tokens, scratch: &scratch)
            for kind in [TableToken.Kind.number, .text] { tokens.append(TableToken(kind: kind, text: text, at: .none, gap: nil)) }
        }
        var zeroLed = 0
        for t in tokens {
            let plain = t.isDigitRun && t.text.count > 1 && t.text.hasPrefix("0")
            #expect(t.isZeroLedRun == plain, "\(t.text)")
            if plain { zeroLed += 1 }
        }
        #expect(zeroLed > 0)
    }

    /// ``TokenTableReader/startsWithArticle20(_:)`` is `hasPrefix("第二十条")`, and
    /// ``TokenTableReader/holdsHeaderWord(_:)`` is `headerWords.contains { key.includes($0) }`, on
    /// the texts and their match keys, for every token reader's template.
    @Test func labelTestsAreThePlainTests() throws {
        let readers = [
            TableReaderChoice.activeDisclosureTokens2019, TableReaderChoice.activeDisclosureTokens2021, TableReaderChoice.applicationsTokens,
            TableReaderChoice.applicationsTokensSingleOther, TableReaderChoice.reviewLitigationTokens,
        ]
        let extra = ["第二十条", "第二十条\u{301}", "第二十", "第二十条第（六）项", "自然人", "申请人情况 总计", "x勾稽关系", "社会公"]
        var headers = 0
        for text in try Self.texts() + extra {
            for key in [text, TextNormalizer.matchKey(text)] {
                #expect(TokenTableReader.startsWithArticle20(key) == key.hasPrefix("第二十条"), "\(key)")
                for reader in readers {
                    let plain = reader.template.headerWords.contains { key.includes($0) }
                    #expect(reader.holdsHeaderWord(key) == plain, "\(key)")
                    if plain { headers += 1 }
                }
            }
        }
        #expect(headers > 0)
    }
}
