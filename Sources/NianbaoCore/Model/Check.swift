/// The result of one identity check (I1–I6).
///
/// The initializer other modules use is in an extension: the memberwise one (internal, its keys
/// before the sides) is also made, and the identity checker builds each check with it in place.
/// Built by the explicit one, each check was built twice, one copied into the checks through the
/// type's witnesses (its keys retained once more) and the other released.
public struct Check: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case pass, fail
        case notAssessable = "not_assessable"
    }

    /// e.g. `I1.natural_person`, `I3.denied.state_secret`, `I4.review`.
    public var id: String
    public var status: Status
    /// The flat keys the check reads (`previous:` marks a key of the previous year's report).
    public var keys: [String]
    /// Left-hand side (the printed total), when all its inputs are numbers.
    public var lhs: DecimalNumber?
    /// Right-hand side (the sum of the parts), when all its inputs are numbers.
    public var rhs: DecimalNumber?
    /// Cross-year checks (I5, I6): the previous year's report they compare with; nil otherwise.
    public var previous: String?
}

extension Check {
    package init(id: String, status: Status, lhs: DecimalNumber?, rhs: DecimalNumber?, keys: [String], previous: String? = nil) {
        self.init(id: id, status: status, keys: keys, lhs: lhs, rhs: rhs, previous: previous)
    }
}
