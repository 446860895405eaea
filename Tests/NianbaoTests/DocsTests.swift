import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets

/// `Docs/` and the README: the generated codebook is current, no link leaves the repository and
/// every link resolves, and every error and diagnostic code is documented.
@Suite struct DocsTests {
    static let root = TestSupport.packageRoot

    static func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// README.md and every markdown file under Docs/, relative to the package root.
    static func markdownFiles() -> [String] {
        var files = ["README.md"]
        let docs = root.appendingPathComponent("Docs")
        if let walker = FileManager.default.enumerator(atPath: docs.path) {
            for case let path as String in walker where path.hasSuffix(".md") { files.append("Docs/" + path) }
        }
        return files.sorted()
    }

    /// The text outside fenced code blocks and inline code spans.
    static func prose(_ markdown: String) -> String {
        var out: [Substring] = []
        var fenced = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { fenced.toggle(); continue }
            if !fenced { out.append(line) }
        }
        let text = out.joined(separator: "\n")
        return text.replacingOccurrences(of: #"`[^`\n]*`"#, with: "", options: .regularExpression)
    }

    /// Link targets: inline and image links, reference definitions, autolinks, HTML src/href.
    static func links(_ markdown: String) -> [String] {
        let text = prose(markdown)
        let patterns = [
            #"\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)"#, #"(?m)^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)"#,
            #"<((?:https?|ftp|mailto|file):[^>\s]+)>"#, #"(?:src|href)\s*=\s*"([^"]+)""#,
        ]
        var out: [String] = []
        for p in patterns {
            let re = try! NSRegularExpression(pattern: p)
            for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                out.append((text as NSString).substring(with: m.range(at: 1)))
            }
        }
        return out
    }

    /// GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens.
    static func anchors(_ markdown: String) -> Set<String> {
        var out: Set<String> = []
        var fenced = false
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("```") { fenced.toggle(); continue }
            guard !fenced, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            var slug = ""
            for ch in title.lowercased() {
                if ch == " " { slug.append("-") } else if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { slug.append(ch) }
            }
            var candidate = slug, n = 1
            while out.contains(candidate) { candidate = "\(slug)-\(n)"; n += 1 }
            out.insert(candidate)
        }
        return out
    }

    @Test func codebookPageIsUpToDate() throws {
        let page = try Self.read("Docs/codebook.md")
        #expect(page == CodebookExport.markdown(), "Docs/codebook.md is stale: run Scripts/generate-codebook-doc")
    }

    @Test func everyLinkStaysInTheRepositoryAndResolves() throws {
        let files = Self.markdownFiles()
        #expect(files.count >= 6, "README.md and the pages of Docs/")
        var checked = 0
        for file in files {
            let text = try Self.read(file)
            let dir = (file as NSString).deletingLastPathComponent
            for link in Self.links(text) {
                checked += 1
                let hasScheme = link.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil
                #expect(!hasScheme && !link.hasPrefix("/") && !link.hasPrefix("//"), "\(file): \(link) leaves the repository")
                if hasScheme || link.hasPrefix("/") { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].removingPercentEncoding ?? parts[0]
                let relative = target.isEmpty ? file : ((dir as NSString).appendingPathComponent(target) as NSString).standardizingPath
                #expect(!relative.hasPrefix(".."), "\(file): \(link) points outside the repository")
                let url = Self.root.appendingPathComponent(relative)
                #expect(FileManager.default.fileExists(atPath: url.path), "\(file): \(link) does not exist")
                if parts.count == 2, relative.hasSuffix(".md"), let targetText = try? String(contentsOf: url, encoding: .utf8) {
                    #expect(Self.anchors(targetText).contains(parts[1]), "\(file): \(link): no such heading")
                }
            }
        }
        #expect(checked > 20)
        // The README's documentation lives in Docs/.
        let readme = try Self.read("README.md")
        #expect(!readme.contains("../shared/spec"))
        #expect(Self.links(readme).contains { $0.hasPrefix("Docs/") })
    }

    @Test func linkCheckerSeesExternalLinks() {
        let sample = "See [spec](../shared/spec/a.md), [w](https://example.org) and <https://x.org>, ![i](images/a.png), `[not](http://code)`.\n[r]: http://ref\n"
        #expect(Self.links(sample).sorted() == ["../shared/spec/a.md", "http://ref", "https://example.org", "https://x.org", "images/a.png"].sorted())
        #expect(Self.anchors("# I6: documents in force carry over\n## Exit statuses\n").contains("i6-documents-in-force-carry-over"))
    }

    @Test func everyErrorAndDiagnosticCodeIsDocumented() throws {
        let page = try Self.read("Docs/error-codes.md")
        for code in ExtractError.Code.allCases {
            #expect(page.contains("`\(code.rawValue)`"), "error code \(code.rawValue) is not in Docs/error-codes.md")
        }
        let source = try Self.read("Sources/NianbaoCore/Model/Diagnostic.swift")
        let re = try NSRegularExpression(pattern: #"static let \w+: Code = "([a-z0-9_]+)""#)
        let codes = re.matches(in: source, range: NSRange(source.startIndex..., in: source)).map { (source as NSString).substring(with: $0.range(at: 1)) }
        #expect(codes.count >= 20)
        for code in codes {
            #expect(page.contains("| `\(code)` |"), "diagnostic code \(code) is not in Docs/error-codes.md")
        }
    }

    @Test func everyCheckHasAWorkedExample() throws {
        let page = try Self.read("Docs/checks.md")
        for id in ["I1", "I2", "I3", "I4", "I5", "I6"] {
            #expect(page.contains("## \(id):"), "Docs/checks.md has no section for \(id)")
        }
    }

    /// The worked examples of Docs/checks.md are what `extract` prints for the reports in ../shared/corpus.
    @Test(Prerequisite.shared("corpus/hongze-2023.pdf"), Prerequisite.shared("corpus/shanghai-2019.html"))
    func workedExamplesAreTheOutput() throws {
        let page = try Self.read("Docs/checks.md")
        let examples: [(file: String, id: String, status: Check.Status, lhs: String, rhs: String)] = [
            ("hongze-2023.pdf", "I2.natural_person", .pass, "21", "21"),
            ("hongze-2023.pdf", "I3.unable.not_held", .pass, "10", "10"),
            ("hongze-2023.pdf", "I4.review", .fail, "0", "11"),
            ("hongze-2023.pdf", "I4.litigation_after_review", .fail, "0", "5"),
            ("hongze-2023.pdf", "I4.litigation_direct", .pass, "0", "0"),
            ("shanghai-2019.html", "I1.natural_person", .pass, "839", "839"),
            ("shanghai-2019.html", "I1.total", .pass, "877", "877"),
            ("shanghai-2019.html", "I2.total", .notAssessable, "805", "nil"),
            ("shanghai-2019.html", "I3.new_received", .notAssessable, "859", "nil"),
            ("shanghai-2019.html", "I4.review", .notAssessable, "7", "nil"),
        ]
        var reports: [String: Report] = [:]
        for e in examples {
            let url = try #require(TestSupport.sharedFile("corpus/\(e.file)"), "../shared/corpus/\(e.file) is missing")
            if reports[e.file] == nil { reports[e.file] = try ReportExtractor().extract(file: url.path) }
            let check = try #require(reports[e.file]!.check(e.id), "\(e.file) has no \(e.id)")
            #expect(check.status == e.status, "\(e.file) \(e.id)")
            #expect((check.lhs?.description ?? "nil") == e.lhs && (check.rhs?.description ?? "nil") == e.rhs, "\(e.file) \(e.id)")
            #expect(page.contains("`\(e.id)`"), "Docs/checks.md does not show \(e.id)")
        }
        let hongze = reports["hongze-2023.pdf"]!
        #expect(hongze.v("active_disclosure.normative_documents.issued") == "0")
        #expect(hongze.v("active_disclosure.normative_documents.repealed") == "5")
        #expect(hongze.v("active_disclosure.normative_documents.in_force") == "5")
        let shanghai = reports["shanghai-2019.html"]!
        #expect(shanghai.v("applications.carried_over.total") == "18" && shanghai.v("applications.carried_forward.total") == "72")
        #expect(shanghai.v("active_disclosure.normative_documents.total_published") == "368")
    }
}
