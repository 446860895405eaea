/// One table value in long form: the flat key, the value, the printed text, what kind of cell it was and where.
public struct Cell: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A printed number.
        case number
        /// A blank cell (null; blank is not zero).
        case empty
        /// "/", "-", "—", "无", "不适用" (null).
        case notApplicable = "not_applicable"
        /// Text that is not a number (null).
        case text
        /// Missing from the source text, solved from the identities (`raw` is null).
        case inferred
    }

    /// Flat key, e.g. `applications.denied.state_secret.natural_person`.
    public var key: String
    public var value: DecimalNumber?
    /// The printed text (display form); nil for inferred cells.
    public var raw: String?
    public var kind: Kind
    public var at: Location

    // No initializer of its own: the memberwise one (internal: no other module makes a cell)
    // builds a cell in place. The one written here built each cell twice, copied one into the
    // readers' arrays through the type's witnesses and released the other.
}

extension Cell.Kind {
    /// A number or a not-applicable mark: a cell that says something (a blank says nothing). Asked
    /// of the kind read in place: a reading or cell read through a buffer is not copied whole to
    /// ask it (``CellReading/isNumberOrMark``).
    @inline(__always)
    var isNumberOrMark: Bool { self == .number || self == .notApplicable }
}
