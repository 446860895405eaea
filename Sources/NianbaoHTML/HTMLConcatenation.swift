import NianbaoCore
#if canImport(Glibc)
    import Glibc
#endif

/// Finds a second complete HTML document appended after the first one's `</html>` (pages saved one
/// after another into one file). libxml2 reads one document: what follows is merged or dropped, so
/// the reader warns `multiple_reports` when the second one holds a report title, as the text path does.
enum HTMLConcatenation {
    /// The report title of the document that follows the first `</html>`, if there is such a document.
    static func secondReport(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let end = first(bytes, ["</html", "</HTML", "</Html"], from: 0) else { return nil }
            let rest = end + 6
            guard first(bytes, ["<html", "<HTML", "<Html", "<body", "<BODY", "<Body"], from: rest) != nil else { return nil }
            // The title: the first run of text between tags that reads like a report title.
            var i = rest
            while i < bytes.count {
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { break }
                let open = bytes[(close + 1)...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                if open - close <= 400 {
                    let piece = TextNormalizer.display(String(decoding: bytes[(close + 1)..<open], as: UTF8.self))
                    if !piece.isEmpty, piece.unicodeScalars.count <= 80, HTMLReportScope.isTitle(TextNormalizer.matchKey(piece)) {
                        return piece
                    }
                }
                i = open
            }
            return nil
        }
    }

    /// The earliest byte offset at or after `from` of any of `needles` (each starts with `<`; memchr
    /// finds the candidates: a page can be 50 MB).
    static func first(_ bytes: UnsafeBufferPointer<UInt8>, _ needles: [String], from: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let patterns = needles.map { Array($0.utf8) }
        var at = from
        while at < bytes.count, let hit = memchr(base + at, 0x3C, bytes.count - at) {
            let i = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
            for p in patterns where i + p.count <= bytes.count && (0..<p.count).allSatisfy({ bytes[i + $0] == p[$0] }) {
                return i
            }
            at = i + 1
        }
        return nil
    }
}
