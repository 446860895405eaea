import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Builds test archives from Corpus/text: the 20 synthetic reports, the seed report, two consecutive
/// years of one agency (named differently), and an empty file, binary junk and a non-report mixed in.
enum BatchFixture {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var corpusText: String { packageRoot + "/Corpus/text" }

    /// The seed report of ../shared, added to archives where it is present.
    static var seed: String { TestSupport.shared.appendingPathComponent("seed/000_a45bd972aea0d5d6.txt").path }

    static func temporaryDirectory(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "/nianbao-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func corpusFiles() -> [String] {
        (try! FileManager.default.contentsOfDirectory(atPath: corpusText)).filter { $0.hasSuffix(".txt") }.sorted()
    }

    /// The archive; returns its folder. Layout:
    /// corpus/tNN….txt (20), seed/000….txt, agency/2022.txt and agency/2023.txt (洪泽区人民政府 / 淮安市洪泽区人民政府),
    /// bad/empty.txt, bad/junk.txt (binary), bad/notes.md (not a report), plus files that are not inputs.
    @discardableResult
    static func makeArchive(at root: String, copies: Int = 1) -> String {
        let fm = FileManager.default
        let archive = root + "/archive"
        try! fm.createDirectory(atPath: archive + "/corpus", withIntermediateDirectories: true)
        for c in 0..<copies {
            let sub = copies == 1 ? "/corpus" : "/corpus/copy\(String(format: "%03d", c))"
            try! fm.createDirectory(atPath: archive + sub, withIntermediateDirectories: true)
            for f in corpusFiles() { try! fm.copyItem(atPath: corpusText + "/" + f, toPath: archive + sub + "/" + f) }
        }
        if fm.fileExists(atPath: seed) {
            try! fm.createDirectory(atPath: archive + "/seed", withIntermediateDirectories: true)
            try! fm.copyItem(atPath: seed, toPath: archive + "/seed/000_a45bd972aea0d5d6.txt")
        }
        // Two consecutive years of one agency, named differently: t01 (2023) as 淮安市洪泽区人民政府 2023,
        // and as 洪泽区人民政府 2022 (every 2023 turned into 2022).
        let t01 = try! String(contentsOfFile: corpusText + "/t01-2021-tabs.txt", encoding: .utf8)
        try! fm.createDirectory(atPath: archive + "/agency", withIntermediateDirectories: true)
        try! t01.replacingOccurrences(of: "2023", with: "2022").replacingOccurrences(of: "潍坊市水利局", with: "洪泽区人民政府")
            .write(toFile: archive + "/agency/2022.txt", atomically: true, encoding: .utf8)
        try! t01.replacingOccurrences(of: "潍坊市水利局", with: "淮安市洪泽区人民政府").write(toFile: archive + "/agency/2023.txt", atomically: true, encoding: .utf8)
        try! fm.createDirectory(atPath: archive + "/bad", withIntermediateDirectories: true)
        fm.createFile(atPath: archive + "/bad/empty.txt", contents: Data())
        var junk = [UInt8](repeating: 0, count: 4096)
        var x: UInt32 = 12345
        for i in junk.indices { x = x &* 1_103_515_245 &+ 12345; junk[i] = UInt8(truncatingIfNeeded: x >> 16) }
        fm.createFile(atPath: archive + "/bad/junk.txt", contents: Data(junk))
        try! "# 会议纪要\n\n今天讨论了食堂菜单。\n\n下周继续。\n".write(toFile: archive + "/bad/notes.md", atomically: true, encoding: .utf8)
        // Not inputs: other extensions, hidden files.
        try! "{}".write(toFile: archive + "/bad/readme.json", atomically: true, encoding: .utf8)
        try! "x".write(toFile: archive + "/.hidden.txt", atomically: true, encoding: .utf8)
        return archive
    }

    /// Inputs of the archive made by ``makeArchive``: corpus + seed + 2 agency + 3 bad.
    static func expectedInputCount(copies: Int = 1) -> Int {
        corpusFiles().count * copies + (FileManager.default.fileExists(atPath: seed) ? 1 : 0) + 2 + 3
    }

    /// Splits CSV text into rows of fields (RFC 4180 quoting).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.endIndex && chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// The file's text; a file that cannot be read is a recorded issue (two missing outputs are not equal outputs).
    static func read(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            Issue.record("cannot read \(path): \(error)", sourceLocation: sourceLocation)
            return ""
        }
    }

    static func jsonLines(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> [JSONValue] {
        read(path, sourceLocation: sourceLocation).split(separator: "\n").map { try! JSONParser.parse(Array($0.utf8)) }
    }
}
