import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoArchive
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoOFD
@testable import NianbaoOffice

/// Word, WPS, RTF and ODT files of the Corpus/html reports (made by LibreOffice, see
/// Scripts/generate-office-corpus) give the values, checks and diagnostics of their HTML twins.
@Suite struct OfficeFormatTests {
    static let reports = FormatCorpus.officeReports

    @Test func corpusIsThere() {
        #expect(Self.reports.count >= 8, "Corpus/office holds the reports in every format")
    }

    @Test(arguments: reports) func docxGivesTheHTMLTwinsReport(_ name: String) throws {
        let twin = try #require(FormatCorpus.htmlTwin(name))
        try FormatCorpus.expectSame(FormatCorpus.root.appendingPathComponent("office/\(name).docx"), twin: twin)
    }

    @Test func docxSourceFacts() throws {
        let r = try FormatCorpus.extract(FormatCorpus.root.appendingPathComponent("office/h01-2021-utf8.docx"))
        #expect(r.source.mediaType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(r.source.convertedBy == nil)
        // Provenance: table cells by table/row/column, prose by paragraph number.
        let cell = try #require(r.cell("applications.new_received.natural_person"))
        guard case .table(1, _, _) = cell.at else { Issue.record("location \(cell.at)"); return }
        guard case .line(let n) = try #require(r.sections.first).at, n > 1 else { Issue.record("section location"); return }
    }

    /// Headings numbered by Word (w:numPr, numFmt chinese counting, `%1、`) come out with their numerals.
    @Test func wordAutomaticNumberingIsPrinted() throws {
        let url = FormatCorpus.root.appendingPathComponent("office/h01-2021-utf8-numbered.docx")
        let bytes = try [UInt8](Data(contentsOf: url))
        let members = try ArchiveReader.read(.memory(bytes)) { $0 == "word/document.xml" || $0 == "word/numbering.xml" }
        let document = String(decoding: try #require(members.first { $0.name == "word/document.xml" }?.data), as: UTF8.self)
        let numbering = String(decoding: try #require(members.first { $0.name == "word/numbering.xml" }?.data), as: UTF8.self)
        #expect(document.contains("<w:numPr>"), "the fixture numbers its headings automatically")
        #expect(!document.contains("<w:t>一、总体情况</w:t>"), "the numeral is not typed")
        #expect(numbering.contains("%1、"))
        let doc = try DOCXReader().read(data: bytes, path: url.path)
        let texts = doc.grid.rows.map(\.text)
        for h in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "六、其他需要报告的事项"] {
            #expect(texts.contains(h), "\(h)")
        }
        try FormatCorpus.expectSame(url, twin: try #require(FormatCorpus.htmlTwin("h01-2021-utf8")))
    }

    @Test func wordNumberFormats() {
        #expect(WordNumbering.format(1, "chineseCounting") == "一")
        #expect(WordNumbering.format(10, "chineseCountingThousand") == "十")
        #expect(WordNumbering.format(11, "taiwaneseCountingThousand") == "十一")
        #expect(WordNumbering.format(20, "chineseCounting") == "二十")
        #expect(WordNumbering.format(105, "chineseCounting") == "一百零五")
        #expect(WordNumbering.format(3, "decimalEnclosedCircle") == "③")
        #expect(WordNumbering.format(4, "upperRoman") == "IV")
        #expect(WordNumbering.format(2, "ideographTraditional") == "乙")
    }

    /// DOC, WPS, RTF and ODT go through LibreOffice; `source.converted_by` names it.
    @Test(
        .tags(.slow),
        .enabled(
            if: FormatCorpus.libreOffice || ProcessInfo.processInfo.environment["CI"] == "true",
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"),
        arguments: ["doc", "wps", "rtf", "odt"])
    func convertedFormatsGiveTheHTMLTwinsReport(_ ext: String) throws {
        FormatCorpus.requireLibreOfficeInCI()
        guard FormatCorpus.libreOffice else { return }
        // Three reports per format keep this test under a minute; Scripts/benchmark-formats runs them all.
        for name in ["h02-2019-blanks", "h04-2021-word", "shanghai-2019"] where Self.reports.contains(name) {
            let url = FormatCorpus.root.appendingPathComponent("office/\(name).\(ext)")
            try FormatCorpus.expectSame(url, twin: try #require(FormatCorpus.htmlTwin(name)))
            let r = try FormatCorpus.extract(url)
            #expect(r.source.convertedBy?.hasPrefix("LibreOffice ") == true, "\(r.source.convertedBy ?? "nil")")
            #expect(r.source.mediaType == (ext == "rtf" ? "application/rtf" : ext == "odt" ? "application/vnd.oasis.opendocument.text" : "application/msword"))
        }
    }

    /// Without LibreOffice a .doc is `unsupported` (exit 1) with what to install, never `undecodable`.
    @Test(.enabled(if: extractBinary != nil, "the extract binary is not built"))
    func withoutLibreOfficeTheErrorNamesWhatToInstall() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: extractBinary!)
        p.arguments = [FormatCorpus.root.appendingPathComponent("office/h01-2021-utf8.wps").path]
        var env = ProcessInfo.processInfo.environment
        env["NIANBAO_SOFFICE"] = "/nonexistent/soffice"
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(text.contains("[unsupported]"), "\(text)")
        #expect(text.contains("libreoffice-writer-nogui"), "\(text)")
    }

    /// `--timeout` applies to LibreOffice: it is stopped, the file fails with `timeout` (exit 7),
    /// and its temporary folder is gone.
    @Test(
        .tags(.slow),
        .enabled(
            if: extractBinary != nil && (FormatCorpus.libreOffice || ProcessInfo.processInfo.environment["CI"] == "true"),
            "needs the extract binary and LibreOffice"))
    func libreOfficeStopsAtTheTimeout() throws {
        FormatCorpus.requireLibreOfficeInCI()
        guard FormatCorpus.libreOffice else { return }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-lo-timeout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: extractBinary!)
        p.arguments = [FormatCorpus.root.appendingPathComponent("office/shanghai-2019.doc").path, "--timeout", "1"]
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = tmp.path
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 7, "\(text)")
        #expect(text.contains("[timeout]"), "\(text)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty, "the temporary folder is removed")
    }

    /// The type comes from the bytes: a misnamed file is read as what it is; known non-report types
    /// are named in an `unsupported` error.
    @Test func typeByContent() throws {
        let office = FormatCorpus.root.appendingPathComponent("office")
        func bytes(_ name: String) throws -> [UInt8] { try [UInt8](Data(contentsOf: office.appendingPathComponent(name))) }
        #expect(InputKind.detect(path: "report.pdf", bytes: try bytes("h01-2021-utf8.docx")) == .docx)
        #expect(InputKind.detect(path: "report.txt", bytes: try bytes("h01-2021-utf8.doc")) == .word97)
        #expect(InputKind.detect(path: "x", bytes: try bytes("h01-2021-utf8.rtf")) == .rtf)
        #expect(InputKind.detect(path: "x.zip", bytes: try bytes("h01-2021-utf8.odt")) == .odt)
        let ofd = try [UInt8](Data(contentsOf: FormatCorpus.root.appendingPathComponent("ofd/p01-2021-ruled-vertical.ofd")))
        #expect(InputKind.detect(path: "x.docx", bytes: ofd) == .ofd)
        let zip = try [UInt8](Data(contentsOf: FormatCorpus.root.appendingPathComponent("archive/a1-gbk-names.zip")))
        #expect(InputKind.detect(path: "x.docx", bytes: zip) == .archive)
        let sevenZip = try [UInt8](Data(contentsOf: FormatCorpus.root.appendingPathComponent("archive/a3-reports.7z")))
        #expect(InputKind.detect(path: "x", bytes: sevenZip) == .archive)

        // A misnamed DOCX converts as the DOCX it is.
        let r = try ReportExtractor().extract(bytes: try bytes("h07-2023-colspans.docx"), path: "h07.pdf")
        #expect(r.source.mediaType.contains("wordprocessingml"))
        // A GIF named .html (an image OCR does not read), an archive named alone in the library:
        // unsupported, named. A PNG is a page image for OCR: junk after its magic is a damaged image.
        let gif: [UInt8] = Array("GIF89a".utf8) + Array(repeating: 0, count: 64)
        #expect(throws: ExtractError.self) { try ReportExtractor().extract(bytes: gif, path: "a.html") }
        do { _ = try ReportExtractor().extract(bytes: gif, path: "a.html") } catch {
            #expect(error.code == .unsupported)
            #expect(error.message.contains("image"))
        }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)
        do { _ = try ReportExtractor().extract(bytes: png, path: "a.html"); Issue.record("a junk PNG converted") } catch {
            #expect(error.code == .damaged || error.code == .unsupported, "\(error)")
        }
        do { _ = try ReportExtractor().extract(bytes: zip, path: "a.zip") } catch {
            #expect(error.code == .unsupported)
            #expect(error.message.contains("archive"))
        }
    }

    /// A damaged .docx is `damaged`, not `undecodable`.
    @Test func truncatedDocxIsDamaged() throws {
        let bytes = try [UInt8](Data(contentsOf: FormatCorpus.root.appendingPathComponent("office/h01-2021-utf8.docx")))
        do {
            _ = try ReportExtractor().extract(bytes: Array(bytes.prefix(bytes.count / 2)), path: "half.docx")
            Issue.record("a truncated DOCX converted")
        } catch {
            #expect(error.code == .damaged, "\(error)")
        }
    }
}
