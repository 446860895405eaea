/// Which reader a file goes to: by its bytes first (PDF magic, HTML markup), then by its extension.
package enum InputKind: String, Sendable, Hashable {
    case text, html, pdf

    package static func detect(path: String, bytes: [UInt8]) -> InputKind {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        let lower = path.lowercased()
        if lower.hasSuffix(".pdf") { return .pdf }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".md") { return .text }
        // Unknown extension or stdin: look for markup at the start.
        let head = bytes.prefix(1024).filter { $0 < 0x80 }.map { Character(Unicode.Scalar($0)) }
        let start = String(head).lowercased()
        if start.contains("<!doctype html") || start.contains("<html") || start.contains("<body") || start.contains("<table") { return .html }
        return .text
    }
}
