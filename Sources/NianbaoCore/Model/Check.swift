/// The result of one identity check (I1–I6).
public struct Check: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case pass, fail
        case notAssessable = "not_assessable"
    }

    /// e.g. `I1.natural_person`, `I3.denied.state_secret`, `I4.review`.
    public var id: String
    public var status: Status
    /// Left-hand side (the printed total), when all its inputs are numbers.
    public var lhs: DecimalNumber?
    /// Right-hand side (the sum of the parts), when all its inputs are numbers.
    public var rhs: DecimalNumber?
    /// The flat keys the check reads (`previous:` marks a key of the previous year's report).
    public var keys: [String]
    /// Cross-year checks (I5, I6): the previous year's report they compare with; nil otherwise.
    public var previous: String?

    package init(id: String, status: Status, lhs: DecimalNumber?, rhs: DecimalNumber?, keys: [String], previous: String? = nil) {
        self.id = id
        self.status = status
        self.lhs = lhs
        self.rhs = rhs
        self.keys = keys
        self.previous = previous
    }
}
