/// What the identities across rows (Table 三's I1 and I2, column by column) say of one candidate
/// filling of a row: the columns whose identity fails with it, and those whose identity holds with
/// every cell it needs known. ``MissingCellSolver`` places a missing cell by them.
struct ColumnVerdicts: Sendable, Equatable {
    /// Columns whose identity fails with the candidate's values.
    var failing: [Int] = []
    /// Columns whose identity is assessable and holds with the candidate's values.
    var holding: [Int] = []

    /// Nothing known across rows (Tables 二 and 四): no objection.
    static let none = ColumnVerdicts()
}
