import Testing

@testable import NianbaoCore

/// The Table 三 stage's shortcuts answer as the plain readings they skip: the label matcher's
/// byte-pair prefilter and whole-label byte test, and the tokenizer's mark test that skips the
/// match key of text holding four ideographs.
@Suite struct TableStageShortcutTests {
    /// Match keys of every corpus cell, of every row label of the layouts, and crafted ones.
    static func keys() throws -> [String] {
        let specs = ApplicationsLayout.matcher.priority + ActiveDisclosureLayout.rows2019.map(\.spec) + ActiveDisclosureLayout.rows2021.map(\.spec)
        let crafted = [
            "其他", "3.其他", "(六)3.其他", "（六）3．其他", "其他处理", "其 他", "6.其他", "其他情形", "总计", "合计", "信访举报",
            "本年新收政府信息公开申请数量", "上年结转", "（三）不予公开1.属于国家秘密", "", "a", "其",
            "(六3.其他", "(六))其他", "()其他", "(a)12.、．.其他", "12、其他", "(六)3.\u{301}其他", "(六)\u{301}3.其他", "其他\u{301}", "3. 其他",
            "(六)3.其他 ", "\r\n其他", "(\u{301}六)3.其他", "(六)3.其\u{FA01}他", "（六）3.其他", "3..其他", "3．其他", "\u{1F600}3.其他", "(1)(2)其他",
        ]
        let texts = try ReadingShortcutTests.corpusCellTexts() + specs.map(\.label) + specs.flatMap(\.keywords) + crafted
        return texts.map { TextNormalizer.matchKey($0) } + crafted
    }

    /// ``RowSpec/matches(_:)`` as it was before the byte tests: keywords, then the whole label.
    static func plainMatches(_ spec: RowSpec, _ key: String) -> Bool {
        guard key.utf8.count <= RowSpec.maxLabelBytes else { return false }
        if spec.keywords.contains(where: { key.includes($0) }) { return true }
        if let whole = spec.wholeLabel { return RowSpec.strippingItemMarker(key) == whole }
        return false
    }

    @Test func matcherAnswersAsThePlainLoop() throws {
        let matchers = [
            ApplicationsLayout.matcher, ActiveDisclosureLayout.matcher(.g2019), ActiveDisclosureLayout.matcher(.g2021),
            LabelMatcher(priority: ActiveDisclosureLayout.rows2019.map(\.spec) + ActiveDisclosureLayout.rows2021.map(\.spec)),
        ]
        for key in try Self.keys() {
            for matcher in matchers {
                let plain = matcher.priority.filter { Self.plainMatches($0, key) }.map(\.key)
                #expect(matcher.matchesAny(key) == !plain.isEmpty, "\(key)")
                for spec in matcher.priority { #expect(spec.matches(key) == Self.plainMatches(spec, key), "\(spec.key) \(key)") }
                let row = LogicalRow(labelKeys: [key], label: key, values: [], at: .none)
                // One label key: the first spec it names, unless it names two rows outside the groups.
                let named = matcher.priority.filter { Self.plainMatches($0, key) && !matcher.groups.contains($0.key) }
                #expect(matcher.match(row)?.key == (named.count > 1 ? nil : plain.first), "\(key)")
            }
        }
    }

    @Test func longTextIsNoMark() throws {
        let texts =
            try ReadingShortcutTests.corpusCellTexts() + [
                "不适用", "无无无无", "不适用无", "空空空空", "无不适用", "— —", "本机关不掌握", "无", "/",
            ]
        for text in texts where TableTokenizer.tooLongForMark(text.unicodeScalars) {
            #expect(!CellReading.notApplicableMarks.contains(TextNormalizer.matchKey(text)), "\(text)")
        }
        #expect(TableTokenizer.tooLongForMark("无不适用".unicodeScalars))
        #expect(!TableTokenizer.tooLongForMark("不适用".unicodeScalars))
    }

    /// ``CellReading/plainNumber(_:)``, tried before ``CellReading/read(_:)`` on every cell the rows
    /// are collected from, reads what the whole reading does or leaves the cell to it.
    @Test func plainNumberReadsAsRead() throws {
        for text in try ReadingShortcutTests.corpusCellTexts() + ReadingShortcutTests.crafted + ["-3", "+3", "1,0468", "7730.28", "０"] {
            if let fast = CellReading.plainNumber(text) { #expect(fast == CellReading.read(text), "\(text)") }
        }
        #expect(CellReading.plainNumber("") == nil)
        #expect(CellReading.plainNumber("1,024")?.value == DecimalNumber(1024))
    }

    /// The match key ``CellReading/read(_:matchKey:)`` hands back (the row collector's label key)
    /// is the text's match key, and the reading is ``CellReading/read(_:)``'s.
    @Test func readHandsBackTheMatchKey() throws {
        for text in try ReadingShortcutTests.corpusCellTexts() + ReadingShortcutTests.crafted {
            var key: String? = nil
            #expect(CellReading.read(text, matchKey: &key) == CellReading.read(text), "\(text)")
            if let key { #expect(key == TextNormalizer.matchKey(text), "\(text)") }
        }
    }
}
