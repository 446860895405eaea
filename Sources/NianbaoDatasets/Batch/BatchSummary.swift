import Nianbao
import Foundation

package struct BatchSummary: Sendable {
    package var total = 0
    /// Inputs that gave a report (converted now or earlier).
    package var reports = 0
    package var convertedNow = 0
    package var reused = 0
    /// Failed inputs by error code.
    package var failures: [ExtractError.Code: Int] = [:]
    package var reportsWithFailedChecks = 0
    /// Cross-year checks added (I5 + I6) and how many failed.
    package var crossYearChecks = 0
    package var crossYearFailures = 0
    package var elapsed = 0.0
    /// Reports flagged `duplicate_report`, their groups (one agency and year), and the groups whose
    /// reports do not give the same values.
    package var duplicateReports = 0
    package var duplicateGroups = 0
    package var duplicateGroupsDiffering = 0
    /// Files found but not converted (other types, hidden files).
    package var skipped: [SkippedFile] = []

    /// The inputs that failed, in path order: path, error code, message.
    package var failedInputs: [(path: String, code: ExtractError.Code, message: String)] = []

    package var failed: Int { failures.values.reduce(0, +) }

    /// 0 all inputs converted; 1 some input failed; 2 (with `failOnCheck`) all converted but a check failed.
    package func exitStatus(failOnCheck: Bool) -> Int32 {
        if failed > 0 { return 1 }
        if failOnCheck && reportsWithFailedChecks > 0 { return 2 }
        return 0
    }

    package var text: String {
        var s = "\(total) inputs (\(convertedNow) read now, \(reused) resumed): \(reports) reports, \(failed) failed"
        if !failures.isEmpty {
            s += " (" + failures.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ") + ")"
        }
        s += "; \(reportsWithFailedChecks) reports with failed checks"
        if duplicateGroups > 0 {
            s += "; duplicates: \(duplicateReports) reports of \(duplicateGroups) agency-years, "
            s += duplicateGroupsDiffering == 0 ? "all with the same values" : "\(duplicateGroupsDiffering) with different values"
        }
        if crossYearChecks > 0 { s += "; cross-year checks I5/I6: \(crossYearChecks), \(crossYearFailures) failed" }
        if let skippedText = SkippedFile.summary(skipped) { s += "; " + skippedText }
        s += String(format: "; %.1f s", elapsed)
        return s
    }
}

package struct BatchError: Error, CustomStringConvertible {
    package var description: String
}
