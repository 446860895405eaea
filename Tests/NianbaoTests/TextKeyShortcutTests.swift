import Foundation
import Testing

@testable import NianbaoCore

/// The shortcuts of session 20 in making row texts and match keys (the byte copy that also tells
/// ASCII, the joined row text with its ASCII flag told) answer as the plain readings they stand
/// for: on every row and cell of the committed text reports and on crafted texts.
@Suite struct TextKeyShortcutTests {
    static let pieces = ["a", "é", "一", "𠀀", "\u{301}", " ", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10FFFF}", "\u{A0}", "0"]

    /// Texts of every length from 0 to 70 bytes and some huge ones, ASCII or not, with a scalar
    /// of each length at the start, the middle and the end.
    static func craftedTexts() -> [String] {
        var texts = ["", " ", "0", "12", "123", "（三）不予公开", "１２３．４５", "\u{3000}", "\u{200B}零\u{FEFF}", "e\u{301}"]
        for length in 0...70 {
            texts.append(String(repeating: "a", count: length))
            for piece in pieces where piece.utf8.count <= length {
                let fill = length - piece.utf8.count
                for at in [0, fill / 2, fill] {
                    texts.append(String(repeating: "a", count: at) + piece + String(repeating: "b", count: fill - at))
                }
            }
        }
        texts += [String(repeating: "一a", count: 5000), String(repeating: "x", count: 100_000), String(repeating: "x", count: 4099) + "é"]
        return texts
    }

    /// ``Swift/UnsafeMutableBufferPointer/copy(_:at:)`` writes the bytes where they go and no
    /// others, and its bits tell ASCII as a scan of the bytes does.
    @Test func byteCopyIsTheBytesAndTheirASCII() throws {
        for text in try ReaderShortcutTests.corpusTexts() + Self.craftedTexts() {
            let bytes = Array(text.utf8)
            for at in [0, 1, 7] {
                var out = [UInt8](repeating: 0xEE, count: bytes.count + at + 9)
                let bits = bytes.withUnsafeBufferPointer { b in out.withUnsafeMutableBufferPointer { $0.copy(b, at: at) } }
                #expect(Array(out[at..<(at + bytes.count)]) == bytes, "\(text)")
                #expect(out[..<at].allSatisfy { $0 == 0xEE } && out[(at + bytes.count)...].allSatisfy { $0 == 0xEE }, "\(text)")
                #expect((bits & 0x8080_8080_8080_8080 == 0) == bytes.allSatisfy { $0 < 0x80 }, "\(text)")
            }
        }
    }

    /// ``TextGridBuilder/joined(_:)`` is the cells' texts joined with spaces, with the flags
    /// `String(decoding:as:)` gives those bytes (its ASCII flag told, not scanned for).
    @Test func joinedRowTextIsTheJoinedCells() throws {
        var rows = try CorpusTextRows.rows().map { $0.cells.map(\.text) }
        let crafted = Self.craftedTexts()
        for i in crafted.indices { rows.append([crafted[i], crafted[(i * 7) % crafted.count], "0", crafted[(i * 13) % crafted.count]]) }
        rows += [[""], ["", ""], ["a", "", "一"], crafted, ["0", "1", "2"]]
        for texts in rows {
            let cells = texts.map { GridCell(text: $0, at: .line(1)) }
            let made = TextGridBuilder.joined(cells)
            let plain = String(decoding: Array(texts.joined(separator: " ").utf8), as: UTF8.self)
            #expect(Array(made.utf8) == Array(plain.utf8))
            #expect(ReaderShortcutTests.hasASCIIFlag(made) == ReaderShortcutTests.hasASCIIFlag(plain), "\(texts)")
            #expect(ReaderShortcutTests.words(made).countAndFlags == ReaderShortcutTests.words(plain).countAndFlags, "\(texts)")
        }
    }

    /// ``TextNormalizer/matchKey(_:)`` folded on the bytes (``TextNormalizer/byteMatchKey(_:)``)
    /// has the bytes of the general key and the flags `String(decoding:as:)` gives them (its ASCII
    /// flag told from the bytes written, not scanned for).
    @Test func byteMatchKeyHasTheDecodedFlags() throws {
        var texts = try ReaderShortcutTests.corpusTexts() + ReaderShortcutTests.crafted + Self.craftedTexts()
        for prefix in ["", "ab", "本年", "（一）", "ａ", "\u{2F00}", "\u{3000}"] {
            for odd in ["", "１", "“", "—", "\u{2F00}", "\u{3002}", "\u{200B}", "\u{A0}", "é", "\u{212B}"] {
                for suffix in ["", "x", "新收", " 12", "（）"] { texts.append(prefix + odd + suffix) }
            }
        }
        var folded = 0
        for text in texts {
            let key = TextNormalizer.matchKey(text)
            let plain = String(decoding: Array(TextNormalizer.generalMatchKey(text).utf8), as: UTF8.self)
            #expect(Array(key.utf8) == Array(plain.utf8), "\(text)")
            #expect(ReaderShortcutTests.hasASCIIFlag(key) == ReaderShortcutTests.hasASCIIFlag(plain), "\(text)")
            if case .folded = text.utf8.withContiguousStorageIfAvailable(TextNormalizer.byteMatchKey) { folded += 1 }
        }
        #expect(folded > 1000)
    }

    /// ``AgencyKey/simpleUnits(ofKey:)`` (suffixes by index with their least name lengths, the
    /// scalar bit masks, the Strings written as UTF-8) splits a key as the Character reading does:
    /// on the corpus and on keys built from every suffix after names of one to ten characters,
    /// with department characters, common words and non-unit followers around them.
    @Test func simpleUnitsAreTheCharacterUnits() throws {
        var keys = try ReaderShortcutTests.corpusTexts().filter { $0.utf8.count < 120 }.map { TextNormalizer.matchKey($0) }
        let names = ["", "沛", "淮安", "A", "AB", "洪泽", "阿拉善", "一二三四五六七八", "一二三四五六七八九", "城", "社", "局长", "中心"]
        let followers = ["", "政府", "人民政府", "财政局", "场", "委", "长", "直属", "X", "(试点)政府", "区", "市场监督管理局"]
        for name in names {
            for suffix in AgencyKey.unitSuffixes {
                for follower in followers {
                    keys.append(name + suffix + follower)
                    keys.append("江苏省" + name + suffix + follower)
                }
            }
        }
        keys += ["", "()", "[a]", "县", "旗旗", "A县B", "沛县", "城市管理局", "人民政府人民政府", String(repeating: "市", count: 40)]
        var simple = 0
        for key in keys {
            let plain = ReaderShortcutTests.characterUnits(key)
            guard let split = AgencyKey.simpleUnits(ofKey: key) else { continue }
            simple += 1
            #expect(split.units.map { Array($0.utf8) } == plain.units.map { Array($0.utf8) }, "\(key)")
            #expect(Array(split.rest.utf8) == Array(plain.rest.utf8), "\(key)")
        }
        #expect(simple > 2000)
    }

    /// The wrap width the outline's joiner reads from the scalar counts alone
    /// (``ParagraphJoiner/init(rows:scalarCounts:)``: a row in a table counts 0) is the one of the
    /// plain reading: the 90th percentile of the scalar counts of at least 10 of the rows outside
    /// tables, less 3 (10 at least; none: no width).
    @Test func wrapWidthIsThePlainReading() throws {
        var documents = try OutlineShortcutTests.corpusDocuments()
        let lines = ["一、总体情况", "本机关2023年度政府信息公开工作", "短", String(repeating: "长", count: 40), "（一）主动公开"]
        documents.append(lines.enumerated().map { GridRow(cells: [], text: $0.element, at: .line($0.offset + 1), table: $0.offset % 2 == 0 ? 1 : nil) })
        documents.append(lines.enumerated().map { GridRow(cells: [], text: $0.element, at: .line($0.offset + 1)) })
        documents.append([])
        for rows in documents {
            let widths = rows.filter { $0.table == nil }.map { $0.text.unicodeScalars.count }.filter { $0 >= 10 }.sorted()
            let plain = widths.isEmpty ? Int.max : max(10, widths[(widths.count * 9) / 10] - 3)
            #expect(OutlineBuilder(rows: rows).joiner.wrapWidth == plain)
            #expect(ParagraphJoiner(rows: rows).wrapWidth == plain)
        }
    }
}
