import Testing
@testable import NianbaoOCR

/// The cells of a borderless table drawn from where its numbers stand (the whole path is measured
/// on the scans of p04 by `Scripts/evaluate-scans`).
@Suite struct BorderlessCellReaderTests {
    /// A label at x 0–250 and numbers 20 px wide, 27 px high, in columns 100 px apart from x 300,
    /// on a line at `y`; nil leaves the column without a word.
    static func row(_ label: String?, _ values: [String?], y: Int) -> [OCRWord] {
        var words: [OCRWord] = []
        if let label { words.append(OCRWord(text: label, x0: 0, y0: y, x1: 250, y1: y + 27, confidence: 0.9, symbols: [])) }
        for (k, v) in values.enumerated() {
            guard let v else { continue }
            words.append(OCRWord(text: v, x0: 300 + 100 * k, y0: y, x1: 320 + 100 * k, y1: y + 27, confidence: 0.9, symbols: []))
        }
        return words
    }

    static func cells(_ words: [OCRWord], ink: Bool = true) -> [BorderlessCellReader.Cell] {
        BorderlessCellReader.cells(words, inset: 6) { _, _, _, _ in ink }
    }

    @Test func everyLineGetsACellInEveryColumn() {
        // p04 at 200 dpi: `（二）部分公开 | 10 | 0 | 0 | 0 | 0 | 10` lost a 0 between two others;
        // `3.补正后… | 0 | 由 | 0 …` read a 0 as 由.
        let words =
            Self.row("予以公开", ["27", "3", "0", "0", "1"], y: 100)
            + Self.row("部分公开", ["10", nil, "0", "0", "10"], y: 160)
            + Self.row("补正后申请内容", ["0", "由", "0", "0", "0"], y: 220)
            + Self.row("信访举报投诉类申请", ["1", "0", "0", "0", "1"], y: 280)
        let cells = Self.cells(words)
        #expect(cells.count == 20)
        // The lost 0: a cell with ink but no word, in the second column of the second line.
        let lost = cells.first { $0.words.isEmpty }
        #expect(lost != nil)
        if let lost { #expect(lost.x0 < 400 && lost.x1 > 420 && lost.y0 < 160 && lost.y1 > 187) }
        // 由 is read again in its cell; no cell reaches into a label.
        let stray = words.firstIndex { $0.text == "由" }!
        #expect(cells.contains { $0.words == [stray] })
        #expect(cells.allSatisfy { $0.x0 >= 250 })
        // Without ink, a cell without words is not read.
        #expect(Self.cells(words, ink: false).count == 19)
    }

    @Test func proseAndLoneLinesHaveNoCells() {
        // One table line alone has no columns to find; the numbers of a date touch their characters.
        #expect(Self.cells(Self.row("行政规范性文件", ["5", "3", "21"], y: 100)).isEmpty)
        let date = ["2022", "年", "1", "月", "1", "日至", "12", "月"].enumerated().map { i, t in
            OCRWord(text: t, x0: 30 * i, y0: 400, x1: 30 * i + 25, y1: 427, confidence: 0.9, symbols: [])
        }
        #expect(
            Self.cells(
                date
                    + date.map { w in
                        var w = w; w.y0 += 60; w.y1 += 60; return w
                    }
            ).isEmpty)
    }

    @Test func tablesFarApartAreNotMixed() {
        // Two tables, far apart on the page: each finds its own columns; a line between tables
        // with a number under another table's column does not join it.
        let first = Self.row("甲", ["1", "2", "3"], y: 100) + Self.row("乙", ["4", "5", "6"], y: 160)
        let second = Self.row("丙", ["7", "8", "9", "0"], y: 900) + Self.row("丁", ["1", "2", "3", "4"], y: 960)
        let cells = Self.cells(first + second)
        #expect(cells.filter { $0.y0 < 500 }.count == 6)
        #expect(cells.filter { $0.y0 > 500 }.count == 8)
    }
}
