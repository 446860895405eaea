import Foundation
import Testing

@testable import NianbaoCore

/// `String.byteMask` lets the label matcher skip rows whose keywords cannot be in a label: it must
/// be a necessary condition of `includes` (never skip a keyword that is there), and the matcher
/// must name the same row as the plain search over every row, on every label of the text corpus.
@Suite struct ByteMaskTests {
    /// The match keys of every grid cell and row of the committed text reports.
    static func corpusKeys() throws -> [String] {
        var keys: [String] = []
        for row in try CorpusTextRows.rows() {
            keys.append(TextNormalizer.matchKey(row.text))
            keys += row.cells.map { TextNormalizer.matchKey($0.text) }
        }
        return keys.filter { !$0.isEmpty }
    }

    static let keywords: [String] =
        (ApplicationsLayout.matcher.priority + ActiveDisclosureLayout.rows2021.map(\.spec) + ActiveDisclosureLayout.rows2019.map(\.spec))
        .flatMap { $0.keywords + ($0.wholeLabel.map { [$0] } ?? []) }
        + ActiveDisclosureLayout.words2021 + ActiveDisclosureLayout.words2019

    @Test func maskIsNecessaryForIncludes() throws {
        let keys = try Self.corpusKeys()
        var found = 0
        for key in keys {
            for word in Self.keywords where key.includes(word) {
                found += 1
                #expect(word.byteMask & ~key.byteMask == 0, "\(word) in \(key)")
            }
        }
        // The corpus holds the tables' labels: the property was tested on real matches.
        #expect(found > 500)
    }

    @Test func maskOfKnownStrings() {
        #expect("".byteMask == 0)
        #expect("A".byteMask == 1 << (0x41 & 63))
        // 其他 is not in 其它: the mask tells (他 and 它 differ in their last byte).
        #expect("其他".byteMask & ~"其它".byteMask != 0)
        #expect("其他".byteMask & ~"（六）3.其他".byteMask == 0)
    }

    /// The buffer form gives the property's mask, and ``String/firstOffset(of:in:)`` the first place
    /// a byte-by-byte scan finds (``String/includes(_:_:)`` is it being found), on every pair of
    /// corpus keys and keywords and on crafted texts (empty, repeated and overlapping needles).
    @Test func bufferMaskAndFirstOffsetAgreeWithPlainScans() throws {
        func scan(_ n: [UInt8], _ h: [UInt8]) -> Int? {
            if n.isEmpty { return 0 }
            guard n.count <= h.count else { return nil }
            return (0...(h.count - n.count)).first { i in (0..<n.count).allSatisfy { h[i + $0] == n[$0] } }
        }
        let crafted = ["", "a", "aa", "aaa", "aba", "abab", "政府信息公开", "政府政府信息公开信息公开", "公开公开", "信息公开政府信息公开", "度政府", "开"]
        let keys = try Self.corpusKeys().prefix(400) + crafted
        let needles = Self.keywords + crafted + ["政府信息公开", "公开", "\u{0}"]
        var found = 0
        for key in keys {
            let h = Array(key.utf8)
            let mask = h.withUnsafeBufferPointer(String.byteMask)
            #expect(mask == key.byteMask, "\(key)")
            for needle in needles {
                let n = Array(needle.utf8)
                let offset = h.withUnsafeBufferPointer { hb in n.withUnsafeBufferPointer { String.firstOffset(of: $0, in: hb) } }
                #expect(offset == scan(n, h), "\(needle) in \(key)")
                #expect(key.includes(needle) == (offset != nil))
                if offset != nil && !n.isEmpty { found += 1 }
            }
        }
        #expect(found > 100)
    }

    /// Table 三's matcher names, for each label alone, the row the unfiltered search names.
    @Test func matcherAgreesWithThePlainSearch() throws {
        let matcher = ApplicationsLayout.matcher
        func plain(_ key: String) -> String? {
            var first: Int?
            var named = 0
            for i in matcher.priority.indices where matcher.priority[i].matches(key) {
                if first == nil { first = i }
                if !matcher.groups.contains(matcher.priority[i].key) { named += 1 }
            }
            if named > 1 { return nil }
            return first.map { matcher.priority[$0].key }
        }
        var named = 0
        for key in try Self.corpusKeys() {
            let row = LogicalRow(
                labelKeys: [key], label: key,
                values: [PlacedReading(reading: CellReading.read("1"), at: .none, column: nil)], at: .none)
            let expected = plain(key)
            if expected != nil { named += 1 }
            #expect(matcher.match(row)?.key == expected, "\(key)")
        }
        #expect(named > 100)
    }
}
