import Testing
@testable import Nianbao
@testable import NianbaoCore

/// A check's keys are written from bytes made once when they are the identity plan's own array
/// (every check the checker makes); any other array is written key by key. Both give the same
/// bytes (ReportJSONWriterTests compares whole reports with the value tree).
@Suite struct CheckKeysJSONTests {
    @Test func theCheckerPassesThePlanArraysOn() throws {
        let report = try TestSupport.extract(MiniReport.text())
        #expect(report.checks.count >= 30)
        for check in report.checks {
            let planned = try #require(CheckKeysJSON.planBytes(check.keys), "\(check.id)")
            #expect(planned == CheckKeysJSON.bytes(check.keys), "\(check.id)")
        }
    }

    @Test func otherArraysAreWrittenKeyByKey() throws {
        guard case .sum(_, let operands) = try #require(IdentityPlan.reviewLitigation.first) else {
            Issue.record("Table 四's first step is no sum")
            return
        }
        #expect(CheckKeysJSON.planBytes(operands.keys) != nil)
        // The same keys in an array of their own (a decoded report's), and a changed copy.
        #expect(CheckKeysJSON.planBytes(operands.keys.map { $0 }) == nil)
        var changed = operands.keys
        changed[0] = "applications.x.y"
        #expect(CheckKeysJSON.planBytes(changed) == nil)
        #expect(CheckKeysJSON.planBytes([]) == nil)
    }
}
