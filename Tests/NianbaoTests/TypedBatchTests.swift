import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets

/// The batch derives every dataset row from `Report` values; a report read back from a state
/// folder must give the same rows as the report converted in this run.
@Suite struct TypedBatchTests {
    @Test func decodedReportsEncodeToTheSameBytes() throws {
        let reports = try BatchStreamingTests.corpusReports()
        #expect(reports.count >= 20)
        for json in reports {
            let report = try ReportDecoder.decode(json)
            #expect(report.jsonBytes(pretty: true) == json.serialized(pretty: true), "\(report.source.path)")
        }
    }

    @Test func rowsFromADecodedReportEqualRowsFromTheConvertedOne() throws {
        for name in ["pdf/p01-2021-ruled-vertical.pdf", "html/h02-2019-blanks.html", "text/t01-2021-tabs.txt"] {
            let converted = try ReportExtractor().extract(file: BatchFixture.packageRoot + "/Corpus/" + name)
            let decoded = try ReportDecoder.decode(converted.jsonBytes(pretty: false))
            #expect(WideCSV.leading(reportId: name, report: decoded) == WideCSV.leading(reportId: name, report: converted))
            #expect(LongCSV.text(reportId: name, report: decoded) == LongCSV.text(reportId: name, report: converted))
            #expect(SQLiteDataset.rows(reportId: name, report: decoded).bytes == SQLiteDataset.rows(reportId: name, report: converted).bytes)
            #expect(CheckCounts(report: decoded) == CheckCounts(report: converted))
            #expect(YearSummary(report: decoded) == YearSummary(report: converted))
        }
    }

    @Test func malformedReportJSONIsAnError() {
        #expect(throws: ReportDecoder.Malformed.self) { try ReportDecoder.decode(Array("{\"source\":{}}".utf8)) }
        #expect(throws: ReportDecoder.Malformed.self) { try ReportDecoder.decode(Array("not json".utf8)) }
    }

    @Test func crossYearChecksAreTypedChecks() throws {
        let now = try ReportExtractor().extract(file: BatchFixture.packageRoot + "/Corpus/text/t01-2021-tabs.txt")
        var before = now
        // The previous year carried forward one application more than this year carried over.
        let key = "applications.carried_forward.total"
        let i = try #require(before.cells.firstIndex { $0.key == key })
        let carriedOver = try #require(now.value("applications.carried_over.total"))
        before.cells[i].value = carriedOver + DecimalNumber(1)
        let (checks, notes) = CrossYearIndex.checks(
            current: YearSummary(report: now), previous: YearSummary(report: before),
            previousId: "a/2020.txt", ambiguous: true)
        let total = try #require(checks.first { $0.id == "I5.total" })
        #expect(total.status == .fail)
        #expect(total.lhs == carriedOver && total.rhs == carriedOver + DecimalNumber(1))
        #expect(total.previous == "a/2020.txt")
        #expect(checks.filter { $0.id.hasPrefix("I5.") }.count == 7)
        #expect(notes.last?.code == .crossYearAmbiguous)
        // Serialized by the one JSON writer, with the previous report named.
        let json = String(decoding: ReportJSON.check(total).serialized(pretty: false), as: UTF8.self)
        #expect(json.contains(#""previous":"a/2020.txt""#))
    }
}
