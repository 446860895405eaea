import NianbaoCore
/// Decides whether a PDF's text layer is usable: present (not a scan) and readable (not junk
/// from fonts without a usable ToUnicode map).
package enum TextLayerCheck {
    package struct PageStats: Sendable {
        package var visible = 0
        var cjk = 0
        var junk = 0
        var significant = 0
    }

    package static func stats(_ glyphs: [Glyph]) -> PageStats {
        var s = PageStats()
        for g in glyphs {
            let v = g.scalar.value
            s.visible += 1
            if v < 0x80 && !(v >= 0x41 && v <= 0x5A) && !(v >= 0x61 && v <= 0x7A) { continue }  // digits, ASCII punctuation
            s.significant += 1
            if g.scalar.isCJKLike { s.cjk += 1; continue }
            switch v {
            case 0x80...0x2FF, 0xE000...0xF8FF, 0xFFFD, 0xF0000...0x10FFFF:
                s.junk += 1
            default:
                break
            }
        }
        return s
    }

    /// Readable Chinese: at least 30% of the letters are CJK, unless the page has too few letters to tell.
    static func isGarbled(_ s: PageStats) -> Bool {
        guard s.significant >= 20 else { return false }
        let cjk = Double(s.cjk) / Double(s.significant)
        let junk = Double(s.junk) / Double(s.significant)
        return cjk < 0.3 && junk >= 0.15
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
