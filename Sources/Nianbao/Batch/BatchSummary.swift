import Foundation

public struct BatchSummary: Sendable {
    public var total = 0
    /// Inputs that gave a report (converted now or earlier).
    public var reports = 0
    public var convertedNow = 0
    public var reused = 0
    /// Failed inputs by error code.
    public var failures: [String: Int] = [:]
    public var reportsWithFailedChecks = 0
    /// Cross-year checks added (I5 + I6) and how many failed.
    public var crossYearChecks = 0
    public var crossYearFailures = 0
    public var elapsed = 0.0
    /// Files found but not converted (other types, hidden files).
    public var skipped: [SkippedFile] = []

    /// The inputs that failed, in path order: path, error code, message.
    public var failedInputs: [(path: String, code: String, message: String)] = []

    public var failed: Int { failures.values.reduce(0, +) }

    /// 0 all inputs converted; 1 some input failed; 2 (with `failOnCheck`) all converted but a check failed.
    public func exitStatus(failOnCheck: Bool) -> Int32 {
        if failed > 0 { return 1 }
        if failOnCheck && reportsWithFailedChecks > 0 { return 2 }
        return 0
    }

    public var text: String {
        var s = "\(total) inputs: \(reports) reports (\(convertedNow) converted, \(reused) resumed), \(failed) failed"
        if !failures.isEmpty {
            s += " (" + failures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        s += "; \(reportsWithFailedChecks) reports with failed checks"
        if crossYearChecks > 0 { s += "; cross-year checks I5/I6: \(crossYearChecks), \(crossYearFailures) failed" }
        if let skippedText = SkippedFile.summary(skipped) { s += "; " + skippedText }
        s += String(format: "; %.1f s", elapsed)
        return s
    }
}

public struct BatchError: Error, CustomStringConvertible {
    public var description: String
}
