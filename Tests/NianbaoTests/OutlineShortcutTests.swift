import Foundation
import Testing

@testable import NianbaoCore
@testable import NianbaoHTML

/// The outline's and the JSON writer's shortcuts must answer as the plain readings they stand for:
/// each is checked here against that reading, on the rows of the committed text and HTML reports and
/// on crafted texts.
@Suite struct OutlineShortcutTests {
    /// The grid rows of every committed text and HTML report.
    static func corpusDocuments() throws -> [[GridRow]] {
        var out: [[GridRow]] = []
        for (folder, ext) in [("text", ".txt"), ("html", ".html")] {
            let dir = TestSupport.packageRoot.appendingPathComponent("Corpus/\(folder)")
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(ext) }.sorted()
            for name in names {
                let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
                let reader: any DocumentReader = folder == "text" ? TextReader() : HTMLReader()
                guard let document = try? reader.read(data: bytes, path: name) else { continue }
                out.append(document.grid.rows)
            }
        }
        return out
    }

    static let crafted = [
        "一、总体情况", "一 、 概述", "（一）主动公开", "(二) 其他", "1.属于国家秘密", "1.5万元", "十一、", "二十一．问题",
        "一，不是", "（ 三 ）", "1、", "12 、", "一、\u{301}", "", "。", "2023年", "（一）\u{301}x",
    ]

    /// The plain reading ``ParagraphJoiner/paragraphs(_:_:scalarCounts:)`` stands for: every row
    /// copied out and asked ``ParagraphJoiner/startsNew(_:after:)``.
    static func plainParagraphs(_ joiner: ParagraphJoiner, _ rows: [GridRow]) -> [String] {
        var out: [String] = []
        var previous: GridRow?
        for row in rows {
            if let prev = previous, !joiner.startsNew(row, after: prev), !out.isEmpty {
                ParagraphJoiner.append(row.text, to: &out[out.count - 1])
            } else {
                out.append(row.text)
            }
            previous = row
        }
        return out
    }

    @Test func paragraphsJoinAsThePlainReading() throws {
        let documents = try Self.corpusDocuments()
        #expect(documents.count >= 20)
        for rows in documents {
            let counts = rows.map { $0.table == nil ? $0.text.scalarCount : 0 }
            let joiner = ParagraphJoiner(rows: rows, scalarCounts: counts)
            #expect(joiner.wrapWidth == ParagraphJoiner(rows: rows).wrapWidth)
            // All rows (as the preface may hold table rows), and the rows outside tables (a section body).
            let prose = rows.indices.filter { rows[$0].table == nil }
            for indices in [Array(rows.indices), prose] {
                let got = joiner.paragraphs(rows, indices, scalarCounts: counts).map(\.text)
                #expect(got == Self.plainParagraphs(joiner, indices.map { rows[$0] }))
                Self.expectEndingInFullStop(joiner, rows, indices, counts)
                // With the markers the outline reads once (rows outside tables only).
                let builder = OutlineBuilder(rows: rows)
                #expect(joiner.paragraphs(rows, indices, scalarCounts: counts, markers: builder.markers).map(\.text) == got)
                for i in rows.indices where rows[i].table == nil {
                    #expect((builder.markers[i] != nil) == HeadingTokenizer.startsWithMarker(rows[i].text))
                    let token = builder.markers[i].map { HeadingTokenizer.make($0.0, $0.1, rows[i].text, $0.2) }
                    #expect(token == HeadingTokenizer.token(rows[i].text))
                }
            }
        }
    }

    /// The paragraphs made with `endingInFullStop` are those made without it whose text ends in
    /// the byte 0x82, with the same first rows.
    static func expectEndingInFullStop(_ joiner: ParagraphJoiner, _ rows: [GridRow], _ indices: [Int], _ counts: [Int]) {
        let all = joiner.paragraphs(rows, indices, scalarCounts: counts)
        let ending = joiner.paragraphs(rows, indices, scalarCounts: counts, endingInFullStop: true)
        let kept = all.filter { $0.text.utf8.last == 0x82 }
        #expect(ending.map(\.text) == kept.map(\.text))
        #expect(ending.map(\.firstRow) == kept.map(\.firstRow))
    }

    /// Crafted rows: paragraphs ending in 。 before empty rows, in other text, in a lone row; ASCII
    /// words joined with a space; empty rows alone and inside paragraphs.
    @Test func paragraphsEndingInFullStopOnCraftedRows() {
        let texts = [
            "", "句子没有结束", "结束。", "", "", "abc", "def。", "（一）标题", "内容。", "", "。", "x", "", "没有句号", "ends.", "“引号。”", "",
            "一、总体情况", "", "二。",
        ]
        var rows = texts.enumerated().map { GridRow(cells: [], text: $0.element, at: .line($0.offset + 1)) }
        let counts = rows.map { $0.text.scalarCount }
        for start in [false, true] {
            if start { rows[3].startsParagraph = true }
            let joiner = ParagraphJoiner(rows: rows, scalarCounts: counts)
            for indices in [Array(rows.indices), Array(rows.indices.reversed()), [], [0], [2, 1], Array(stride(from: 0, to: rows.count, by: 2))] {
                Self.expectEndingInFullStop(joiner, rows, indices, counts)
                #expect(joiner.paragraphs(rows, indices, scalarCounts: counts).map(\.text) == Self.plainParagraphs(joiner, indices.map { rows[$0] }))
            }
        }
    }

    /// The last byte and scalar read in place are the String's.
    @Test func lastByteAndScalarAsTheString() throws {
        var texts = Self.crafted + ["a", "é", "e\u{301}", "𠀀", "x𠀀", "。", "ab。", "！", "?", "\u{10FFFF}", "\u{7F}", "\u{80}", String(repeating: "报告。", count: 100)]
        for rows in try Self.corpusDocuments() { texts += rows.map(\.text) }
        for text in texts {
            #expect(ParagraphJoiner.lastByte(text) == text.utf8.last, "\(text)")
            #expect(ParagraphJoiner.lastScalar(text) == text.unicodeScalars.last, "\(text)")
        }
    }

    @Test func tokenOfALevelIsTheTokenOfThatLevel() throws {
        var texts = Self.crafted
        for rows in try Self.corpusDocuments() { texts += rows.map(\.text) }
        for text in texts {
            let token = HeadingTokenizer.token(text)
            for level in [HeadingToken.Level.section, .subsection, .item] {
                #expect(HeadingTokenizer.token(text, level: level) == (token?.level == level ? token : nil), "\(text)")
            }
            #expect(HeadingTokenizer.startsWithMarker(text) == (token != nil))
            let plain = HeadingTokenizer.markerOnScalars(text)
            let fast = text.utf8.withContiguousStorageIfAvailable { HeadingTokenizer.marker(utf8: $0) } ?? nil
            #expect(fast.map { "\($0)" } == plain.map { "\($0)" }, "\(text)")
            #expect(OutlineBuilder.scalarCount(text) == text.unicodeScalars.count, "\(text)")
        }
    }

    /// Markers of every shape and their near misses, with spaces, fullwidth digits and numbers.
    @Test func markerOnBytesAsOnScalars() {
        let heads = ["一", "十二", "二十一", "一二三四", "〇", "零", "（", "(", "（ 三", "(十", "1", "12", "123", "１", "１２", "x", ""]
        let tails = ["、", "．", ".", "，", " 、", "  .", "）", ")", "）、", ") .", "）．x", ".5", "．５", "、5", ". 5", "", " ", "\u{301}、"]
        for h in heads {
            for t in tails {
                for rest in ["", "总体情况", "5万元", " x"] {
                    let text = h + t + rest
                    let plain = HeadingTokenizer.markerOnScalars(text)
                    let fast = text.utf8.withContiguousStorageIfAvailable { HeadingTokenizer.marker(utf8: $0) } ?? nil
                    #expect(fast.map { "\($0)" } == plain.map { "\($0)" }, "\(text)")
                }
            }
        }
    }

    /// Every scalar of the Basic Multilingual Plane (and some beyond) as a text's first, before
    /// the tails a marker may have: the lead byte that rejects a text before decoding it rejects
    /// only texts the scalar reading finds no marker in.
    @Test func markerOnBytesAsOnScalarsForEveryFirstScalar() {
        let values = Array(0..<0xD800) + Array(0xE000...0xFFFF) + [0x10000, 0x20000, 0x2F800, 0x10FFFF]
        for v in values {
            let first = String(Unicode.Scalar(UInt32(v))!)
            for tail in ["、x", "）", "一、", "十）．", " 、"] {
                let text = first + tail
                let plain = HeadingTokenizer.markerOnScalars(text)
                let fast = text.utf8.withContiguousStorageIfAvailable { HeadingTokenizer.marker(utf8: $0) } ?? nil
                #expect(fast.map { "\($0)" } == plain.map { "\($0)" }, "\(text)")
            }
        }
    }

    @Test func removeSpacesAsOnScalars() throws {
        var texts = Self.crafted + ["2023 年", "Word Press 年报", "a b", " a", "a ", "é b", "a\u{301} b", "A  B", "x 1", "１ ２", "  "]
        for rows in try Self.corpusDocuments() { texts += rows.prefix(12).map(\.text) }
        for text in texts {
            #expect(Array(TitleFinder.removeSpaces(text).utf8) == Array(TitleFinder.removeSpacesOnScalars(text).utf8), "\(text)")
        }
    }

    /// The byte-mask test before each word's search answers as the search alone.
    @Test func sectionWordsAsSearched() throws {
        var texts = Self.crafted + ["其他需要报告的事项", "行政复议、行政诉讼情况", "本年新收政府信息公开申请数量", "收到和处理政府信息公开申请情况", "问题和改进"]
        for rows in try Self.corpusDocuments() { texts += rows.map(\.text) }
        for text in texts {
            let k = TextNormalizer.matchKey(text)
            let plainKey = SectionClassifier.keywords.first { _, words in words.contains { k.includes($0) } }?.0
            #expect(SectionClassifier.key(matchKey: k) == plainKey, "\(text)")
            #expect(SectionClassifier.isTableRowLabel(matchKey: k) == SectionClassifier.tableRowWords.contains { k.includes($0) }, "\(text)")
        }
    }

    @Test func keyBytesAnswerAsStrings() {
        let keys = [
            "applications.other.total.x", "applications.other.x", "applications.other.", "applications.other", "applications.other.\u{301}x",
            "applications.other.é", "applications.othe", "", "active_disclosure.rules.made", "applications.other.total.\u{301}",
        ]
        for a in keys {
            #expect(KeyBytes.hasPrefix(a, "applications.other.") == a.hasPrefix("applications.other."), "\(a)")
            #expect(KeyBytes.hasPrefix(a, "applications.other.total.") == a.hasPrefix("applications.other.total."), "\(a)")
            for b in keys + ["e\u{301}", "é"] where KeyBytes.same(a, b) { #expect(a == b) }
            #expect(KeyBytes.same(a, a))
        }
    }

    @Test func byteBufferWritesAsJSONValue() {
        var strings = Self.crafted + ["a\"b\\c\n\r\t\u{1}\u{1F}x", String(repeating: "长文本，\n", count: 300), "12345678\"", "1234567\n8", "\u{7F}\u{80}"]
        strings += (0..<40).map { String(repeating: "x", count: $0) + "\"" + String(repeating: "y", count: 40 - $0) }
        // Words of high bytes only (Chinese text) around the bytes to escape.
        strings += (0..<12).map { String(repeating: "长", count: $0) + "\"\n" + String(repeating: "文", count: 12 - $0) + "\\" }
        var buffer = JSONByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for s in strings {
            buffer.string(s)
            JSONValue.writeString(s, into: &expected)
            buffer.shortString(s)
            JSONValue.writeString(s, into: &expected)
        }
        for i: Int64 in [0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 9999, 10000, 99999, 100_000, 12345, -987_654_321, .max, .min, .max - 1, .min + 1] {
            buffer.integer(i)
            JSONValue.writeInteger(i, into: &expected)
        }
        #expect(buffer.array == expected)
        #expect(buffer.count == expected.count)
        // Started in storage too small for the bytes: they move to storage of its own.
        let spilled = [UInt8](unsafeUninitializedCapacity: 100) { storage, initialized in
            var small = JSONByteBuffer(storage: storage)
            for s in strings {
                small.string(s)
                small.shortString(s)
            }
            let owned = small.owned
            #expect(owned)
            let bytes = small.array
            #expect(Array(bytes.prefix(expected.count)) == Array(expected.prefix(bytes.count)))
            initialized = 0
        }
        #expect(spilled.isEmpty)
    }

    /// Selection gives the value sorting puts at the index, for every index, on lists with repeats,
    /// runs and the corpus's line widths.
    @Test func orderStatisticIsTheSortedValue() throws {
        var lists: [[Int]] = [[5], [1, 1], [2, 1], [3, 3, 3, 3], [1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], [10, 40, 10, 40, 25, 10]]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for n in 1...60 {
            lists.append(
                (0..<n).map { _ in
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return Int(seed >> 58)
                })
        }
        for rows in try Self.corpusDocuments() { lists.append(rows.map { $0.text.scalarCount }.filter { $0 >= 10 }) }
        for list in lists where !list.isEmpty {
            let sorted = list.sorted()
            for k in list.indices {
                var v = list
                #expect(ParagraphJoiner.orderStatistic(&v, k) == sorted[k], "\(list) \(k)")
                #expect(v.sorted() == sorted)
            }
        }
    }

    /// The trims and the joiner's word test on bytes answer as on Characters and scalars, with
    /// spaces that a following combining mark or a preceding prepend mark joins into one Character.
    @Test func trimsAndWordJoinAsOnCharacters() throws {
        var texts = Self.crafted + ["", " ", "  ", " a", "a ", " a ", "\u{600} ", " \u{301}x", "x \u{301}", "  \u{301}", "一、 ", " 一", "a\u{301}", "é", "Z", "9"]
        for rows in try Self.corpusDocuments() { texts += rows.prefix(40).map(\.text) }
        for text in texts {
            #expect(text.trimmingLeadingSpaces() == String(text.drop(while: { $0 == " " })), "\(text)")
            var plain = text
            while plain.last == " " { plain.removeLast() }
            #expect(text.trimmingTrailingSpaces() == plain, "\(text)")
            for other in ["", "b", "长", " x", "\u{301}", "1"] {
                for (a, b) in [(text, other), (other, text)] {
                    var joined = a
                    ParagraphJoiner.append(b, to: &joined)
                    var expected = a
                    if let last = a.unicodeScalars.last, let first = b.unicodeScalars.first,
                        ParagraphJoiner.isASCIIWord(last), ParagraphJoiner.isASCIIWord(first)
                    {
                        expected.append(" ")
                    }
                    expected.append(b)
                    #expect(Array(joined.utf8) == Array(expected.utf8), "\(a) + \(b)")
                }
            }
        }
    }

    /// The pretty cells written from ``CellKeyRuns`` and the checks' keys found by the plan-order
    /// hint give the value tree's bytes, also for raw texts to escape or long, none, other kinds
    /// and locations, and checks out of plan order or with keys of their own.
    @Test func prettyCellRunsAndCheckHintsAsTheTree() throws {
        var report = try TestSupport.extract(MiniReport.text())
        #expect(report.cells.count >= 20 && report.checks.count >= 10)
        let raws: [String?] = ["a\"b", "1\n2", nil, String(repeating: "长", count: 9), "\\", "123456789012345", "1234567890123456", "\u{1}"]
        for (n, raw) in raws.enumerated() { report.cells[n * 2].raw = raw }
        report.cells[1].kind = .text
        report.cells[3].kind = .inferred
        report.cells[5].at = .table(1, row: 2, column: 3)
        report.cells[7].value = DecimalNumber(units: 125, scale: 2)
        report.cells[9].value = nil
        report.checks.reverse()
        report.checks[1].keys = report.checks[1].keys.map { $0 }
        report.checks[2].keys = []
        let tree = ReportJSON.value(report, expectedKeys: ExpectedKeys.keys(for: report))
        #expect(ExpectedKeys.variant(for: report) != nil)
        #expect(report.jsonBytes(pretty: true) == tree.serialized(pretty: true))
        #expect(report.jsonBytes(pretty: false) == tree.serialized(pretty: false))
    }
}
