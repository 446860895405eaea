import NianbaoCore
/// Decides whether a PDF's text layer is usable: present (not a scan) and readable (not junk
/// from fonts without a usable ToUnicode map).
package enum TextLayerCheck {
    package struct PageStats: Sendable {
        package var visible = 0
        var cjk = 0
        var junk = 0
        var significant = 0
        /// Letters of scripts and blocks a Chinese report does not use (Khmer, Mongolian, Latin-1
        /// letters, dingbats, private use …): what a font without a usable ToUnicode map decodes to
        /// when poppler reads its character ids as code points.
        var foreign = 0
    }

    package static func stats(_ glyphs: [Glyph]) -> PageStats {
        var s = PageStats()
        for g in glyphs {
            let v = g.scalar.value
            s.visible += 1
            if v < 0x80 && !(v >= 0x41 && v <= 0x5A) && !(v >= 0x61 && v <= 0x7A) { continue }  // digits, ASCII punctuation
            s.significant += 1
            if g.scalar.isCJKLike { s.cjk += 1; continue }
            if !(v < 0x80 || isExpected(v)) { s.foreign += 1 }
            switch v {
            case 0x80...0x2FF, 0xE000...0xF8FF, 0xFFFD, 0xF0000...0x10FFFF:
                s.junk += 1
            default:
                break
            }
        }
        return s
    }

    /// Non-CJK characters a Chinese report prints: Latin-1 punctuation and signs (·, ×, °), general
    /// punctuation, letterlike symbols (℃, №), number forms (Ⅰ), arrows, mathematical operators,
    /// enclosed numbers (①), box drawing, shapes and symbols (★), CJK compatibility forms.
    static func isExpected(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0...0xBF, 0xD7, 0xF7, 0x2000...0x26FF, 0x2780...0x27BF, 0x2B00...0x2BFF, 0x3200...0x33FF, 0xFE30...0xFE4F:
            return true
        default:
            return false
        }
    }

    /// Readable Chinese: at least 30% of the letters are CJK, unless the page has too few letters to
    /// tell; and not a third or more of them from scripts a report does not use (a font without a
    /// ToUnicode map, or with a damaged one, read as code points: many land among CJK ideographs).
    static func isGarbled(_ s: PageStats) -> Bool {
        guard s.significant >= 20 else { return false }
        let cjk = Double(s.cjk) / Double(s.significant)
        let junk = Double(s.junk) / Double(s.significant)
        let foreign = Double(s.foreign) / Double(s.significant)
        return (cjk < 0.3 && junk >= 0.15) || foreign >= 0.3
    }

    /// "page 2", "pages 1–3, 5" for a list of 1-based page numbers.
    package static func describe(_ pages: [Int]) -> String {
        (pages.count == 1 ? "page " : "pages ") + ranges(pages)
    }

    static func ranges(_ pages: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < pages.count {
            var j = i
            while j + 1 < pages.count && pages[j + 1] == pages[j] + 1 { j += 1 }
            parts.append(i == j ? "\(pages[i])" : "\(pages[i])–\(pages[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
