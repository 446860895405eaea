import Testing
@testable import NianbaoOCR

/// Which words of a borderless table's scan are read again by the digits model (the whole path is
/// measured on the scans of p04 by `Scripts/evaluate-scans`).
@Suite struct StrayValueReaderTests {
    /// Words of one line at y 100, 27 px high, each 20 px wide and `step` px apart (table cells
    /// stand 100 px apart at 300 dpi; the words of prose touch).
    static func line(_ texts: [String], y: Int = 100, step: Int = 100) -> [OCRWord] {
        texts.enumerated().map { i, t in
            OCRWord(text: t, x0: i * step, y0: y, x1: i * step + 20, y1: y + 27, confidence: 0.9, symbols: [])
        }
    }

    @Test func aCharacterBetweenNumbersOrAfterTheLastIsAStray() {
        // p04 at 200 dpi: `（三）1.属于国家秘密 | 1 | 如 | 0 | 0 | 0 | 旭 | 1`, `3.要求提供… | 0 | 如 | 0 | 0 | 0 | 旭 | 品`.
        let row = Self.line(["属于国家秘密", "1", "如", "0", "0", "0", "旭", "1"])
        #expect(StrayValueReader.strays(row) == [2, 6])
        let last = Self.line(["要求提供公开出版物", "0", "如", "0", "0", "0", "旭", "品"])
        #expect(StrayValueReader.strays(last) == [2, 6, 7])
    }

    @Test func labelsAndProseAreNotStrays() {
        // A label's item number is a number too: `2 其他法律…` must keep its characters, which touch.
        let label =
            Self.line(["2", "其", "他", "法律"], step: 25)
            + Self.line(["1", "0", "0", "1"]).map { w in
                var w = w
                w.x0 += 300
                w.x1 += 300
                return w
            }
        #expect(StrayValueReader.strays(label).isEmpty)
        // A date in prose (`2022 年 1 月 1 日至 12 月`): its characters touch the numbers.
        #expect(StrayValueReader.strays(Self.line(["2022", "年", "1", "月", "1", "日至", "12", "月"], step: 30)).isEmpty)
        // Two characters that are Chinese, or longer text, are no misread number.
        #expect(StrayValueReader.strays(Self.line(["1", "由由", "0", "0", "合计", "1"])).isEmpty)
        // Fewer than three numbers on the line: not a table row.
        #expect(StrayValueReader.strays(Self.line(["1", "如", "0"])).isEmpty)
    }

    @Test func wordsOfOtherLinesDoNotMix() {
        let words = Self.line(["属于国家秘密", "1", "如", "0", "0", "1"]) + Self.line(["说明", "如", "下"], y: 200)
        #expect(StrayValueReader.strays(words) == [2])
    }
}
