import Foundation
import Testing

@testable import NianbaoCore

/// The row collector's and the table tokenizer's shortcuts must answer as the plain reading they
/// stand for: checked on crafted texts and on every cell of the committed text reports.
@Suite struct TableRowShortcutTests {
    static let crafted = [
        "信息内容", "信息内容上一年项目数量", "信息内容\u{301}上一年", "信息内容a", "信息内容 1", "信息内", "信息内容１", "信息内容（",
        "无", "不适用", "空", "一、总体情况", "行政许可", "0", "１２", "－", "", "第二十条第（五）项", "丨信息",
    ]

    /// ``CellReading/read(_:matchKey:)``'s first-scalar label path reads text only where the tests
    /// it skips read text: no plain number, a non-ASCII first byte, no number-or-mark start.
    @Test func labelByFirstScalarIsThePlainTextReading() throws {
        for text in try ReadingShortcutTests.corpusCellTexts() + Self.crafted {
            var t = text
            guard t.withUTF8({ CellReading.isLabelByFirstScalar($0, at: 0) }) else { continue }
            #expect(CellReading.parseNumber(text.utf8) == nil, "\(text)")
            #expect(!text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B }, "\(text)")
            #expect((text.utf8.first ?? 0) >= 0x80, "\(text)")
            #expect(!CellReading.startsLikeNumberOrMark(text), "\(text)")
            #expect(CellReading.read(text).kind == .text, "\(text)")
        }
    }

    /// ``RowCollector/startsWithHeadingWord(_:)`` is `hasPrefix("信息内容")`.
    @Test func headingWordIsHasPrefix() throws {
        for text in try ReadingShortcutTests.corpusCellTexts() + Self.crafted {
            for key in [text, TextNormalizer.matchKey(text)] {
                #expect(RowCollector.startsWithHeadingWord(key) == key.hasPrefix("信息内容"), "\(key)")
            }
        }
    }

    /// ``RowCollector/cellText(_:_:)`` is the cell's text, and ``TableTokenizer/utf8Offsets(_:)``
    /// cuts a text's bytes at its scalars.
    @Test func cellTextAndScalarOffsets() throws {
        let texts = try ReadingShortcutTests.corpusCellTexts() + Self.crafted
        let cells = texts.map { GridCell(text: $0, at: .none) }
        cells.withUnsafeBufferPointer { b in
            for i in b.indices { #expect(RowCollector.cellText(b, i) == cells[i].text) }
        }
        for text in texts {
            let s = Array(text.unicodeScalars)
            let offsets = TableTokenizer.utf8Offsets(s)
            let bytes = Array(text.utf8)
            #expect(offsets.last == bytes.count)
            for k in s.indices {
                #expect(String(decoding: bytes[offsets[k]..<offsets[k + 1]], as: UTF8.self) == String(s[k]), "\(text)")
            }
        }
    }
}
