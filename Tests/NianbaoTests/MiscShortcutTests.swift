import Foundation
import Testing

@testable import NianbaoCore

/// The byte shortcuts of session 14 on every text report (the OCR look, the page-number key, the
/// township suffixes, the JSON integers) must answer as the plain readings they stand for: each is
/// checked here against that reading, on the committed reports' rows and on crafted texts.
@Suite struct MiscShortcutTests {
    static let crafted = [
        "", " ", "|", "||", "1|", "|1", "a|b", "1 |", "| 1", "０|", "|０", "١|", "|\u{301}1", "1\u{301}|", "x|y|1", "ab|cd|ef|9",
        "-4-", "- 4 -", "— 5 —", "-", "--", "-_~", "-4", "4-", "~12~", "_3_", "-a-", "-4-5-", "·4·", "•4•", "第4页", "第 4 页",
        "第4页 共5页", "4/5", "4 / 5", "/5", "4/", "12/345", "1234/5678", "4/5/6", "１/２", "４／５", "-\u{301}4-", "-4-\u{301}",
        "−4−", "－4－", "12", "0 0 12 3", "12345678901234567", "-12345678901234-", "-123456789012345-", "\u{1}4/5", "4/5\u{7F}",
        "Page 4", "٣/٤", "-٣-", "-\u{FF14}-", "é/5", String(repeating: "-", count: 40), String(repeating: "|1", count: 5000),
    ]

    /// Every row text of the committed text and HTML reports, and the crafted texts.
    static func texts() throws -> [String] {
        var texts = crafted
        for rows in try OutlineShortcutTests.corpusDocuments() { texts += rows.map(\.text) }
        return texts
    }

    /// ``OCRDoubt/hasGluedPipe(_:)-(String)`` finds what the byte array reading found, and
    /// ``OCRDoubt/looksLikeOCR(_:)`` answers as that reading over the rows.
    @Test func gluedPipeAsOnTheByteArray() throws {
        func plain(_ text: String) -> Bool {
            let u = Array(text.utf8)
            for i in u.indices where u[i] == 0x7C {
                let before = i > 0 && u[i - 1] >= 0x30 && u[i - 1] <= 0x39
                let after = i + 1 < u.count && u[i + 1] >= 0x30 && u[i + 1] <= 0x39
                if before || after { return true }
            }
            return false
        }
        let texts = try Self.texts()
        var glued = 0
        for text in texts {
            #expect(OCRDoubt.hasGluedPipe(text) == plain(text), "\(text)")
            if plain(text) { glued += 1 }
        }
        #expect(glued >= 5)
        var documents = try OutlineShortcutTests.corpusDocuments()
        documents.append(Self.crafted.map { GridRow(cells: [], text: $0, at: .line(1)) })
        for rows in documents {
            #expect(OCRDoubt.looksLikeOCR(rows) == (rows.filter { plain($0.text) }.count >= 3))
        }
    }

    /// ``PageFurniture/asciiKeyReading(_:_:)``, where it decides, answers as the Character reading
    /// ``PageFurniture/keyReading(_:_:)`` on the same key.
    @Test func pageNumberKeyOnBytesAsOnCharacters() throws {
        var decided = 0, pages = 0
        for text in try Self.texts() {
            let k = TextNormalizer.matchKey(text)
            let plain = PageFurniture.keyReading(k, text)
            if let fast = k.utf8.withContiguousStorageIfAvailable({ PageFurniture.asciiKeyReading($0, text) }), let answer = fast {
                #expect(answer == plain, "\(text)")
                decided += 1
                if answer { pages += 1 }
            }
            // Also on keys that are not the match key of a text (spaces, controls, odd scalars kept).
            if let fast = text.utf8.withContiguousStorageIfAvailable({ PageFurniture.asciiKeyReading($0, text) }), let answer = fast {
                #expect(answer == PageFurniture.keyReading(text, text), "\(text)")
            }
        }
        #expect(decided >= 100)
        #expect(pages >= 10)
    }

    /// ``RegionResolver/isTownship(_:)`` answers as `hasSuffix` with each township suffix.
    @Test func townshipSuffixOnBytesAsOnCharacters() throws {
        var units = [
            "", "镇", "乡", "街道", "道", "某某镇", "某某乡", "某某街道", "某街", "乡镇", "镇镇", "某镇\u{301}", "某\u{301}镇", "某乡a", "a乡",
            "\u{0600}镇", "某\u{200D}镇", "某\u{FE0F}", "某镇\u{FE0F}", "㐀镇", "𠀀镇", "\u{2F9F}镇", "\u{F900}乡", "北京市", "朝阳区", "洪泽区",
            String(repeating: "长", count: 2000) + "镇",
        ]
        for text in try Self.texts() where text.utf8.count < 120 {
            units += AgencyKey.units(ofKey: TextNormalizer.matchKey(text)).units
            units.append(text)
        }
        var township = 0
        for u in units {
            let plain = RegionResolver.townshipSuffixes.contains { u.hasSuffix($0) }
            #expect(RegionResolver.isTownship(u) == plain, "\(u)")
            if plain { township += 1 }
        }
        #expect(township >= 5)
    }

    /// ``OutlineBuilder/hasScalars(_:_:)`` answers as the whole count, and the table sections'
    /// narratives are the same with it (the test of the last byte moved first).
    @Test func scalarsCountedUpToTheBound() throws {
        var texts = try Self.texts()
        texts += ["一二三四五六七八九十一二三四五六七八九", "一二三四五六七八九十一二三四五六七八九十", "é\u{301}", "𠀀𠀀𠀀", String(repeating: "a", count: 19)]
        for text in texts {
            for n in [0, 1, 2, 19, 20, 21, 80] {
                #expect(OutlineBuilder.hasScalars(n, text) == (text.scalarCount >= n), "\(n) \(text)")
            }
        }
        for rows in try OutlineShortcutTests.corpusDocuments() {
            let builder = OutlineBuilder(rows: rows)
            for h in builder.findHeadings() {
                let body = (h.row + 1)..<rows.count
                let paragraphs = builder.joiner.paragraphs(rows, body.lazy.filter { rows[$0].table == nil }, scalarCounts: builder.scalarCounts)
                let plain = paragraphs.filter { p in
                    p.text.scalarCount >= 20 && p.text.utf8.last == 0x82 && p.text.hasSuffix("。") && !p.text.includes("勾稽关系")
                }
                #expect(builder.narrative(body, tableSection: true).0 == plain.map(\.text).joined(separator: "\n"))
            }
        }
    }

    /// ``OutlineBuilder/splitSubheading(_:)`` on the bytes cuts where the scalar reading cut.
    @Test func subheadingSplitOnBytesAsOnScalars() throws {
        func plain(_ rest: String) -> (String, String) {
            let scalars = rest.unicodeScalars
            var i = scalars.startIndex
            var n = 0
            while i < scalars.endIndex && n < 40 {
                let s = scalars[i]
                i = scalars.index(after: i)
                if s == "。" || s == "：" {
                    return (String(Substring(scalars[..<i])), String(Substring(scalars[i...])).trimmingLeadingSpaces())
                }
                n += 1
            }
            return rest.scalarCount <= 40 ? (rest, "") : ("", rest)
        }
        var texts = try Self.texts()
        let long = String(repeating: "长", count: 39)
        texts += [
            "持续推进主动公开。严格执行", "标题：  内容", "。", "：", "。\u{301}后", "a。 b", long + "。后", long + "长。后", long + "：",
            long + "长", long + "é", "𠀀。x", "é\u{301}：y", "\u{FF1A}", "\u{3002}\u{3002}", String(repeating: "e\u{301}", count: 30) + "。",
        ]
        for text in texts {
            let got = OutlineBuilder.splitSubheading(text)
            let want = plain(text)
            #expect(Array(got.0.utf8) == Array(want.0.utf8) && Array(got.1.utf8) == Array(want.1.utf8), "\(text)")
        }
    }

    /// ``HeadingTokenizer/make(_:_:_:_:)`` cuts on the bytes where the scalar reading cut.
    @Test func headingTokenCutOnBytesAsOnScalars() throws {
        var texts = try Self.texts()
        texts += ["一、", "一、 ", "一、  概述 ", "（一） 标题", "(二)  x", "1. a", "1．b", "一、\u{301}x", "十二、𠀀", "１、 ", "三、" + String(repeating: "长", count: 3000)]
        var made = 0
        for text in texts {
            guard let (level, n, end) = HeadingTokenizer.marker(text) else { continue }
            let scalars = text.unicodeScalars
            let markerEnd = scalars.index(scalars.startIndex, offsetBy: end)
            var j = markerEnd
            while j < scalars.endIndex, scalars[j] == " " { j = scalars.index(after: j) }
            let token = HeadingTokenizer.make(level, n, text, end)
            #expect(Array(token.marker.utf8) == Array(String(scalars[..<markerEnd]).trimmingTrailingSpaces().utf8), "\(text)")
            #expect(Array(token.rest.utf8) == Array(String(scalars[j...]).utf8), "\(text)")
            #expect(token.level == level && token.number == n)
            made += 1
        }
        #expect(made >= 100)
    }

    /// ``OutlineBuilder/scalarCount(_:)`` counts the scalars, across the lane sums of long texts.
    @Test func scalarCountByLanes() throws {
        var texts = try Self.texts()
        for n in [0, 1, 7, 8, 9, 2039, 2040, 2041, 2047, 2048, 2049, 4080, 4089, 20000] {
            texts += [String(repeating: "a", count: n), String(repeating: "长", count: n), String(repeating: "é\u{301}𠀀", count: n / 3 + 1)]
            texts.append(String(repeating: "\u{80}", count: n))
        }
        for text in texts {
            #expect(OutlineBuilder.scalarCount(text) == text.unicodeScalars.count, "\(text.utf8.count)")
        }
    }

    /// ``JSONByteBuffer/integer(_:)`` writes the digits `JSONValue.writeInteger` writes.
    @Test func integerDigitsAsTheValueTree() {
        var values: [Int64] = [0, 1, -1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 9999, 10000, 10001, 99999, 100_000, 123_456_789]
        values += [Int64.max, Int64.min, Int64.max - 1, Int64.min + 1, 1_000_000_000_000_000_000, -1_000_000_000_000_000_000]
        var p: Int64 = 1
        for _ in 0..<18 {
            p *= 10
            values += [p - 1, p, p + 1, -(p - 1), -p, -(p + 1), p / 2 + 7]
        }
        for v in 0..<2000 { values.append(Int64(v)); values.append(-Int64(v)) }
        var buffer = JSONByteBuffer(capacity: 64)
        var plain: [UInt8] = []
        for v in values {
            buffer.integer(v)
            buffer.append(0x2C)
            JSONValue.writeInteger(v, into: &plain)
            plain.append(0x2C)
        }
        #expect(buffer.array == plain)
    }
}
