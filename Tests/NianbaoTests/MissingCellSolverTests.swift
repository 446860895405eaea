import Testing
@testable import NianbaoCore

/// MissingCellSolver on one Table 三 row (six columns and 总计): a row that lost one cell in text
/// extraction is filled only when the identity determines it, never by guessing.
@Suite struct MissingCellSolverTests {
    /// Columns 0–5 sum to column 6.
    static let rowIdentity = [RowIdentity(parts: Array(0..<6), total: 6)]

    static func numbers(_ values: [Int]) -> [DecimalNumber] { values.map { DecimalNumber($0) } }

    @Test func missingTotalIsDetermined() throws {
        // 1 2 0 0 0 0 printed, total missing: only the total position gives non-negative values.
        let outcome = MissingCellSolver.solve(printed: Self.numbers([1, 2, 0, 0, 0, 0]), slots: 7, identities: Self.rowIdentity)
        guard case .filled(let values, let gap, let positions) = outcome else {
            Issue.record("expected a fill, got \(outcome)"); return
        }
        #expect(values == Self.numbers([1, 2, 0, 0, 0, 0, 3]))
        #expect(gap == 6)
        #expect(positions == 1)
    }

    @Test func missingPartIsDeterminedWhenItsPositionIsKnown() throws {
        // Column 1 is blank in the layout: 5 + x + 0 + 0 + 0 + 1 = 9 gives x = 3.
        let outcome = MissingCellSolver.solve(printed: Self.numbers([5, 0, 0, 0, 1, 9]), slots: 7, allowedGaps: [1], identities: Self.rowIdentity)
        guard case .filled(let values, let gap, _) = outcome else { Issue.record("expected a fill, got \(outcome)"); return }
        #expect(values == Self.numbers([5, 3, 0, 0, 0, 1, 9]))
        #expect(gap == 1)
    }

    @Test func twoMissingCellsAreNeverFilled() {
        let outcome = MissingCellSolver.solve(printed: Self.numbers([1, 2, 0, 0, 3]), slots: 7, identities: Self.rowIdentity)
        guard case .impossible = outcome else { Issue.record("expected no fill, got \(outcome)"); return }
    }

    @Test func negativeSolutionIsRefused() {
        // Column 0 missing, printed 4 0 0 0 0 | total 3: x = 3 − 4 = −1, not a count.
        let outcome = MissingCellSolver.solve(printed: Self.numbers([4, 0, 0, 0, 0, 3]), slots: 7, allowedGaps: [0], identities: Self.rowIdentity)
        guard case .impossible = outcome else { Issue.record("expected no fill, got \(outcome)"); return }
    }

    @Test func differentPlacementsGivingDifferentValuesAreAmbiguous() {
        // 1 1 0 0 0 2: the gap could be the total (…, 2, 4) or a part (0 1 1 …, 1 0 1 …, 1 1 0 …, total 2).
        let outcome = MissingCellSolver.solve(printed: Self.numbers([1, 1, 0, 0, 0, 2]), slots: 7, identities: Self.rowIdentity)
        guard case .ambiguous(let count) = outcome else { Issue.record("expected ambiguous, got \(outcome)"); return }
        #expect(count == 4)
    }

    @Test func placementsThatAgreeFillTheRow() throws {
        // All zeros: wherever the gap is, the row is 0 × 7.
        let outcome = MissingCellSolver.solve(printed: Self.numbers([0, 0, 0, 0, 0, 0]), slots: 7, identities: Self.rowIdentity)
        guard case .filled(let values, let gap, let positions) = outcome else { Issue.record("expected a fill, got \(outcome)"); return }
        #expect(values == Self.numbers([0, 0, 0, 0, 0, 0, 0]))
        #expect(positions == 7)
        #expect(gap == 6)
    }

    @Test func theCallersCheckCanRejectEveryPlacement() {
        let outcome = MissingCellSolver.solve(
            printed: Self.numbers([1, 2, 0, 0, 0, 0]), slots: 7, identities: Self.rowIdentity,
            accept: { $0[6] != DecimalNumber(3) })
        guard case .impossible = outcome else { Issue.record("expected no fill, got \(outcome)"); return }
    }

    @Test func decimalsStayExact() throws {
        let printed = [DecimalNumber(units: 12, scale: 1), DecimalNumber(units: 25, scale: 2)] + Self.numbers([0, 0, 0, 0])
        let outcome = MissingCellSolver.solve(printed: printed, slots: 7, identities: Self.rowIdentity)
        guard case .filled(let values, _, _) = outcome else { Issue.record("expected a fill, got \(outcome)"); return }
        #expect(values.last?.description == "1.45")
    }
}
