import Foundation
import Testing

@testable import NianbaoCore

/// The text reader's and the normalizer's byte-level shortcuts answer as the readings they stand
/// for: each is compared here with the plain reading, on crafted texts and on every row and cell of
/// the committed text reports.
@Suite struct ReaderShortcutTests {
    /// Every row text and cell text of the committed text reports.
    static func corpusTexts() throws -> [String] {
        try CorpusTextRows.rows().flatMap { [$0.text] + $0.cells.map(\.text) }
    }

    static let crafted = [
        "", " ", "a", "0", "（三）不予公开", "１２３．４５", "3.危及“三安全一稳定”", "3.危及「三安全一稳定」", "4.无正当理由大量反复 申请",
        "\u{2F00}、\u{2460}", "一\t二\r\n三", "\u{3000}标题\u{A0}", "e\u{301}", "\u{212B}", "ｅ\u{301}", "〔2023〕1号", "—5—", "①②",
        "\u{200B}零\u{FEFF}", "\u{85}x\u{9F}", "\u{7F}", "\u{302A}人\u{302B}", "《条例》", "【打印】", "𠀀𠮷", "\u{E000}",
        "江苏省淮安市洪泽区人民政府", "北京市朝阳区人民政府办公室", "沛县人民政府", "泉州市清江浦区财政局", "（区政府研究室）洪泽区人民政府",
        "某某街道办事处", "城市管理局", "内蒙古自治区阿拉善盟人民政府", "ABC市(试点)政府", "市场监督管理局", "人民政府人民政府",
        "北京市朝阳区人民政\u{301}府", "北京市 朝阳区", "Kelvin\u{212A}", "第４页", "１／２",
    ]

    @Test func byteMatchKeyIsTheGeneralKey() throws {
        for text in try Self.corpusTexts() + Self.crafted {
            let general = TextNormalizer.generalMatchKey(text)
            #expect(TextNormalizer.matchKey(text) == general, "\(text)")
            #expect(Array(TextNormalizer.matchKey(text).utf8) == Array(general.utf8), "\(text)")
            let sub = Substring(text)
            #expect(Array(TextNormalizer.matchKey(sub).utf8) == Array(TextNormalizer.generalMatchKey(sub).utf8), "\(text)")
        }
    }

    /// The Character reading of an agency key that ``AgencyKey/simpleUnits(ofKey:)`` stands for.
    static func characterUnits(_ key: String) -> (units: [String], rest: String) {
        var s = AgencyKey.dropBrackets(key)
        s = s.replacingOccurrences(of: "人民政府", with: "政府")
        var chars = Array(s)
        var units: [String] = []
        while let n = AgencyKey.leadingUnit(chars) {
            units.append(String(chars[..<n]))
            chars.removeFirst(n)
        }
        return (units, String(chars))
    }

    @Test func simpleAgencyUnitsAreTheCharacterUnits() throws {
        var simple = 0
        for text in try Self.corpusTexts().filter({ $0.utf8.count < 120 }) + Self.crafted {
            let key = TextNormalizer.matchKey(text)
            let plain = Self.characterUnits(key)
            let split = AgencyKey.units(ofKey: key)
            #expect(split.units.map { Array($0.utf8) } == plain.units.map { Array($0.utf8) }, "\(text)")
            #expect(Array(split.rest.utf8) == Array(plain.rest.utf8), "\(text)")
            if AgencyKey.simpleUnits(ofKey: key) != nil { simple += 1 }
        }
        #expect(simple > 100)
        #expect(AgencyKey.units(ofKey: "江苏省淮安市洪泽区人民政府").units == ["江苏省", "淮安市", "洪泽区"])
        #expect(AgencyKey.units(ofKey: "江苏省淮安市洪泽区人民政府").rest == "政府")
    }

    @Test func utf16DecodingIsTheStandardLibrarys() {
        let texts = Self.crafted + ["\u{10FFFF}", "a\u{FFFF}b", "\u{FEFF}x"]
        for text in texts {
            for little in [true, false] {
                var bytes: [UInt8] = []
                for u in text.utf16 { bytes += little ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
                #expect(TextDecoder.decodeUTF16(bytes[...], littleEndian: little) == text, "\(text)")
            }
        }
        // Unpaired surrogates and odd lengths are refused, as String(validating:as: UTF16.self) refuses them.
        let bad: [[UInt16]] = [[0xD800], [0xDC00, 0x41], [0x41, 0xD800, 0x41], [0xD800, 0xD800], [0xDBFF]]
        for units in bad {
            var bytes: [UInt8] = []
            for u in units { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
            #expect(String(validating: units, as: UTF16.self) == nil)
            #expect(TextDecoder.decodeUTF16(bytes[...], littleEndian: true) == nil)
        }
        #expect(TextDecoder.decodeUTF16([0x41][...], littleEndian: true) == nil)
        #expect(TextDecoder.decodeUTF16([][...], littleEndian: true) == "")
    }

    @Test func strokeAndMarkupScansAsTheSubstringTests() throws {
        let extra = [
            "─", "a═", "━b", "\u{2501}", "┌─┐", "“引号”", "\u{2594}\u{2580}", "<tr><td>1", "<TR><TH>", "<track>", "<p>", "<o:p>", "a<",
            "<spa", "<span", "x<div class=a>", "<strong>", "<fonts>",
        ]
        for text in try Self.corpusTexts() + Self.crafted + extra {
            #expect(AlignedTableText.hasStroke(text) == (text.includes("─") || text.includes("═") || text.includes("━")), "\(text)")
        }
        #expect(EmbeddedHTMLText.hasMarkup("<tr><td>1"))
        #expect(EmbeddedHTMLText.hasMarkup("a <SPAN>b"))
        #expect(!EmbeddedHTMLText.hasMarkup("<track> <pre>"))
        #expect(!EmbeddedHTMLText.hasMarkup("a<"))
        #expect(!EmbeddedHTMLText.hasMarkup("<tr> only"))
        #expect(EmbeddedHTMLText.hasMarkup("x<p"))
    }

    /// The committed text reports' bytes, and variants: a byte order mark, CRLF line ends, NULs,
    /// controls, a drawn table, markup, pipes, broken UTF-8.
    static func byteInputs() throws -> [[UInt8]] {
        let dir = TestSupport.packageRoot.appendingPathComponent("Corpus/text")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        var inputs: [[UInt8]] = []
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            inputs.append(bytes)
            inputs.append([0xEF, 0xBB, 0xBF] + bytes)
            inputs.append(Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8))
            inputs.append(Array(bytes.prefix(200)) + [0] + Array(bytes.dropFirst(200)))
            inputs.append(Array(bytes.prefix(101)) + [0xE4, 0xB8] + Array(bytes.dropFirst(101)))
        }
        let crafted = [
            "规章\t0\n", "  \u{3000}\n", "\u{1}\u{2}\u{3}ab", "a\u{0}b", "+---+---+\n| a | 1 |\n+---+---+\n", "---- ----\na  1\n",
            "<tr><td>1</td></tr>", "| a | 1 |\n|---|---|\n", "┌─┬─┐\n│a│1│\n", "x\u{7F}y", "\u{FFFD}\u{E000}", "\u{A0}\u{2003}", "12345678 abcdefgh\t",
            "        \n        x", "\u{85}\u{9F}z", "𠀀", "-",
            // CJK punctuation and full-width forms at the edges of their ranges, the ideographic
            // space, and their neighbours outside (the ranges ``TextDecoder/tally(validating:)``
            // counts at once).
            "，。、（）：；！？「」〔〕", "\u{3000}\u{3001}\u{302A}\u{303F}\u{3040}\u{3FFF}", "\u{FF00}\u{FF01}\u{FF60}\u{FF7F}\u{FF80}\u{FEFF}\u{FFFD}\u{FFFF}",
            "\u{3000}", "\u{2FFF}\u{E000}\u{F8FF}",
            // Dashes, quotes and `…` (U+2010–U+2027, counted in the same run) and their neighbours:
            // spaces, invisibles and line separators on either side.
            "“三安全一稳定”——第一…‘二’", "\u{200F}\u{2010}\u{2027}\u{2028}\u{2029}\u{202F}\u{2000}\u{200B}\u{2060}", "一\u{2027}\u{2028}二\u{200A}\u{2010}",
            // Runs of spaces of every length up to past two words, at the start, inside and at the end.
            (1...19).map { String(repeating: " ", count: $0) + "规章" }.joined(separator: "\n") + String(repeating: " ", count: 17),
        ]
        for text in crafted { inputs.append(Array(text.utf8)) }
        let broken: [[UInt8]] = [
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x41, 0xE4, 0xB8],
            [0x80], [0xC2], [0xEF, 0xBB, 0xBF, 0xFF], [0x30, 0x00, 0xFF], [0xF0, 0x9F, 0x98, 0x80], [0xE4, 0xB8, 0x80, 0xC3, 0xA9],
            [0xE3, 0x80], [0xEF, 0xBC], [0xE3, 0x41, 0x80], [0xE3, 0x80, 0x41], [0xEF, 0xBC, 0xC0], [0xEF, 0xBC, 0x8C, 0xE3], [0xE3, 0x80, 0x80, 0xEF],
            // Runs of ideographs and of printable ASCII broken, cut short or ended by a NUL.
            [0xE4, 0xB8, 0x80, 0xE4, 0xB8], [0xE4, 0xB8, 0x80, 0xE5, 0x41, 0x80], [0xE4, 0xB8, 0x80, 0xE9, 0xBF, 0xBF, 0xEA, 0x80], [0x41, 0x42, 0x00, 0xE4, 0xB8],
            [0x41, 0x7E, 0x7F, 0x21, 0x00, 0x41, 0xE4, 0xB8, 0x80],
            // A run of three-byte scalars broken by a dash, quote or full-width form cut short or
            // with a bad continuation byte.
            [0xE4, 0xB8, 0x80, 0xE2, 0x80], [0xE4, 0xB8, 0x80, 0xE2, 0x80, 0x41], [0xE2, 0x41, 0x9C], [0xE4, 0xB8, 0x80, 0xEF, 0xBC], [0x20, 0x20, 0xE2, 0x80, 0x9C, 0xE3],
        ]
        return inputs + broken
    }

    @Test func validatingTallyIsTheStandardLibrarysValidationAndTheTally() throws {
        for bytes in try Self.byteInputs() {
            let fused = bytes.withUnsafeBufferPointer { TextDecoder.tally(validating: $0) }
            guard let s = String(validating: bytes, as: UTF8.self) else {
                #expect(fused == nil, "\(bytes.prefix(16))")
                continue
            }
            let plain = Array(s.utf8).withUnsafeBufferPointer { TextDecoder.tally($0) }
            #expect(fused?.nul == plain.nul)
            #expect(fused?.line == plain.line)
            if !plain.nul {
                #expect(fused?.total == plain.total)
                #expect(fused?.control == plain.control)
                #expect(fused?.visible == plain.visible)
            }
        }
    }

    @Test func plainUTF8ReadingIsTheDecodedReading() throws {
        var shortcut = 0
        for bytes in try Self.byteInputs() {
            for path in ["r.txt", "r.md", "-"] {
                let general: Result<SourceDocument, ExtractError> = Result { () throws(ExtractError) in try TextReader().readDecoded(data: bytes, path: path) }
                let fast: Result<SourceDocument?, ExtractError> = Result { () throws(ExtractError) in try TextReader.readPlainUTF8(bytes, path: path) }
                switch (general, fast) {
                case (.success(let g), .success(let f?)):
                    shortcut += 1
                    #expect(f.grid.rows == g.grid.rows)
                    #expect(f.encoding == g.encoding)
                    #expect(f.mediaType == g.mediaType)
                case (.failure(let g), .failure(let f)):
                    #expect("\(g)" == "\(f)")
                case (_, .success(nil)):
                    break
                default:
                    Issue.record("the readings differ on \(bytes.prefix(16)) \(path)")
                }
            }
        }
        #expect(shortcut > 40)
    }

    /// The String's two words as the standard library lays them out on 64-bit platforms: the
    /// count and flags (ASCII, NFC, native …), then the storage address with its discriminator
    /// (a small string: its bytes, count and flags in both words).
    static func words(_ s: String) -> (countAndFlags: UInt64, object: UInt64) {
        unsafeBitCast(s, to: (UInt64, UInt64).self)
    }

    /// Whether the String is a small one, its bytes in its two words (the discriminator's bit 61).
    static func isSmall(_ s: String) -> Bool { words(s).object >> 61 & 1 == 1 }

    /// The String's ASCII flag: the discriminator's bit 62 for a small String, the count and
    /// flags word's bit 63 for a large one.
    static func hasASCIIFlag(_ s: String) -> Bool { isSmall(s) ? words(s).object >> 62 & 1 == 1 : words(s).countAndFlags >> 63 == 1 }

    /// ``Swift/String/init(validUTF8:)`` (no validation) makes the String `String(decoding:as:)`
    /// makes: the same bytes and the same flags (the ASCII flag decides the fast paths of
    /// comparison and hashing), for small and large strings, ASCII or not, whole or cut at a
    /// scalar boundary (as the text reader cuts cells out of a line).
    @Test func validUTF8StringIsTheDecodedString() throws {
        let long = ["abcdefghijklmnopqrstuvwxyz0123456789", "0123456789abcde", "0123456789abcdef", "信息公开工作年度报告", "a信", "  1,046  8 "]
        for text in try Self.corpusTexts() + Self.crafted + long {
            let bytes = Array(text.utf8)
            var cuts = [0, bytes.count]
            let mid = text.unicodeScalars.index(text.startIndex, offsetBy: text.unicodeScalars.count / 2)
            cuts.append(text.utf8.distance(from: text.startIndex, to: mid))
            bytes.withUnsafeBufferPointer { b in
                for from in cuts {
                    for to in cuts where to >= from {
                        let part = UnsafeBufferPointer(rebasing: b[from..<to])
                        let plain = String(decoding: part, as: UTF8.self)
                        let made = String(validUTF8: part)
                        #expect(made == plain, "\(text)")
                        #expect(Array(made.utf8) == Array(plain.utf8), "\(text)")
                        let (p, m) = (Self.words(plain), Self.words(made))
                        #expect(m.countAndFlags == p.countAndFlags, "\(text)")
                        // Small strings hold their bytes in the second word too; large ones an address.
                        #expect(m.object >> 56 == p.object >> 56, "\(text)")
                        if part.count <= 15 { #expect(m.object == p.object, "\(text)") }
                        // With the ASCII flag told, not scanned for.
                        let told = String(validUTF8: part, isASCII: part.allSatisfy { $0 < 0x80 })
                        #expect(Array(told.utf8) == Array(plain.utf8), "\(text)")
                        #expect(Self.words(told).countAndFlags == p.countAndFlags, "\(text)")
                        #expect(Self.words(told).object >> 56 == p.object >> 56, "\(text)")
                        if part.count <= 15 { #expect(Self.words(told).object == p.object, "\(text)") }
                    }
                }
            }
        }
    }

    /// The text reader tells ``Swift/String/init(validUTF8:isASCII:)`` whether a cell is all ASCII
    /// from its byte and scalar counts: every cell and row text it makes has the flags
    /// `String(decoding:as:)` gives the same bytes, on the committed reports and on lines with
    /// every kind of field (numbers, ASCII words, spilled fields, kept spaces, invisibles, blank
    /// marks, controls, scalars of two, three and four bytes; short and long).
    @Test func cellTextsHaveTheDecodedFlags() throws {
        let long = "abcdefghijklmnopqrstuvwxyz"
        let lines = [
            "0\t12\t123\t1234\t1,046 8\t-5\t3.5", "abc  def\tghi jkl", "\(long)  \(long) \(long)", "a\u{2003}b", "\(long)\u{2003}\(long)",
            "ab\u{200B}cd", "\(long)\u{200B}\(long)", "一\u{200B}二", "abc一  一abc", "\(long)一", "一\(long)", "a\u{1}b", "\(long)\u{7F}\(long)",
            "é  \(long)é", "\(long)\u{2F00}", "\u{2F00}", "𠀀  a𠀀\(long)", "“三”——…", "（一）\(long)", "ＡＢＣ  ｘ", "a \u{3000} b", "a b  c d",
            "1 2 3  4 5 6", "\u{85}\(long)", "12\u{A0}\u{A0}34\u{A0}5\u{A0}\u{A0}6", "a\u{A0}\u{A0}1\u{A0}b", "\u{A0}\u{A0}12  \(long)\u{A0}1",
        ]
        var texts = try CorpusTextRows.rows().flatMap { [$0.text] + $0.cells.map(\.text) }
        for pipeRows in [false, true] {
            for row in TextGridBuilder(pipeRows: pipeRows).build(lines.joined(separator: "\n")).rows { texts += [row.text] + row.cells.map(\.text) }
            for line in lines {
                for row in TextGridBuilder(pipeRows: pipeRows).build(line).rows { texts += [row.text] + row.cells.map(\.text) }
            }
        }
        for text in texts {
            let plain = String(decoding: Array(text.utf8), as: UTF8.self)
            #expect(Self.hasASCIIFlag(text) == Self.hasASCIIFlag(plain), "\(text)")
            // A cell the display form changed may be a large String of few bytes (made with room
            // to spare): the flags of two large Strings are compared whole.
            if !Self.isSmall(text) && !Self.isSmall(plain) { #expect(Self.words(text).countAndFlags == Self.words(plain).countAndFlags, "\(text)") }
        }
        #expect(texts.contains { $0.utf8.count > 15 && $0.utf8.allSatisfy { $0 < 0x80 } })
    }

    /// The row reader's fast loop reads a lead byte E5–E9 as a wide CJK ideograph without decoding
    /// the scalar: every scalar those lead bytes start (U+5000–U+9FFF) is one, as the scalar
    /// reading (the ideograph range U+4E00–U+9FFF, ``TextGridBuilder/isWide(_:)``) finds it; the
    /// scalars on either side of that range have other lead bytes.
    @Test func ideographLeadBytesAreWideIdeographs() {
        for v in UInt32(0x5000)...0x9FFF {
            let bytes = Array(String(Unicode.Scalar(v)!).utf8)
            #expect(bytes.count == 3 && bytes[0] >= 0xE5 && bytes[0] <= 0xE9)
            #expect(v >= 0x4E00 && TextGridBuilder.isWide(v))
        }
        #expect(Array(String(Unicode.Scalar(0x4FFF)!).utf8)[0] == 0xE4)
        #expect(Array(String(Unicode.Scalar(0xA000)!).utf8)[0] == 0xEA)
    }
}
