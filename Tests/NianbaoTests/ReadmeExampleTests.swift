import Foundation
import Testing
import Nianbao

// The README's "Using the library" example, compiled here against the public API only (a plain
// `import Nianbao`, no @testable): if the example stops compiling, the test target does not build.
// ReadmeExampleTests.exampleIsTheREADMEs checks the README shows this very code.

// readme-example-start
func summarize(_ path: String) throws(ExtractError) -> String {
    let report = try ReportExtractor().extract(file: path)
    let failed = report.checks.filter { $0.status == .fail }.map(\.id)
    let received = report.value("applications.new_received.total")
    return "\(report.agency ?? "?") \(report.year.map(String.init) ?? "?"): "
        + "new applications \(received?.description ?? "blank"), failed checks \(failed)"
}
// readme-example-end

@Suite struct ReadmeExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func exampleIsTheREADMEs() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let start = try #require(source.range(of: "// readme-example-start\n"))
        let end = try #require(source.range(of: "// readme-example-end"))
        let example = String(source[start.upperBound..<end.lowerBound])
        #expect(readme.contains("```swift\nimport Nianbao\n\n" + example + "```\n"))
    }

    @Test func exampleRuns() throws {
        let line = try summarize(Self.root.appendingPathComponent("Corpus/text/t01-2021-tabs.txt").path)
        #expect(line == "潍坊市水利局 2023: new applications 9, failed checks []")
    }
}
