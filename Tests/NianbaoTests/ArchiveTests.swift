import Foundation
import GRDB
import Testing
@testable import Nianbao
@testable import NianbaoArchive
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoOFD
@testable import NianbaoOffice

/// Archives read in place (Corpus/archive, made by Scripts/generate-office-corpus): member names
/// in GBK and UTF-8, 7z, tar.gz, a nested zip; one input per member report; limits; and the
/// batch's account of every file it skipped.
@Suite struct ArchiveTests {
    static let dir = FormatCorpus.root.appendingPathComponent("archive")

    @Test func gbkAndUTF8MemberNames() throws {
        let gbk = try ArchiveReader.read(.file(Self.dir.appendingPathComponent("a1-gbk-names.zip").path)) { _ in false }
        #expect(gbk.map(\.name).contains("2023年度报告/清江浦区政府信息公开年报.docx"))
        #expect(gbk.map(\.name).contains("内层压缩包.zip"))
        let utf8 = try ArchiveReader.read(.file(Self.dir.appendingPathComponent("a2-utf8-names.zip").path)) { _ in false }
        #expect(utf8.map(\.name).contains("政府信息公开年报/广州.html"))
        let seven = try ArchiveReader.read(.file(Self.dir.appendingPathComponent("a3-reports.7z").path)) { _ in false }
        #expect(seven.map(\.name).contains("年报/年度报告.docx"))
        let tar = try ArchiveReader.read(.file(Self.dir.appendingPathComponent("a4-reports.tar.gz").path)) { _ in false }
        #expect(tar.map(\.name).contains("年报/报告.wps"))
    }

    @Test func discoveryListsMemberReportsAndSkipsTheRest() throws {
        let found = BatchDiscovery.discoverAll(arguments: [Self.dir.path])
        let ids = found.inputs.map(\.id)
        #expect(ids.contains("a1-gbk-names.zip!/2023年度报告/清江浦区政府信息公开年报.docx"))
        #expect(ids.contains("a1-gbk-names.zip!/2023年度报告/附件：2019年报.doc"))
        #expect(ids.contains("a1-gbk-names.zip!/内层压缩包.zip!/h07-2023-colspans.docx"), "nested archives one level deep")
        #expect(ids.contains("a2-utf8-names.zip!/政府信息公开年报/报告.odt"))
        #expect(ids.contains("a3-reports.7z!/年报/年度报告.rtf"))
        #expect(ids.contains("a4-reports.tar.gz!/年报/报告.docx"))
        #expect(found.inputs.count == 12)
        #expect(Set(found.skipped.map(\.kind)) == [".jpg", ".xls", ".css"])
        #expect(SkippedFile.summary(found.skipped) == "skipped 3 files of other types: .css 1, .jpg 1, .xls 1")
    }

    /// Member names with `..` or a leading `/` give report ids inside the output folder; they still
    /// convert (nothing is extracted, the name is only a key into the archive).
    @Test func hostileMemberNamesStayInside() throws {
        let found = BatchDiscovery.discoverAll(arguments: [Self.dir.path])
        let hostile = found.inputs.filter { $0.id.hasPrefix("a5-hostile-names.zip") }
        #expect(hostile.map(\.id).sorted() == ["a5-hostile-names.zip!/__/__/逃逸/报告.docx", "a5-hostile-names.zip!/abs/报告.docx"])
        for input in hostile {
            #expect(!input.id.split(separator: "/").contains(".."))
            #expect(!input.id.hasPrefix("/"))
            let r = try ReportExtractor().extract(file: input.path)
            #expect(r.year == 2023, "\(input.path)")
        }
    }

    @Test func encryptedMemberIsEncrypted() throws {
        do {
            _ = try ReportExtractor().extract(file: Self.dir.appendingPathComponent("a6-encrypted-member.zip").path + "!/locked.docx")
            Issue.record("an encrypted member converted")
        } catch {
            #expect(error.code == .encrypted, "\(error)")
        }
    }

    @Test func memberReportsConvertInPlace() throws {
        let path = Self.dir.appendingPathComponent("a1-gbk-names.zip").path + "!/内层压缩包.zip!/h07-2023-colspans.docx"
        let r = try ReportExtractor().extract(file: path)
        let twin = try FormatCorpus.extract(try #require(FormatCorpus.htmlTwin("h07-2023-colspans")))
        #expect(ReportFingerprint(r) == ReportFingerprint(twin))
        #expect(r.source.path == path)
        do {
            _ = try ReportExtractor().extract(file: Self.dir.appendingPathComponent("a1-gbk-names.zip").path + "!/missing.docx")
            Issue.record("a missing member converted")
        } catch {
            #expect(error.code == .unreadable)
        }
    }

    /// Zip bombs: what a member or an archive may decompress to is bounded, and reported.
    @Test func sizeLimits() throws {
        let zip = Self.dir.appendingPathComponent("a1-gbk-names.zip").path
        let small = ArchiveLimits(memberBytes: 4096, totalBytes: 1 << 30)
        let members = try ArchiveReader.read(.file(zip), limits: small) { $0.hasSuffix(".docx") }
        let docx = try #require(members.first { $0.name.hasSuffix("年报.docx") })
        #expect(docx.data == nil)
        #expect(docx.problem?.contains("limit per member") == true, "\(docx.problem ?? "nil")")
        #expect(throws: ArchiveFailure.self) {
            _ = try ArchiveReader.read(.file(zip), limits: ArchiveLimits(memberBytes: 1 << 30, totalBytes: 8192)) { _ in true }
        }
        do {
            _ = try ArchiveMemberPath.read(archive: zip, members: ["2023年度报告/清江浦区政府信息公开年报.docx"], limits: small, path: "x")
            Issue.record("read past the limit")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.message.contains("limit"))
        }
    }

    /// A folder of reports, archives and junk: one record per report (members included), the
    /// summary counts what was skipped, `--list-skipped` names it, SQLite has a `skipped` table.
    @Test(.tags(.slow), .enabled(if: extractBinary != nil, "the extract binary is not built"))
    func batchOverAMixedFolder() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-mixed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: input.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.dir.appendingPathComponent("a1-gbk-names.zip"), to: input.appendingPathComponent("a1.zip"))
        try FileManager.default.copyItem(
            at: FormatCorpus.root.appendingPathComponent("office/h07-2023-colspans.docx"),
            to: input.appendingPathComponent("sub/report.docx"))
        for junk in ["logo.png", "style.css", "data.xls", ".DS_Store"] {
            try Data("x".utf8).write(to: input.appendingPathComponent(junk))
        }
        let jsonl = tmp.appendingPathComponent("out.jsonl").path, sqlite = tmp.appendingPathComponent("out.sqlite").path
        var env = ProcessInfo.processInfo.environment
        env["NIANBAO_SOFFICE"] = "/nonexistent/soffice"  // the .doc member: `unsupported`, recorded, named
        let p = Process()
        p.executableURL = URL(fileURLWithPath: extractBinary!)
        p.arguments = [input.path, "--jsonl", jsonl, "--sqlite", sqlite, "--list-skipped", "--jobs", "2"]
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1, "the .doc member fails without LibreOffice: \(stderr)")
        #expect(stderr.contains("4 inputs (4 read now, 0 resumed): 3 reports, 1 failed (unsupported 1)"), "\(stderr)")
        #expect(stderr.contains("skipped 7 files of other types:"), "\(stderr)")
        #expect(stderr.contains("hidden 2"), "\(stderr)")
        #expect(stderr.contains("in/logo.png: skipped: not a report format [.png]"), "\(stderr)")
        #expect(stderr.contains("a1.zip!/2023年度报告/说明.jpg: skipped"), "\(stderr)")
        #expect(stderr.contains("[unsupported]") && stderr.contains("libreoffice-writer-nogui"), "\(stderr)")
        let lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        let db = try DatabaseQueue(path: sqlite)
        let skipped = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM skipped") }
        #expect(skipped == 7)
        let ids = try db.read { try String.fetchAll($0, sql: "SELECT report_id FROM reports ORDER BY report_id") }
        #expect(ids == ["a1.zip!/2023年度报告/清江浦区政府信息公开年报.docx", "a1.zip!/内层压缩包.zip!/h07-2023-colspans.docx", "sub/report.docx"])
        let errors = try db.read { try String.fetchAll($0, sql: "SELECT code FROM errors") }
        #expect(errors == ["unsupported"])
    }

    /// An archive named alone is a batch: one JSONL record per report inside, on standard output.
    @Test(.enabled(if: extractBinary != nil, "the extract binary is not built"))
    func archiveNamedAloneIsABatch() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: extractBinary!)
        p.arguments = [Self.dir.appendingPathComponent("a4-reports.tar.gz").path, "--quiet"]
        var env = ProcessInfo.processInfo.environment
        env["NIANBAO_SOFFICE"] = "/nonexistent/soffice"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2, "\(text.prefix(300))")
        #expect(text.contains("a4-reports.tar.gz!/年报/报告.docx"))
    }
}
