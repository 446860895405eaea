import Testing
@testable import Nianbao

/// InputKind: the PDF magic bytes win over the extension; then the extension; then HTML sniffing
/// of the first kilobyte for unknown extensions and standard input.
@Suite struct InputKindTests {
    static func kind(_ path: String, _ text: String) -> InputKind {
        InputKind.detect(path: path, bytes: Array(text.utf8))
    }

    @Test func pdfMagicBytesWinOverTheExtension() {
        #expect(Self.kind("report.txt", "%PDF-1.7\n%âãÏÓ\n1 0 obj") == .pdf)
        #expect(Self.kind("page.html", "%PDF-1.4\n") == .pdf)
        #expect(Self.kind("-", "%PDF-1.4\n") == .pdf)
        // Only at the very start.
        #expect(Self.kind("-", " %PDF-1.4\n") == .text)
        #expect(Self.kind("-", "%PDF") == .text)
    }

    @Test func extensionDecidesWithoutMagicBytes() {
        #expect(Self.kind("page.HTML", "plain words") == .html)
        #expect(Self.kind("page.htm", "") == .html)
        #expect(Self.kind("page.xhtml", "x") == .html)
        #expect(Self.kind("scan.PDF", "<html><body>not a pdf</body></html>") == .pdf)
        #expect(Self.kind("report.TXT", "<html><body>a page saved as text</body></html>") == .text)
        #expect(Self.kind("notes.md", "<table><tr><td>1</td></tr></table>") == .text)
    }

    @Test func markupIsSniffedForUnknownExtensions() {
        #expect(Self.kind("-", "<!DOCTYPE html><html><body>x</body></html>") == .html)
        #expect(Self.kind("report", "\n  <HTML>\n<BODY>一、总体情况") == .html)
        #expect(Self.kind("report.doc", "<meta charset=gbk><table><tr><td>1</td></tr></table>") == .html)
        #expect(Self.kind("report.dat", "<body>") == .html)
        #expect(Self.kind("-", "一、总体情况\n本机关2023年……\n") == .text)
        #expect(Self.kind("-", "a < b and html is a word") == .text)
        // Only the first kilobyte is looked at.
        #expect(Self.kind("-", String(repeating: "x", count: 1024) + "<html>") == .text)
        #expect(Self.kind("-", String(repeating: "x", count: 1000) + "<html>") == .html)
    }

    @Test func nonASCIIBeforeTheMarkupDoesNotHideIt() {
        // Chinese text (GBK or UTF-8 bytes) before the tag is skipped by the sniffing.
        #expect(InputKind.detect(path: "-", bytes: [0xD5, 0xFE, 0xB8, 0xAE] + Array("<html>".utf8)) == .html)
        #expect(Self.kind("-", "\u{FEFF}<!doctype html>") == .html)
    }

    /// ``InputKind/asciiExtension(_:)`` finds the extension ``InputKind/plainExtension(_:)`` finds,
    /// on ASCII paths, and leaves other paths to it.
    @Test func asciiExtensionAsPlainExtension() {
        let paths = [
            "", "/", "///", "a", "a.", ".a", "a.txt", "dir/a.txt", "dir.x/a", "dir.x/a/", "a.txt/", "a.txt//", "/a/b/c.tar.gz",
            "./a", "../a.pdf", "a..b", "x/.hidden", "a\r\n.txt", "a.\r\ntxt", "-", "report.TXT", "c:\\dir\\x.doc", "a.verylongextension",
        ]
        for path in paths {
            #expect(InputKind.asciiExtension(path) == InputKind.plainExtension(path), "\(path)")
        }
        for path in ["报告.txt", "a/\u{301}b.txt", "x.\u{301}txt", "dir.é/a"] {
            #expect(InputKind.asciiExtension(path) == nil, "\(path)")
        }
    }
}
