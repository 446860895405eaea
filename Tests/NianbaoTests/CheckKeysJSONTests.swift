import Testing
@testable import Nianbao
@testable import NianbaoCore

/// A check's keys are written from bytes made once when they are the identity plan's own array
/// (every check the checker makes); any other array is written key by key. Both give the same
/// bytes (ReportJSONWriterTests compares whole reports with the value tree). The plan's id with
/// them is written from the same bytes when the check's id is the plan's own String value.
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

    @Test func thePlanIdsAreWrittenWithTheirKeys() throws {
        let report = try TestSupport.extract(MiniReport.text())
        let table = CheckKeysJSON.pretty
        for check in report.checks {
            let k = try #require(table.find(check.keys, hint: -1), "\(check.id)")
            #expect(table.isID(check.id, of: k), "\(check.id)")
            var expected: [UInt8] = []
            JSONValue.writeString(check.id, into: &expected)
            expected = Array(expected.dropFirst().dropLast())
            expected += Array("\",\n      \"keys\": [".utf8) + CheckKeysJSON.bytes(check.keys)
            #expect(Array(table.bytes[table.starts[k]..<table.starts[k + 1]]) == expected, "\(check.id)")
        }
    }

    /// A check with a plan array of keys and another id (equal bytes in another String value,
    /// other bytes, bytes JSON escapes, a canonically equivalent spelling) is written as the value
    /// tree writes it.
    @Test func otherIdsWithPlanKeysAreWrittenAsTheTreeWritesThem() throws {
        var report = try TestSupport.extract(MiniReport.text())
        let check = try #require(report.checks.first)
        let plan = check.id
        let ids = [
            String(decoding: Array(plan.utf8), as: UTF8.self), String(decoding: Array((plan + "0123456789abcdef").utf8), as: UTF8.self),
            plan + "x", "", "I1.\"quoted\"\n", plan.replacingOccurrences(of: "I", with: "\u{2160}"), "\u{212A}", "K", "é", "e\u{301}",
            String(repeating: "长", count: 10_000),
        ]
        for id in ids {
            var changed = check
            changed.id = id
            report.checks = [check, changed, changed, check]
            let tree = ReportJSON.value(report, expectedKeys: ExpectedKeys.keys(for: report))
            #expect(report.jsonBytes(pretty: true) == tree.serialized(pretty: true), "\(id)")
            #expect(report.jsonBytes(pretty: false) == tree.serialized(pretty: false), "\(id)")
        }
    }
}
