import Foundation
import GRDB
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets

/// Report ids, regions and agency levels, duplicates (issue 15, items 3, 4 and 6).
@Suite struct ToolkitDataTests {
    // MARK: identifiers

    @Test func reportIdIsTheSameHoweverTheArchiveIsNamed() throws {
        let root = BatchFixture.temporaryDirectory("ids")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let plain = BatchDiscovery.discover(arguments: [archive]).map(\.id)
        let slash = BatchDiscovery.discover(arguments: [archive + "/"]).map(\.id)
        let dotted = BatchDiscovery.discover(arguments: [root + "/./archive/../archive"]).map(\.id)
        #expect(plain == slash && plain == dotted)
        #expect(plain.contains("agency/2022.txt"))
        // The same files named one by one (a --files-from list of absolute paths) give the same ids.
        let list = BatchDiscovery.discover(arguments: [archive]).map(\.path)
        let listed = BatchDiscovery.discover(arguments: [], filesFrom: list + [archive + "/agency/./2023.txt"]).map(\.id)
        #expect(listed == plain.filter { !$0.hasPrefix(".") })
        // Relative to the working folder, as a relative path.
        let cwd = "/data"
        #expect(ReportIdentifier.id(path: "archive/2021/a.pdf", root: ReportIdentifier.root(folders: ["archive/"], files: [], cwd: cwd), cwd: cwd) == "2021/a.pdf")
        #expect(ReportIdentifier.id(path: "/data/archive/2021/a.pdf", root: ReportIdentifier.root(folders: ["./archive"], files: [], cwd: cwd), cwd: cwd) == "2021/a.pdf")
        #expect(ReportIdentifier.single(path: "../x/hongze-2023.pdf") == "hongze-2023.pdf")
        #expect(ReportIdentifier.single(path: "-") == "-")
        #expect(ReportIdentifier.member(archiveId: "2021.zip", member: "./a/b.pdf") == "2021.zip!/a/b.pdf")
    }

    @Test func everyRecordCarriesTheReportId() throws {
        let root = BatchFixture.temporaryDirectory("idrecords")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let r = try BatchTests.run(root: root, archive: archive)
        let lines = BatchFixture.jsonLines(r.root + "/all.jsonl")
        #expect(lines.map { $0["report_id"]?.stringValue } == r.inputs.map(\.id))
        let out = try JSONParser.parse(Array(FileManager.default.contents(atPath: r.root + "/json/agency/2023.txt.json")!))
        #expect(out["report_id"]?.stringValue == "agency/2023.txt")
        let wide = BatchFixture.parseCSV(BatchFixture.read(r.root + "/wide.csv"))
        let long = BatchFixture.parseCSV(BatchFixture.read(r.root + "/long.csv"))
        #expect(wide[0].first == "report_id" && long[0].first == "report_id")
        #expect(Set(long.dropFirst().map { $0[0] }).isSubset(of: Set(r.inputs.map(\.id))))
        for column in ["region_code", "agency_key", "year"] {
            #expect(wide[0].contains(column) && long[0].contains(column), "\(column)")
        }
        let db = try DatabaseQueue(path: r.root + "/data.sqlite")
        for table in ["reports", "cells", "checks", "diagnostics", "errors"] {
            let columns = try db.read { try $0.columns(in: table).map(\.name) }
            #expect(columns.first == "report_id", "\(table)")
        }
        for table in ["reports", "cells"] {
            let columns = try db.read { try $0.columns(in: table).map(\.name) }
            #expect(Set(["region_code", "agency_key", "year"]).isSubset(of: Set(columns)), "\(table)")
        }
        // Single file: its name.
        let single = try ReportExtractor().extract(file: BatchFixture.corpusText + "/t01-2021-tabs.txt")
        #expect(single.reportId == "t01-2021-tabs.txt")
        // The long CSV row of a cell carries the report's region and year: 淮安市洪泽区 is 320813.
        let header = long[0]
        let row = try #require(long.first { $0[0] == "agency/2023.txt" })
        #expect(row[header.firstIndex(of: "region_code")!] == "320813")
        #expect(row[header.firstIndex(of: "year")!] == "2023")
        #expect(row[header.firstIndex(of: "agency_key")!] == "洪泽区政府")
    }

    // MARK: regions

    func resolve(_ agency: String, title: String? = nil, preface: String = "") -> RegionResolver.Result {
        RegionResolver.resolve(agency: agency, title: title ?? agency + "2023年政府信息公开工作年度报告", preface: preface)
    }

    @Test func regionsFromTheAgencyName() {
        let hongze = resolve("江苏省淮安市洪泽区财政局")
        #expect(hongze.region == Region(code: "320813", province: "江苏省", city: "淮安市", county: "洪泽区"))
        #expect(hongze.level == .department)
        #expect(resolve("淮安市洪泽区人民政府").level == .county)
        #expect(resolve("淮安市洪泽区人民政府").region?.code == "320813")
        #expect(resolve("洪泽区人民政府").region?.code == "320813")
        let province = resolve("江苏省人民政府")
        #expect(province.region == Region(code: "320000", province: "江苏省", city: nil, county: nil))
        #expect(province.level == .province)
        let city = resolve("潍坊市人民政府")
        #expect(city.region == Region(code: "370700", province: "山东省", city: "潍坊市", county: nil))
        #expect(city.level == .city)
        #expect(resolve("潍坊市人民政府办公室").level == .department)
        // A municipality's district: no city level.
        #expect(resolve("北京市朝阳区人民政府").region == Region(code: "110105", province: "北京市", city: nil, county: "朝阳区"))
        // A county-level city under a province: county level from the code, whatever its 市.
        #expect(resolve("仙桃市人民政府").level == .county)
        #expect(resolve("仙桃市人民政府").region?.code == "429004")
        // Township: the level, and the region of the county it is in.
        let street = resolve("淮安市洪泽区高良涧街道办事处")
        #expect(street.level == .township)
        #expect(street.region?.code == "320813")
        #expect(resolve("高良涧镇人民政府").region == nil)
        #expect(resolve("高良涧镇人民政府").level == .township)
    }

    @Test func ambiguousUnknownAndInconsistentNamesAreNullWithANote() {
        let chaoyang = resolve("朝阳区人民政府")
        #expect(chaoyang.region == nil)
        #expect(chaoyang.diagnostics.map(\.code) == [.regionAmbiguous])
        #expect(chaoyang.diagnostics.first?.message.contains("110105") == true)
        #expect(chaoyang.level == .county)
        // Told by the preface or the title: resolved.
        #expect(resolve("朝阳区人民政府", preface: "来源：长春市朝阳区人民政府").region?.code == "220104")
        #expect(resolve("朝阳区财政局", title: "北京市朝阳区财政局2022年政府信息公开工作年度报告").region?.code == "110105")
        // Not in the table (renamed before the data's date, or made up).
        let old = resolve("洪泽县人民政府")
        #expect(old.region == nil && old.diagnostics.map(\.code) == [.regionUnknown])
        // Units that do not nest.
        let mixed = resolve("泉州市清江浦区人民政府")
        #expect(mixed.region == nil && mixed.diagnostics.map(\.code) == [.regionInconsistent])
        // A central agency: no unit at all.
        let central = resolve("海关总署")
        #expect(central.region == nil && central.level == .department)
    }

    @Test func regionTableIsTheGeneratedSnapshot() {
        let t = RegionTable.shared
        #expect(t.byCode.count == 3219)
        #expect(t.byCode.values.filter { $0.level == .province }.count == 34)
        #expect(t.byName["朝阳区"]?.map(\.code).sorted() == ["110105", "220104"])
        #expect(RegionTable.source.contains("cpca 0.5.5"))
    }

    @Test func regionInTheReportJSON() throws {
        var report = try ReportExtractor().extract(file: BatchFixture.corpusText + "/t09-2022-layout-large.txt")
        #expect(report.region?.code == "370700")
        #expect(report.agencyLevel == .city)
        let json = try JSONParser.parse(report.jsonBytes(pretty: false))
        #expect(json["report"]?["region"]?["code"]?.stringValue == "370700")
        #expect(json["report"]?["agency_level"]?.stringValue == "city")
        #expect(json["report_id"]?.stringValue == "t09-2022-layout-large.txt")
        // Round trip through the decoder (a resumed batch).
        report.reportId = "x/y.txt"
        let back = try ReportDecoder.decode(report.jsonBytes(pretty: false))
        #expect(back.region == report.region && back.agencyLevel == report.agencyLevel && back.reportId == "x/y.txt")
        #expect(back.jsonBytes(pretty: false) == report.jsonBytes(pretty: false))
    }

    // MARK: duplicates

    @Test func duplicatesAreFlaggedInEveryOutputAndSummarized() throws {
        let root = BatchFixture.temporaryDirectory("dups")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let fm = FileManager.default
        // Two crawls of one report (same values), and a third copy with one number changed.
        try fm.createDirectory(atPath: archive + "/crawl2", withIntermediateDirectories: true)
        try fm.copyItem(atPath: archive + "/agency/2023.txt", toPath: archive + "/crawl2/2023.txt")
        try fm.copyItem(atPath: archive + "/corpus/t09-2022-layout-large.txt", toPath: archive + "/crawl2/t09.txt")
        let r0 = try BatchTests.run(root: root, archive: archive, name: "first")
        let lines = BatchFixture.jsonLines(r0.root + "/all.jsonl")
        func dupNotes(_ id: String) -> [String] {
            let line = lines.first { $0["report_id"]?.stringValue == id }!
            return line["diagnostics"]!.arrayValue!.filter { $0["code"]?.stringValue == "duplicate_report" }.map { $0["message"]!.stringValue! }
        }
        #expect(dupNotes("agency/2023.txt").count == 1)
        #expect(dupNotes("agency/2023.txt").first?.contains("crawl2/2023.txt") == true)
        #expect(dupNotes("agency/2023.txt").first?.contains("the values agree") == true)
        #expect(dupNotes("crawl2/2023.txt").count == 1)
        #expect(dupNotes("agency/2022.txt").isEmpty)
        #expect(r0.summary.duplicateGroups == 2 && r0.summary.duplicateReports == 4)
        #expect(r0.summary.duplicateGroupsDiffering == 0)
        #expect(r0.summary.text.contains("duplicates: 4 reports of 2 agency-years, all with the same values"))
        let db = try DatabaseQueue(path: r0.root + "/data.sqlite")
        #expect(try BatchTests.scalar(db, "SELECT count(*) FROM duplicates") == "4")
        #expect(try BatchTests.scalar(db, "SELECT count(*) FROM diagnostics WHERE code = 'duplicate_report'") == "4")
        let out = BatchFixture.read(r0.root + "/json/crawl2/2023.txt.json")
        #expect(out.contains("duplicate_report"))

        // Now one copy differs in a value: the summary says so.
        let text = BatchFixture.read(archive + "/crawl2/t09.txt")
        let lines9 = text.components(separatedBy: "\n")
        let index = try #require(lines9.firstIndex { $0.contains("本年新收政府信息公开申请数量") })
        var edited = lines9
        edited[index] = edited[index].replacingOccurrences(of: "0", with: "9")
        try edited.joined(separator: "\n").write(toFile: archive + "/crawl2/t09.txt", atomically: true, encoding: .utf8)
        let r1 = try BatchTests.run(root: root, archive: archive, name: "second")
        #expect(r1.summary.duplicateGroupsDiffering == 1)
        let l1 = BatchFixture.jsonLines(r1.root + "/all.jsonl")
        let msg = l1.first { $0["report_id"]?.stringValue == "crawl2/t09.txt" }!["diagnostics"]!.arrayValue!
            .first { $0["code"]?.stringValue == "duplicate_report" }?["message"]?.stringValue
        #expect(msg?.contains("values differ in") == true)
    }
}
