import Nianbao

/// The check summary of a report (the trailing columns of the wide CSV and of SQLite `reports`).
package struct CheckCounts: Sendable, Equatable {
    package var pass = 0, fail = 0, notAssessable = 0
    /// Ids of the failed checks, in report order.
    package var failed: [String] = []
    package var errors = 0, warnings = 0

    package init() {}

    package init(report r: Report) {
        add(checks: r.checks, diagnostics: r.diagnostics)
    }

    package mutating func add(checks: [Check], diagnostics: [Diagnostic]) {
        for c in checks {
            switch c.status {
            case .pass: pass += 1
            case .fail: fail += 1; failed.append(c.id)
            case .notAssessable: notAssessable += 1
            }
        }
        for d in diagnostics {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: break
            }
        }
    }

    package var failedList: String { failed.joined(separator: ";") }

    /// Values of ``WideCSV/trailingColumns`` (`error` empty: a report).
    package var fields: [String] {
        [String(pass), String(fail), String(notAssessable), failedList, String(errors), String(warnings), ""]
    }

    var json: JSONValue {
        .fields([
            "pass": .int(pass), "fail": .int(fail), "not_assessable": .int(notAssessable),
            "failed": .array(failed.map(JSONValue.string)), "errors": .int(errors), "warnings": .int(warnings),
        ])
    }

    init?(json j: JSONValue?) {
        guard let j, let p = j["pass"]?.intValue, let f = j["fail"]?.intValue, let n = j["not_assessable"]?.intValue,
            let e = j["errors"]?.intValue, let w = j["warnings"]?.intValue, let list = j["failed"]?.arrayValue
        else { return nil }
        pass = p; fail = f; notAssessable = n; errors = e; warnings = w
        failed = list.compactMap(\.stringValue)
    }
}
