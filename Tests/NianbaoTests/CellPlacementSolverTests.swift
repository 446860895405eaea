import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// The whole-table placement of rows whose blank cells or cell separators were lost
/// (``CellPlacementSolver``, fed by ``TablePlacer``).
@Suite struct CellPlacementSolverTests {
    typealias S = CellPlacementSolver

    static func n(_ x: Int64) -> S.Cell { .number(x) }

    /// Three columns `a b total`, the row identity total = a + b.
    static let rowIdentity = [RowIdentity(parts: [0, 1], total: 2)]

    @Test func placementsKeepOrderAndRowIdentity() throws {
        // `5 5` in three columns: `5 □ 5` and `□ 5 5` confirm total = a + b; `5 5 □` leaves the
        // total blank, kept only when no placement confirms the identity.
        let p = try #require(S.placements([Self.n(5), Self.n(5)], slots: 3, identities: Self.rowIdentity))
        #expect(Set(p) == [[0, 2], [1, 2]])
        let q = try #require(S.placements([Self.n(5), Self.n(3)], slots: 3, identities: Self.rowIdentity))
        #expect(q == [[0, 1]])
        // `3 4 9`: all three printed, the identity fails: no placement.
        #expect(S.placements([Self.n(3), Self.n(4), Self.n(9)], slots: 3, identities: Self.rowIdentity) == [])
        // Too many placements to try: nil, never a partial list.
        #expect(S.placements([S.Cell](repeating: Self.n(0), count: 15), slots: 30, identities: []) == nil)
    }

    /// Rows: 0 = total row (known), 1 and 2 = parts; the column identity row0 = row1 + row2.
    static let columnIdentity = [ColumnIdentity(lhs: [0], rhs: [1, 2])]

    @Test func uniquePlacement() throws {
        // Rows: total `5 2 7`; a part row printed `2 2` (one blank lost); the other part `5 □ 5`.
        // `2 2` has three placements under its row identity; column 1 (5 = x + 5) leaves one.
        let printed = [Self.n(2), Self.n(2)]
        let positions = try #require(S.placements(printed, slots: 3, identities: Self.rowIdentity))
        let rows: [S.Row] = [
            .known([Self.n(5), Self.n(2), Self.n(7)]),
            .open(positions.map { S.vector(printed, at: $0, slots: 3) }),
            .known([Self.n(5), .blank, Self.n(5)]),
        ]
        let solved = S.solve(rows, columns: 3, identities: Self.columnIdentity, rowIdentities: Self.rowIdentity)
        #expect(solved[0] == nil && solved[2] == nil)
        let k = try #require({ if case .settled(let k) = solved[1] { return k } else { return nil } }())
        #expect(S.vector(printed, at: positions[k], slots: 3) == [.blank, Self.n(2), Self.n(2)])
    }

    @Test func ambiguousPlacement() throws {
        // The total row is not read: nothing couples the rows, `2 2` has two placements.
        let printed = [Self.n(2), Self.n(2)]
        let positions = try #require(S.placements(printed, slots: 3, identities: Self.rowIdentity))
        let rows: [S.Row] = [
            .known([.unknown, .unknown, .unknown]),
            .open(positions.map { S.vector(printed, at: $0, slots: 3) }),
            .known([Self.n(5), .blank, Self.n(5)]),
        ]
        let solved = S.solve(rows, columns: 3, identities: Self.columnIdentity, rowIdentities: Self.rowIdentity)
        guard case .ambiguous(let c) = solved[1] else { Issue.record("expected ambiguous, got \(String(describing: solved[1]))"); return }
        #expect(c.count >= 2)
        // Two open rows each with two readings, coupled so that two whole tables fit: both ambiguous.
        let two: [S.Row] = [
            .known([Self.n(4), Self.n(4), Self.n(8)]),
            .open([[Self.n(4), .blank, Self.n(4)], [.blank, Self.n(4), Self.n(4)]]),
            .open([[Self.n(4), .blank, Self.n(4)], [.blank, Self.n(4), Self.n(4)]]),
        ]
        let both = S.solve(two, columns: 3, identities: Self.columnIdentity)
        #expect(both[1] == .ambiguous([0, 1]) && both[2] == .ambiguous([0, 1]))
    }

    @Test func impossiblePlacement() {
        // The printed total row does not add up with any placement: nothing is settled.
        let rows: [S.Row] = [
            .known([Self.n(9), Self.n(9), Self.n(18)]),
            .open([[Self.n(2), .blank, Self.n(2)], [.blank, Self.n(2), Self.n(2)]]),
            .known([Self.n(5), .blank, Self.n(5)]),
        ]
        let solved = S.solve(rows, columns: 3, identities: Self.columnIdentity)
        #expect(solved[1] == .impossible)
    }

    @Test func blankTotalIsNotAssessable() {
        // The total row's middle cell is blank: the middle column judges nothing (a blank total is
        // no zero); the other part's row total is blank beside a counted part: not printed either.
        let rows: [S.Row] = [
            .known([Self.n(5), .blank, Self.n(5)]),
            .open([[Self.n(2), .blank, Self.n(2)], [.blank, Self.n(2), Self.n(2)]]),
            .known([Self.n(5), .blank, .blank]),
        ]
        let solved = S.solve(rows, columns: 3, identities: Self.columnIdentity, rowIdentities: Self.rowIdentity)
        // Column 1: 5 = x + 5 → the open row has nothing there: `□ 2 2`.
        #expect(solved[1] == .settled(1))
    }

    @Test(.timeLimit(.minutes(1))) func pathologicalTableStaysBounded() {
        // 30 open rows of 35 placements each (three 2s in seven columns) under one column identity
        // whose totals are odd in two columns: no assignment exists, but interval bounds cannot see
        // it before the last rows. The node budget stops the search; nothing is settled.
        let columns = 7
        let printed = [Self.n(2), Self.n(2), Self.n(2)]
        let positions = S.placements(printed, slots: columns, identities: [])!
        #expect(positions.count == 35)
        let open = S.Row.open(positions.map { S.vector(printed, at: $0, slots: columns) })
        let identity = [ColumnIdentity(lhs: [0], rhs: Array(1...30))]
        let odd: [S.Row] = [.known([31, 29, 30, 30, 30, 30, 0].map(Self.n))] + [S.Row](repeating: open, count: 30)
        let solved = S.solve(odd, columns: columns, identities: identity)
        #expect(!solved.contains { if case .settled = $0 { return true } else { return false } })
        #expect(solved[1] == .undecided || solved[1] == .impossible)
        // Many whole tables fit: every row ambiguous, found fast.
        let loose: [S.Row] = [.known([30, 30, 30, 30, 30, 30, 0].map(Self.n))] + [S.Row](repeating: open, count: 30)
        let any = S.solve(loose, columns: columns, identities: identity)
        #expect(!any.contains { if case .settled = $0 { return true } else { return false } })
    }

    @Test func digitSplitterCountsBlanksAsNothing() {
        // `5 38`, the space standing for at most one blank, in three columns `a b total`:
        // `5 □ 38` cannot be judged when a blank leaves the identity unassessable, and fails
        // when a blank counts nothing (5 + 0 ≠ 38); `5 3 8` holds either way.
        let pieces: [[UInt8]] = [[5], [3, 8]]
        let strict = DigitSplitter.split(pieces: pieces, blanks: [0, 1, 0], slots: 3, identities: Self.rowIdentity)
        let counted = DigitSplitter.split(pieces: pieces, blanks: [0, 1, 0], slots: 3, identities: Self.rowIdentity, blanksCountNothing: true)
        guard case .candidates(let c) = strict else { Issue.record("strict split cut off"); return }
        #expect(Set(c) == [[5, nil, 38], [5, 3, 8]])
        #expect(counted == .candidates([[5, 3, 8]]))
    }

    /// lxml `text_content()` of an HTML table whose blank cells were `&nbsp;`: rows arrive as
    /// `22□□□□□22` (each □ a marked blank cell: read as printed) and `11828□□311194` (split:
    /// digits_split), the blank cells left blank, nothing wrong.
    @Test func lxmlBlanksPlacedFromTheWholeTable() throws {
        let input = RunTogetherReportTests.convertedFile("lxml/h02-2019-blanks.txt")
        let gold = RunTogetherReportTests.convertedFile("lxml/h02-2019-blanks.gold.json")
        let r = try ReportExtractor().extract(file: input.path)
        #expect(try RunTogetherReportTests.wrongValues(r, gold: gold).isEmpty)
        func cell(_ key: String) -> NianbaoCore.Cell? { r.cells.first { $0.key == "applications.\(key)" } }
        #expect(cell("denied.state_secret.natural_person")?.value == DecimalNumber(22))
        #expect(cell("denied.state_secret.natural_person")?.raw == "22")
        #expect(cell("denied.state_secret.commercial_enterprise")?.kind == .empty)
        #expect(cell("denied.state_secret.total")?.value == DecimalNumber(22))
        #expect(cell("new_received.legal_service_institution")?.value == DecimalNumber(3))
        #expect(cell("new_received.research_institution")?.kind == .empty)
        #expect(r.diagnostics.contains { $0.code == .digitsSplit && $0.message.contains("11828 311194") })
        // （一）予以公开 prints no total (`4012□□□2□`): 40 | 12 or 401 | 2; the column identities,
        // whose totals are printed, check each number of the reading they leave.
        #expect(cell("granted.natural_person")?.value == DecimalNumber(401))
        #expect(cell("granted.commercial_enterprise")?.value == DecimalNumber(2))
        #expect(cell("granted.total")?.kind == .empty)
    }
}
