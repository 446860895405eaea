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
        guard case .filled(let values, let gap, let positions, _) = outcome else {
            Issue.record("expected a fill, got \(outcome)"); return
        }
        #expect(values == Self.numbers([1, 2, 0, 0, 0, 0, 3]))
        #expect(gap == 6)
        #expect(positions == 1)
    }

    @Test func missingPartIsDeterminedWhenItsPositionIsKnown() throws {
        // Column 1 is blank in the layout: 5 + x + 0 + 0 + 0 + 1 = 9 gives x = 3.
        let outcome = MissingCellSolver.solve(printed: Self.numbers([5, 0, 0, 0, 1, 9]), slots: 7, allowedGaps: [1], identities: Self.rowIdentity)
        guard case .filled(let values, let gap, _, _) = outcome else { Issue.record("expected a fill, got \(outcome)"); return }
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
        guard case .filled(let values, let gap, let positions, _) = outcome else { Issue.record("expected a fill, got \(outcome)"); return }
        #expect(values == Self.numbers([0, 0, 0, 0, 0, 0, 0]))
        #expect(positions == 7)
        #expect(gap == 6)
    }

    @Test func theCallersCheckCanRejectEveryPlacement() {
        let outcome = MissingCellSolver.solve(
            printed: Self.numbers([1, 2, 0, 0, 0, 0]), slots: 7, identities: Self.rowIdentity,
            judge: { $0[6] != DecimalNumber(3) ? .none : ColumnVerdicts(failing: [6]) })
        guard case .impossible = outcome else { Issue.record("expected no fill, got \(outcome)"); return }
    }

    @Test func decimalsStayExact() throws {
        let printed = [DecimalNumber(units: 12, scale: 1), DecimalNumber(units: 25, scale: 2)] + Self.numbers([0, 0, 0, 0])
        let outcome = MissingCellSolver.solve(printed: printed, slots: 7, identities: Self.rowIdentity)
        guard case .filled(let values, _, _, _) = outcome else { Issue.record("expected a fill, got \(outcome)"); return }
        #expect(values.last?.description == "1.45")
    }

    /// p04's photocopy: the first value of a row is lost, and column 7's identity fails whatever the
    /// row holds (the document's own 80 against 90). That column says nothing of the missing cell;
    /// the cell is filled when its own column's identity holds with it, and the note says so.
    @Test func aColumnFailingWhicheverCellIsMissingIsSetAside() throws {
        let judged = { (v: [DecimalNumber]) -> ColumnVerdicts in
            // Column 0 adds up only with 3 in it; column 6 fails in every case.
            ColumnVerdicts(failing: [6] + (v[0] == DecimalNumber(3) ? [] : [0]), holding: v[0] == DecimalNumber(3) ? [0] : [])
        }
        let outcome = MissingCellSolver.solve(
            printed: Self.numbers([1, 0, 0, 0, 0, 4]), slots: 7, allowedGaps: [0], identities: Self.rowIdentity, judge: judged)
        guard case .filled(let values, let gap, _, let overlooked) = outcome else { Issue.record("expected a fill, got \(outcome)"); return }
        #expect(values == Self.numbers([3, 1, 0, 0, 0, 0, 4]))
        #expect(gap == 0)
        #expect(overlooked == [6])
    }

    /// The same failing column, but the missing cell's own column cannot confirm it (not
    /// assessable, or failing): nothing is filled.
    @Test func aSetAsideColumnNeedsTheGapColumnToHold() throws {
        for holding in [[Int](), [1]] {
            let outcome = MissingCellSolver.solve(
                printed: Self.numbers([1, 0, 0, 0, 0, 4]), slots: 7, allowedGaps: [0], identities: Self.rowIdentity,
                judge: { _ in ColumnVerdicts(failing: [6], holding: holding) })
            guard case .impossible = outcome else { Issue.record("expected no fill, got \(outcome)"); return }
        }
        // A failing column whose value differs between placements does tell them apart: kept.
        // (2 0 0 0 0 2 with a cell missing: column 1 holds 0 when the gap is there, 2 otherwise.)
        let outcome = MissingCellSolver.solve(
            printed: Self.numbers([2, 0, 0, 0, 0, 2]), slots: 7, identities: Self.rowIdentity,
            judge: { _ in ColumnVerdicts(failing: [0], holding: Array(1..<7)) })
        guard case .impossible = outcome else { Issue.record("expected no fill, got \(outcome)"); return }
    }
}
