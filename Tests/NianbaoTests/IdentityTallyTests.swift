import Foundation
import Testing

@testable import Nianbao
@testable import NianbaoCore

/// ``IdentityChecker/tally(_:)`` counts what ``IdentityChecker/check(_:)`` decides, and the table
/// reader's score built on it chooses as the one built on the checks' ids did: compared on the
/// cells of every corpus text report, on their tables apart, and on random changes of them.
@Suite struct IdentityTallyTests {
    /// A fixed-seed generator (SplitMix64): the same random cells on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The cells of every text and converted report of the corpus.
    static func corpusCells() throws -> [[Cell]] {
        var out: [[Cell]] = []
        for sub in ["Corpus/text", "Corpus/converted"] {
            let dir = TestSupport.packageRoot.appendingPathComponent(sub)
            guard let walker = FileManager.default.enumerator(atPath: dir.path) else { continue }
            let names = walker.compactMap { $0 as? String }.filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && !$0.contains(".expected") }
            for name in names.sorted() {
                let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
                guard let report = try? ReportExtractor(options: ExtractOptions()).extract(bytes: bytes, path: name) else { continue }
                out.append(report.cells)
            }
        }
        return out
    }

    /// The tally as it was made from the checks: failures counted, passing ids as a set.
    static func plain(_ cells: [Cell]) -> (fails: Int, passed: Set<String>) {
        let checks = IdentityChecker().check(cells)
        return (checks.filter { $0.status == .fail }.count, Set(checks.filter { $0.status == .pass }.map(\.id)))
    }

    static func ids(_ set: IdentityTally.IDs) -> Set<String> {
        Set(IdentityPlan.idNumber.filter { set.contains($0.value) }.map(\.key))
    }

    static func expectAgrees(_ cells: [Cell], _ what: String) {
        let tally = IdentityChecker().tally(cells)
        let plain = plain(cells)
        #expect(tally.fails == plain.fails, "\(what)")
        #expect(ids(tally.passed) == plain.passed, "\(what)")
        #expect(tally.passed.count == plain.passed.count, "\(what)")
    }

    /// ``TableReaderChoice/Score/beaten(by:)`` as it was, on sets of ids.
    static func plainBeaten(_ a: [Cell], by b: [Cell]) -> Bool {
        let (ka, kb) = (TableReaderChoice.Score.known(a), TableReaderChoice.Score.known(b))
        let (pa, pb) = (plain(a), plain(b))
        if (kb > ka && pb.fails <= pa.fails) || (kb == ka && pb.fails < pa.fails) { return true }
        if ka == 0 && kb > 0 && pb.fails == 1 && pb.passed.count >= 2 { return true }
        return kb > ka && pa.passed.isSubset(of: pb.passed) && pb.fails * TableReaderChoice.maxFailShare <= pb.passed.count + pb.fails
    }

    /// Random changes of a reading: cells dropped, values blanked or changed by one, cells
    /// repeated, keys not of any check added.
    static func variant(_ cells: [Cell], _ g: inout Generator) -> [Cell] {
        var out: [Cell] = []
        for c in cells {
            var c = c
            switch Int.random(in: 0..<12, using: &g) {
            case 0: continue
            case 1: c.value = nil
            case 2: c.value = c.value.map { DecimalNumber(units: $0.units + 1, scale: $0.scale) }
            case 3: c.value = c.value.map { DecimalNumber(units: $0.units * 10, scale: $0.scale + 1) }
            case 4: out.append(c)
            case 5: out.append(Cell(key: "applications.unknown_row.\(c.key.count)", value: DecimalNumber(1), raw: "1", kind: .number, at: .none))
            default: break
            }
            out.append(c)
        }
        if Int.random(in: 0..<4, using: &g) == 0 { out.shuffle(using: &g) }
        return out
    }

    /// Cells of random plan keys with small random values (some blank).
    static func randomCells(_ g: inout Generator) -> [Cell] {
        let keys = IdentityPlan.slotKeys + ["applications.other.total.total", "active_disclosure.x", "review_litigation.x", "ap", "r"]
        return (0..<Int.random(in: 0..<120, using: &g)).map { _ in
            let key = keys.randomElement(using: &g)!
            let v = Int.random(in: -1..<4, using: &g)
            return Cell(key: key, value: v < 0 ? nil : DecimalNumber(v), raw: nil, kind: v < 0 ? .empty : .number, at: .none)
        }
    }

    @Test func tallyCountsWhatCheckDecides() throws {
        var g = Generator(state: 16)
        var readings: [[Cell]] = []
        for cells in try Self.corpusCells() {
            readings.append(cells)
            for prefix in ["applications.", "review_litigation.", "active_disclosure."] { readings.append(cells.filter { $0.key.hasPrefix(prefix) }) }
            readings.append(cells.filter { !$0.key.hasPrefix("applications.other.") || $0.key.hasPrefix("applications.other.total.") })
            for _ in 0..<20 { readings.append(Self.variant(cells, &g)) }
        }
        #expect(readings.count > 100)
        for _ in 0..<300 { readings.append(Self.randomCells(&g)) }
        for (n, cells) in readings.enumerated() { Self.expectAgrees(cells, "reading \(n)") }
        // The score's choice between two readings, as it was made on the ids.
        for _ in 0..<2000 {
            let a = readings.randomElement(using: &g)!, b = readings.randomElement(using: &g)!
            #expect(TableReaderChoice.Score(a).beaten(by: TableReaderChoice.Score(b)) == Self.plainBeaten(a, by: b))
        }
    }

    @Test func idSetAnswersAsASetOfStrings() {
        var g = Generator(state: 7)
        let all = IdentityPlan.idNumber
        #expect(Set(all.values).count == all.count && all.values.allSatisfy { $0 >= 0 && $0 < IdentityTally.IDs.capacity })
        for _ in 0..<500 {
            let a = Set(all.keys.filter { _ in Bool.random(using: &g) }), b = Set(all.keys.filter { _ in Bool.random(using: &g) })
            var sa = IdentityTally.IDs(), sb = IdentityTally.IDs()
            for id in a { sa.insert(all[id]!) }
            for id in b { sb.insert(all[id]!) }
            #expect(sa.count == a.count && sa.isSubset(of: sb) == a.isSubset(of: b) && sa.isSubset(of: sa))
            #expect(Self.ids(sa) == a)
        }
    }
}
