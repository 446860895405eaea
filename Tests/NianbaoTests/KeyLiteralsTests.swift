import Foundation
import Testing

@testable import Nianbao
@testable import NianbaoCore

/// The flat keys and check ids the layouts, the identity plan and the readers hand out are the
/// literals of ``KeyLiterals`` (immortal Strings), and the literals are exactly the codebook's keys
/// and the plan's ids: a key added or renamed without `Scripts/generate-key-literals` fails here.
@Suite struct KeyLiteralsTests {
    /// Where a String's UTF-8 bytes are: a literal's are in the binary, a String made by
    /// interpolation has its own on the heap. Two Strings with the same address share storage.
    static func storage(_ s: String) -> UnsafePointer<UInt8>? {
        s.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
    }

    /// `s` is the literal of its text (not only equal to it).
    static func isLiteral(_ s: String) -> Bool {
        guard let literal = KeyLiterals.table[s] else { return false }
        return storage(s) != nil && storage(s) == storage(literal)
    }

    @Test func literalsAreTheCodebookKeysAndTheCheckIds() {
        let expected = Set(Codebook.keys).union(IdentityPlan.idNumber.keys)
        #expect(KeyLiterals.all.count == Set(KeyLiterals.all).count, "a literal is listed twice")
        #expect(Set(KeyLiterals.all) == expected)
        #expect(KeyLiterals.all == KeyLiterals.all.sorted())
    }

    @Test func layoutsAndPlansHandOutTheLiterals() {
        var made: [String] = []
        made += ApplicationsLayout.flatKeys.values.flatMap(\.values)
        made += ReviewLitigationLayout.keys
        made += (ActiveDisclosureLayout.plan2019.cellKeys + ActiveDisclosureLayout.plan2021.cellKeys).flatMap { $0 }
        for plan in [IdentityPlan.compiledSingle, IdentityPlan.compiledSplit, IdentityPlan.compiledReviewLitigation] {
            made += plan.ids + plan.keys.flatMap { $0 }
        }
        made += ExpectedKeys.variants.flatMap { $0 }
        #expect(made.count > 600)
        let notLiteral = made.filter { !Self.isLiteral($0) }
        #expect(notLiteral.isEmpty, "made by interpolation, not taken from KeyLiterals: \(Set(notLiteral).sorted().prefix(5))")
    }

    /// End to end: every cell key and check id of a report read from text is a literal.
    @Test func aReportCarriesTheLiterals() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("Corpus/text/t01-2021-tabs.txt")
        let report = try ReportExtractor(options: ExtractOptions()).extract(bytes: [UInt8](Data(contentsOf: url)), path: url.path)
        #expect(report.cells.count == 200 && report.checks.count == 42)
        // Check ids of up to 15 bytes are small Strings, kept in the String value itself (no storage).
        let strings = report.cells.map(\.key) + report.checks.map(\.id).filter { $0.utf8.count > 15 } + report.checks.flatMap(\.keys)
        #expect(strings.allSatisfy(Self.isLiteral))
    }

    /// A text no literal has is handed back as it is.
    @Test func otherTextIsKeptAsItIs() {
        let other = "applications.\(["no_such_row"][0]).total"
        #expect(KeyLiterals.interned(other) == other)
        #expect(!Self.isLiteral(other))
        #expect(Self.isLiteral(KeyLiterals.interned("applications.\("granted").total")))
    }
}
