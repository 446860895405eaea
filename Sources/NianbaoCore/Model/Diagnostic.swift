/// A recoverable problem found while reading a report. Collected along the way, never thrown.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    /// A stable machine-readable code, e.g. `row_short`, `cell_inferred`.
    public var code: String
    public var message: String
    public var at: Location

    package init(_ severity: Severity, _ code: String, _ message: String, at: Location = .none) {
        self.severity = severity
        self.code = code
        self.message = message
        self.at = at
    }
}
