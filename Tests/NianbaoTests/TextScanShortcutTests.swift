import Foundation
import Testing

@testable import NianbaoCore

/// The word-at-a-time scans of the plain UTF-8 text reader answer as the plain readings they
/// stand for: ``TextDecoder/tally(validating:)`` as `String(validating:as: UTF8.self)` and
/// ``TextDecoder/tally(_:)`` on the String's bytes, on the committed text reports, on every
/// scalar, on every short byte string over an alphabet of the bytes that matter and on random
/// byte strings and mutations of the reports; the run loop of
/// ``TextGridBuilder/row(_:number:blankBefore:blankMarks:leadingTabCells:scratch:runs:)`` as the
/// general path alone, on every line of the reports and on lines made of the pieces it tells apart;
/// the tally's `<` and `|` as a search for them, and ``AlignedTableText/mayHaveTables(_:)`` as the
/// line reading it shortcuts.
@Suite struct TextScanShortcutTests {
    /// The plain reading: the standard library's validation, then the tally of the valid bytes.
    static func plainTally(_ bytes: [UInt8]) -> TextDecoder.Tally? {
        guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
        return Array(s.utf8).withUnsafeBufferPointer { TextDecoder.tally($0) }
    }

    static func fusedTally(_ bytes: [UInt8]) -> TextDecoder.Tally? {
        bytes.withUnsafeBufferPointer { TextDecoder.tally(validating: $0) }
    }

    /// Whether the fused tally is the plain one (the counts after a NUL are not kept by either).
    static func same(_ bytes: [UInt8]) -> Bool {
        let plain = plainTally(bytes)
        let fused = fusedTally(bytes)
        guard let plain, let fused else { return plain == nil && fused == nil }
        return plain.nul == fused.nul && plain.line == fused.line && plain.total == fused.total && plain.control == fused.control
            && plain.visible == fused.visible
    }

    /// Bytes around a piece so that the fast paths reach it (they read four and eight bytes at a
    /// time and leave the last bytes of a text to the general path): alone, after printable ASCII
    /// of each length up to eight, between ideographs, and before spaces.
    static func contexts(_ piece: [UInt8]) -> [[UInt8]] {
        let ideograph: [UInt8] = [0xE4, 0xB8, 0x80]
        var out = [piece, piece + piece + [0x41, 0x41, 0x41, 0x41], ideograph + piece + ideograph + ideograph, piece + Array(repeating: 0x20, count: 9)]
        for k in 1...8 { out.append(Array(repeating: 0x30, count: k) + piece + Array(repeating: 0x31, count: 9)) }
        return out
    }

    /// The bytes the scans tell apart: controls, NUL, line ends, space, printable ASCII and its
    /// ends, DEL, continuation bytes at the edges of the second-byte ranges, every kind of lead
    /// byte (and the invalid ones), the second bytes of the full-width forms and the dashes.
    static let alphabet: [UInt8] = [
        0x00, 0x01, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, 0x21, 0x30, 0x41, 0x7E, 0x7F, 0x80, 0x8F, 0x90, 0x97, 0x98, 0x9F, 0xA0, 0xA7, 0xA8,
        0xBB, 0xBC, 0xBD, 0xBE, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE9, 0xEA, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
    ]

    @Test func validatingTallyOnTheCorpusAndItsVariants() throws {
        for bytes in try ReaderShortcutTests.byteInputs() {
            #expect(Self.same(bytes), "\(bytes.prefix(16))")
        }
    }

    /// Every scalar of up to three bytes in each context of ``contexts(_:)``; every seventh of
    /// four bytes (no fast path takes a four-byte scalar) alone and doubled.
    @Test func validatingTallyOnEveryScalar() {
        var failures = 0
        for v in UInt32(0)...0x10FFFF where v < 0x10000 || v % 7 == 0 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let piece = Array(String(scalar).utf8)
            for bytes in v < 0x10000 ? Self.contexts(piece) : Array(Self.contexts(piece).prefix(2)) where !Self.same(bytes) {
                failures += 1
                if failures < 10 { Issue.record("U+\(String(v, radix: 16)): \(bytes)") }
            }
        }
        #expect(failures == 0)
    }

    /// Every byte string of up to three bytes over ``alphabet`` in each context, and every one of
    /// four bytes that starts with a four-byte lead (F0, F4, F5) alone, doubled and between
    /// ideographs (truncated sequences, overlongs, surrogates, scalars above U+10FFFF, NULs
    /// inside valid text).
    @Test func validatingTallyOnEveryShortByteString() {
        var pieces: [[UInt8]] = [[]]
        var last: [[UInt8]] = [[]]
        for _ in 1...3 {
            last = last.flatMap { p in Self.alphabet.map { p + [$0] } }
            pieces += last
        }
        var failures = 0
        for piece in pieces {
            for bytes in Self.contexts(piece) where !Self.same(bytes) {
                failures += 1
                if failures < 10 { Issue.record("\(bytes)") }
            }
        }
        for lead: UInt8 in [0xF0, 0xF4, 0xF5] {
            for piece in last {
                for bytes in Self.contexts([lead] + piece).prefix(3) where !Self.same(bytes) {
                    failures += 1
                    if failures < 10 { Issue.record("\(bytes)") }
                }
            }
        }
        #expect(failures == 0)
        #expect(Self.fusedTally([0xED, 0xA0, 0x80, 0x41, 0x41, 0x41, 0x41]) == nil)
        #expect(Self.fusedTally([0xF4, 0x90, 0x80, 0x80, 0x41, 0x41, 0x41, 0x41]) == nil)
        #expect(Self.fusedTally([0xE0, 0x80, 0x80, 0x41, 0x41, 0x41, 0x41]) == nil)
        #expect(Self.fusedTally([0x41, 0x00, 0x0A, 0xE4, 0xB8, 0x80, 0xFF])?.nul == nil)
        #expect(Self.fusedTally([0x41, 0x0A, 0x00, 0x0A, 0xE4, 0xB8, 0x80, 0x41, 0x41, 0x41, 0x41])?.line == 2)
    }

    /// Random strings over ``alphabet`` and over the bytes of a report, and random changes of the
    /// committed reports (a byte replaced, removed or inserted; a cut at any place).
    @Test func validatingTallyOnRandomBytes() throws {
        var g = IdentityTallyTests.Generator(state: 18)
        let reports = try ReaderShortcutTests.byteInputs().filter { $0.count > 1000 }
        let common: [UInt8] = [0x20, 0x20, 0x20, 0x0A, 0x09, 0x31, 0x41, 0xE4, 0xB8, 0x80, 0xE3, 0x80, 0x82, 0xEF, 0xBC, 0x8C, 0xE2, 0x80, 0x9C, 0xC2, 0xA0]
        var failures = 0
        for round in 0..<20000 {
            let letters = round % 2 == 0 ? Self.alphabet : common
            var bytes = (0..<Int.random(in: 0...24, using: &g)).map { _ in letters.randomElement(using: &g)! }
            if round % 10 == 0 {
                bytes = reports.randomElement(using: &g)!
                let at = Int.random(in: 0..<bytes.count, using: &g)
                switch round % 40 {
                case 0: bytes[at] = Self.alphabet.randomElement(using: &g)!
                case 10: bytes.remove(at: at)
                case 20: bytes.insert(Self.alphabet.randomElement(using: &g)!, at: at)
                default: bytes = Array(bytes[..<at])
                }
            }
            if !Self.same(bytes) {
                failures += 1
                if failures < 10 { Issue.record("\(bytes.prefix(40))") }
            }
        }
        #expect(failures == 0)
    }

    /// Long texts: runs of printable ASCII, spaces and ideographs far longer than a step.
    @Test func validatingTallyOnLongRuns() {
        let texts = [
            String(repeating: "信息公开", count: 5000), String(repeating: "abc 123  ", count: 5000), String(repeating: " ", count: 100_001),
            String(repeating: "一，“二”。（三）", count: 3000) + "\n\u{0}" + String(repeating: "x", count: 99),
        ]
        for text in texts {
            for cut in 0..<9 { #expect(Self.same(Array(text.utf8.dropLast(cut)))) }
        }
    }

    /// ``TextDecoder/Tally/angleOrPipe`` answers as the two `memchr` passes for a `<` and a `|`
    /// it replaced, wherever the bytes are valid UTF-8 (else the tally is nil, as the other tests
    /// check, and no search ran): on the reports and their variants, with either byte added at the
    /// first byte, the last and the middle; either byte after multi-byte scalars, after a NUL,
    /// among spaces and line ends, in each context of ``contexts(_:)``; and on every byte string
    /// of up to three bytes over ``alphabet``, the two bytes and their neighbours.
    @Test func angleOrPipeIsTheByteSearch() throws {
        let reports = try ReaderShortcutTests.byteInputs()
        var inputs = reports
        for mark: UInt8 in [0x3C, 0x7C] {
            let pieces: [[UInt8]] = [
                [mark], [0xE4, 0xB8, 0x80, mark], [0xC3, 0xA9, mark], [0xEF, 0xBC, 0x8C, mark], [0xF0, 0x9F, 0x98, 0x80, mark], [0, mark], [mark, 0],
                [0x20, 0x20, mark, 0x20], [0x0A, mark, 0x0A], [0xE4, 0xB8, mark], [0xFF, mark], [mark, 0x80],
            ]
            for piece in pieces { inputs += Self.contexts(piece) }
            for bytes in reports where !bytes.isEmpty {
                inputs += [[mark] + bytes, bytes + [mark], Array(bytes[..<(bytes.count / 2)]) + [mark] + Array(bytes[(bytes.count / 2)...])]
            }
        }
        let letters = Self.alphabet + [0x3B, 0x3C, 0x3D, 0x7B, 0x7C, 0x7D]
        var last: [[UInt8]] = [[]]
        for _ in 1...3 {
            last = last.flatMap { p in letters.map { p + [$0] } }
            for piece in last { inputs += Self.contexts(piece) }
        }
        var valid = 0
        var failures = 0
        for bytes in inputs {
            guard let fused = Self.fusedTally(bytes) else { continue }
            valid += 1
            if fused.angleOrPipe != (bytes.contains(0x3C) || bytes.contains(0x7C)) {
                failures += 1
                if failures < 10 { Issue.record("\(bytes.prefix(40))") }
            }
        }
        #expect(failures == 0)
        #expect(valid > 10000)
        #expect(Self.fusedTally([0x41, 0x00, 0x7C])?.angleOrPipe == true)
        #expect(Self.fusedTally([0xE4, 0xB8, 0x80, 0x3C])?.angleOrPipe == true)
        #expect(Self.fusedTally([0xE4, 0xB8, 0x80, 0x7D])?.angleOrPipe == false)
    }

    /// The reading ``AlignedTableText/mayHaveTables(_:)`` stands for: a stroke, or a line of the
    /// Character split whose first byte other than a space is `+` or `-` that is a border or a
    /// rule (``AlignedTableText/candidates(_:)``: a rule that starts with a `\r` is none).
    static func plainMayHaveTables(_ text: String) -> Bool {
        AlignedTableText.hasStroke(text)
            || text.split(separator: "\n").contains { line in
                guard let first = line.utf8.first(where: { $0 != 0x20 }), first == 0x2B || first == 0x2D else { return false }
                return AlignedTableText.columns(ofBorder: line) != nil || AlignedTableText.columns(ofRule: line) != nil
            }
    }

    /// ``AlignedTableText/mayHaveTables(_:)`` (which looks at no line of a text without a `+` or
    /// two dashes in a row) is the line reading: on the reports and their variants, on crafted
    /// borders, rules and near misses, on every text of up to four pieces that borders and rules
    /// are made of and random longer ones.
    @Test func mayHaveTablesIsTheLineReading() throws {
        var texts = try ReaderShortcutTests.byteInputs().compactMap { String(validating: $0, as: UTF8.self) }
        texts += [
            "+++", "  +--+--+  ", "+--+--+\r\n", "+-+-+\n", "-- --", "--  ---\r", "-1-", "--", "- -", "+ +", "+++\u{301}", "x\n  -- --\ny",
            "a+b+c", "--\u{301} --", "+--+\u{600} +", "一二--三", "-- --\r\n-- --", "\u{2500}", "+:=:+=+", "  ++  \t+", "\t+--+--+", "+--+--+\t",
            "一\n+----+----+\n| 一 | 1 |\n+----+----+\n", "一\n---- ----\n一  1\n", "—5—", "－－ －－", "+\u{FF0B}+", "", " ", "\n\n",
        ]
        let pieces = ["+", "-", "--", " ", "=", ":", "\r", "\n", "\t", "1", "一", "\u{301}", "\u{600}", "+--", "-- "]
        var last = [""]
        for _ in 1...4 {
            last = last.flatMap { p in pieces.map { p + $0 } }
            texts += last
        }
        var g = IdentityTallyTests.Generator(state: 21)
        for _ in 0..<20000 { texts.append((0..<Int.random(in: 5...24, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()) }
        var tables = 0
        var failures = 0
        for text in texts {
            let plain = Self.plainMayHaveTables(text)
            if plain { tables += 1 }
            if Array(text.utf8).withUnsafeBufferPointer(AlignedTableText.mayHaveTables) != plain {
                failures += 1
                if failures < 10 { Issue.record("\(Array(text.unicodeScalars))") }
            }
        }
        #expect(failures == 0)
        #expect(tables > 300)
    }

    /// The row of a line read with the run loop and on the general path alone, the same to the
    /// byte (`==` on Strings is canonical equivalence), in each mode of the reader.
    static func sameRow(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { line in
            for (marks, tabs) in [(false, false), (true, false), (false, true)] {
                var s1 = TextGridBuilder.Scratch()
                var s2 = TextGridBuilder.Scratch()
                let fast = TextGridBuilder.row(line, number: 3, blankBefore: false, blankMarks: marks, leadingTabCells: tabs, scratch: &s1)
                let plain = TextGridBuilder.row(line, number: 3, blankBefore: false, blankMarks: marks, leadingTabCells: tabs, scratch: &s2, runs: false)
                guard fast == plain, s1.widest == s2.widest else { return false }
                guard let fast, let plain else { continue }
                guard Array(fast.text.utf8) == Array(plain.text.utf8), fast.cells.count == plain.cells.count else { return false }
                for (a, b) in zip(fast.cells, plain.cells) where Array(a.text.utf8) != Array(b.text.utf8) || a.x != b.x { return false }
            }
            return true
        }
    }

    /// What the row reader tells apart: ideographs (lead E4 below U+4E00 and from it, E5–E9, the
    /// range's ends), CJK punctuation, full-width forms, dashes and quotes, digits and number
    /// punctuation, Latin, spaces, tabs, the ideographic space, no-break spaces, invisibles,
    /// controls, radicals, combining marks, scalars outside the Basic Multilingual Plane, line
    /// separators.
    static let rowPieces = [
        "规", "章", "一", "\u{4000}", "\u{4DFF}", "\u{4E00}", "\u{4FFF}", "\u{9FFF}", "\u{A000}", "，", "。", "、", "“", "”", "…", "—", "\u{2010}", "\u{2027}", "\u{2028}",
        "\u{3001}", "\u{303E}", "\u{303F}", "\u{FF01}", "\u{FF60}", "\u{FF61}", "１", "0", "1", "9", ",", ".", "-", "a", "Z", "~", " ", "  ",
        "\t", "\u{3000}", "\u{A0}", "\u{2F00}", "\u{200B}", "\u{FEFF}", "\u{7F}", "\u{1}", "\u{85}", "\u{301}", "𠀀", "\u{AC00}", "\u{1100}",
    ]

    @Test func rowRunsOnTheCorpusLines() throws {
        let dir = TestSupport.packageRoot.appendingPathComponent("Corpus/text")
        var lines = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".txt") }) {
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                lines += 1
                #expect(Self.sameRow(String(line)), "\(name): \(line)")
            }
        }
        #expect(lines > 1000)
    }

    /// Every line of up to three pieces of ``rowPieces``, and random lines of up to sixteen.
    @Test func rowRunsOnCraftedLines() {
        var failures = 0
        func check(_ line: String) {
            if !Self.sameRow(line) {
                failures += 1
                if failures < 10 { Issue.record("\(Array(line.unicodeScalars))") }
            }
        }
        for a in Self.rowPieces {
            for b in Self.rowPieces {
                check(a + b)
                for c in Self.rowPieces { check(a + b + c) }
            }
        }
        var g = IdentityTallyTests.Generator(state: 9)
        for _ in 0..<30000 {
            check((0..<Int.random(in: 1...16, using: &g)).map { _ in Self.rowPieces.randomElement(using: &g)! }.joined())
        }
        for line in ["2023 年 1 月", "1 2", "1 ,2", "1,046 8", "a b c", "一 二  三\t四", "12 34 一", "- 1", "1 -", "信息 公开 工作 年度 报告", String(repeating: "信息公开 a ", count: 500)] {
            check(line)
        }
        #expect(failures == 0)
    }

    /// The rows of the reading ``TextGridBuilder/build(_:)-(UnsafeBufferPointer<UInt8>)`` stands
    /// for: each line found first (it ends at its first \n or \r, and \r\n is one end), then read
    /// by the row reader on its own bytes.
    static func plainRows(_ bytes: [UInt8], pipeRows: Bool) -> [GridRow] {
        bytes.withUnsafeBufferPointer { b in
            var rows: [GridRow] = []
            let blankMarks = TextGridBuilder.marksBlankCells(b)
            var scratch = TextGridBuilder.Scratch()
            var lineNumber = 0
            var blankBefore = true
            var start = 0
            while start < b.count {
                var i = start
                while i < b.count && b[i] != 0x0A && b[i] != 0x0D { i += 1 }
                lineNumber += 1
                if i > start,
                    let row = TextGridBuilder.row(
                        UnsafeBufferPointer(rebasing: b[start..<i]), number: lineNumber, blankBefore: blankBefore, blankMarks: blankMarks,
                        leadingTabCells: pipeRows, scratch: &scratch)
                {
                    rows.append(row)
                    blankBefore = false
                } else {
                    blankBefore = true
                }
                if i < b.count { i += (b[i] == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A) ? 2 : 1 }
                start = i
            }
            return rows
        }
    }

    /// The grid of a text whose lines the row reader ends as it reads them is the grid of its
    /// lines found first, to the byte: on the reports and their variants (CRLF line ends among
    /// them), on crafted texts (line ends of every kind after spaces, tabs, no-break spaces,
    /// ideographs, digits, at the start and the end) and on random texts of the pieces that matter.
    @Test func buildEndsLinesAsTheLineSearch() throws {
        var texts = try ReaderShortcutTests.byteInputs().filter { String(validating: $0, as: UTF8.self) != nil }
        let crafted = [
            "a\rb", "a\r\nb", "a\n\rb", "\n\n", "\r\r\n", "  \n  x", "1\u{A0}\u{A0}\n2", "1\u{A0}\u{A0}\r3", "a\t\t\nb", "一 \n二", "一\n", "\n", "\r",
            "x", "a  \r\n  b", "一二\r三四", "1 \n2", "1,046 \n8", "\t\t1\t2\n\t3", "一二三四五六七八\n", "一  \n  二", "\u{3000}\r\n\u{3000}", "，\n。",
        ]
        texts += crafted.map { Array($0.utf8) }
        let pieces = ["一", "规", "a", "1", "0", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{A0}", "，", "\u{3000}", ",", "\u{2028}", "\u{85}"]
        var g = IdentityTallyTests.Generator(state: 22)
        for _ in 0..<20000 { texts.append(Array((0..<Int.random(in: 1...30, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined().utf8)) }
        var failures = 0
        for bytes in texts {
            for pipeRows in [false, true] {
                let built = bytes.withUnsafeBufferPointer { TextGridBuilder(pipeRows: pipeRows).build($0) }.rows
                let plain = Self.plainRows(bytes, pipeRows: pipeRows)
                let same =
                    built == plain
                    && zip(built, plain).allSatisfy { a, b in
                        Array(a.text.utf8) == Array(b.text.utf8) && zip(a.cells, b.cells).allSatisfy { Array($0.text.utf8) == Array($1.text.utf8) && $0.x == $1.x }
                    }
                if !same {
                    failures += 1
                    if failures < 10 { Issue.record("\(bytes.prefix(40))") }
                }
            }
        }
        #expect(failures == 0)
    }

    /// ``TextDecoder/spaceRunEnd(_:from:)`` is the end a byte loop finds: every pattern of spaces
    /// and other bytes up to fourteen long, from every start, and random longer ones.
    @Test func spaceRunEndIsTheByteLoop() {
        func plain(_ b: [UInt8], _ i: Int) -> Int {
            var k = i
            while k < b.count && b[k] == 0x20 { k += 1 }
            return k
        }
        var failures = 0
        func check(_ b: [UInt8]) {
            b.withUnsafeBufferPointer { p in
                for i in 0...b.count where TextDecoder.spaceRunEnd(p, from: i) != plain(b, i) {
                    failures += 1
                    if failures < 10 { Issue.record("\(b) from \(i)") }
                }
            }
        }
        let others: [UInt8] = [0x21, 0x00, 0x09, 0xA0, 0xE4, 0x60, 0x22]
        for length in 0...14 {
            for pattern in 0..<(1 << length) {
                check((0..<length).map { pattern >> $0 & 1 == 1 ? 0x20 : others[($0 + pattern) % others.count] })
            }
        }
        var g = IdentityTallyTests.Generator(state: 20)
        for _ in 0..<2000 {
            check((0..<Int.random(in: 15...70, using: &g)).map { _ in Int.random(in: 0..<4, using: &g) == 0 ? 0x21 : 0x20 })
        }
        #expect(failures == 0)
    }
}
