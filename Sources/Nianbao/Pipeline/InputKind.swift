/// Which reader a file goes to: by its bytes first (PDF magic, image magic, HTML markup), then by its extension.
package enum InputKind: String, Sendable, Hashable {
    case text, html, pdf, png, jpeg, tiff

    /// The media type of a page image; nil for the other kinds.
    package var imageMediaType: String? {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .tiff: "image/tiff"
        case .text, .html, .pdf: nil
        }
    }

    package static func detect(path: String, bytes: [UInt8]) -> InputKind {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
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
