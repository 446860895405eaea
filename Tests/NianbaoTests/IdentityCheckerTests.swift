import Testing
@testable import NianbaoCore

/// IdentityChecker on hand-made cells: pass, fail and not_assessable per identity, with the
/// printed totals and sums it reports; a blank is never a zero.
@Suite struct IdentityCheckerTests {
    static let columns = ApplicationsLayout.columns

    /// A consistent Table 三 (2021, （六） split): every identity holds.
    /// natural_person: 10 new + 1 carried = 8 processed (6 granted + 2 partial) + 3 forward;
    /// commercial_enterprise: 2 new = 1 processed (1 granted) + 1 forward; the other columns 0.
    static func table3(single other: Bool = false) -> [String: DecimalNumber?] {
        let nonZero: [String: [Int]] = [
            "new_received": [10, 2], "carried_over": [1, 0], "granted": [6, 1], "partially_granted": [2, 0],
            "total_processed": [8, 1], "carried_forward": [3, 1],
        ]
        var out: [String: DecimalNumber?] = [:]
        for row in (other ? ApplicationsLayout.rowsSingleOther : ApplicationsLayout.rows2021).map(\.key) {
            let first = nonZero[row] ?? [0, 0]
            let values = first + [0, 0, 0, 0] + [first[0] + first[1]]
            for (column, value) in zip(columns, values) { out[ApplicationsLayout.key(row, column)] = DecimalNumber(value) }
        }
        return out
    }

    /// Table 四's review block: upheld 1, corrected 2, other 0, pending 3, total 6.
    static func review(total: Int = 6) -> [String: DecimalNumber?] {
        let keys = ReviewLitigationLayout.keys.filter { $0.hasPrefix("review_litigation.review.") }
        return Dictionary(uniqueKeysWithValues: zip(keys, [1, 2, 0, 3, total].map { DecimalNumber($0) }))
    }

    /// Cells from values; nil is a blank cell (`empty`).
    static func cells(_ values: [String: DecimalNumber?]) -> [Cell] {
        values.sorted { $0.key < $1.key }.map { key, value in
            Cell(key: key, value: value, raw: value?.description ?? "", kind: value == nil ? .empty : .number, at: .none)
        }
    }

    static func checks(_ values: [String: DecimalNumber?]) -> [String: Check] {
        Dictionary(uniqueKeysWithValues: IdentityChecker().check(cells(values)).map { ($0.id, $0) })
    }

    @Test func consistentTablePassesEveryIdentity() throws {
        var values = Self.table3()
        values.merge(Self.review()) { $1 }
        let checks = Self.checks(values)
        // 7 × I1, 7 × I2, 25 rows × I3, and I4 for the one block present.
        #expect(checks.count == 7 + 7 + 25 + 1)
        #expect(checks.values.filter { $0.status != .pass }.map(\.id) == [])
        let i1 = try #require(checks["I1.natural_person"])
        #expect(i1.lhs == DecimalNumber(11) && i1.rhs == DecimalNumber(11))
        #expect(i1.keys == ["new_received", "carried_over", "total_processed", "carried_forward"].map { "applications.\($0).natural_person" })
        let i2 = try #require(checks["I2.total"])
        #expect(i2.lhs == DecimalNumber(9) && i2.rhs == DecimalNumber(9))
        #expect(i2.keys.first == "applications.total_processed.total")
        #expect(i2.keys.contains("applications.other.overdue_fee.total") && !i2.keys.contains("applications.other.total.total"))
        let i3 = try #require(checks["I3.new_received"])
        #expect(i3.lhs == DecimalNumber(12) && i3.rhs == DecimalNumber(12))
        let i4 = try #require(checks["I4.review"])
        #expect(i4.lhs == DecimalNumber(6) && i4.rhs == DecimalNumber(6))
        #expect(
            i4.keys == [
                "review_litigation.review.total", "review_litigation.review.upheld", "review_litigation.review.corrected",
                "review_litigation.review.other", "review_litigation.review.pending",
            ])
        // Absent blocks give no check at all (not a pass, not not_assessable).
        #expect(checks["I4.litigation_direct"] == nil && checks["I4.litigation_after_review"] == nil)
    }

    @Test func printedErrorFailsEveryIdentityItTouchesAndIsNotCorrected() throws {
        var values = Self.table3()
        values["applications.total_processed.natural_person"] = DecimalNumber(9)  // the parts say 8
        let checks = Self.checks(values)
        let i1 = try #require(checks["I1.natural_person"])
        #expect(i1.status == .fail && i1.lhs == DecimalNumber(11) && i1.rhs == DecimalNumber(12))
        let i2 = try #require(checks["I2.natural_person"])
        #expect(i2.status == .fail && i2.lhs == DecimalNumber(9) && i2.rhs == DecimalNumber(8))
        let i3 = try #require(checks["I3.total_processed"])
        #expect(i3.status == .fail && i3.lhs == DecimalNumber(9) && i3.rhs == DecimalNumber(10))
        #expect(checks.values.filter { $0.status == .fail }.count == 3)
        #expect(checks["I1.commercial_enterprise"]?.status == .pass)

        let wrongTotal = Self.checks(Self.review(total: 5))["I4.review"]
        #expect(wrongTotal?.status == .fail && wrongTotal?.lhs == DecimalNumber(5) && wrongTotal?.rhs == DecimalNumber(6))
    }

    /// A blank part whose value would make the sum hold as a zero: not_assessable, not pass.
    @Test func blankIsNotZero() throws {
        var values = Self.table3()
        values["applications.denied.state_secret.natural_person"] = .some(nil)
        var review = Self.review()
        review["review_litigation.review.other"] = .some(nil)
        values.merge(review) { $1 }
        let checks = Self.checks(values)
        let i2 = try #require(checks["I2.natural_person"])
        #expect(i2.status == .notAssessable && i2.lhs == DecimalNumber(8) && i2.rhs == nil)
        let i3 = try #require(checks["I3.denied.state_secret"])
        #expect(i3.status == .notAssessable && i3.lhs == DecimalNumber(0) && i3.rhs == nil)
        let i4 = try #require(checks["I4.review"])
        #expect(i4.status == .notAssessable && i4.lhs == DecimalNumber(6) && i4.rhs == nil)
        // A blank total: no lhs.
        var blankTotal = Self.table3()
        blankTotal["applications.new_received.total"] = .some(nil)
        let row = try #require(Self.checks(blankTotal)["I3.new_received"])
        #expect(row.status == .notAssessable && row.lhs == nil && row.rhs == DecimalNumber(12))
        #expect(Self.checks(blankTotal)["I1.total"]?.status == .notAssessable)
        // Only these; the other identities still pass.
        #expect(checks.values.filter { $0.status == .notAssessable }.map(\.id).sorted() == ["I2.natural_person", "I3.denied.state_secret", "I4.review"])
    }

    /// A single （六）其他处理 row: I2 sums it instead of the three sub-rows.
    @Test func singleOtherRowIsSummedByI2() throws {
        let checks = Self.checks(Self.table3(single: true))
        let i2 = try #require(checks["I2.total"])
        #expect(i2.status == .pass)
        #expect(i2.keys.contains("applications.other.total.total") && !i2.keys.contains("applications.other.other.total"))
        #expect(checks["I3.other.total"]?.status == .pass)
        #expect(checks["I3.other.other"] == nil)
    }

    @Test func noCellsNoChecks() {
        #expect(IdentityChecker().check([]).isEmpty)
    }
}
