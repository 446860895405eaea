import NianbaoCore

package enum GlyphExtraction {
    /// Keeps the visible characters of poppler's text layout (whitespace and control characters
    /// carry no box of their own) and removes fake-bold duplicates.
    static func glyphs(from layout: [(scalar: Unicode.Scalar, box: Box)]) -> [Glyph] {
        var out: [Glyph] = []
        out.reserveCapacity(layout.count)
        for (scalar, box) in layout {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F { continue }
            if TextNormalizer.isInvisible(scalar.value) { continue }
            guard box.x1 > box.x0 || box.y1 > box.y0 else { continue }
            out.append(Glyph(scalar: scalar, box: box))
        }
        return removeFakeBold(out)
    }

    /// Fake bold draws the same character two to four times, offset by a fraction of a point.
    /// A glyph is dropped when the same scalar already sits at nearly the same place.
    package static func removeFakeBold(_ glyphs: [Glyph]) -> [Glyph] {
        guard glyphs.count > 1 else { return glyphs }
        var kept: [Glyph] = []
        kept.reserveCapacity(glyphs.count)
        // Bucket kept glyphs by a coarse grid so the check stays linear: each bucket is a chain
        // through `next` starting at `heads[key]` (no array per bucket).
        var heads: [Int64: Int] = [:]
        heads.reserveCapacity(glyphs.count)
        var next: [Int] = []
        next.reserveCapacity(glyphs.count)
        func key(_ x: Double, _ y: Double) -> Int64 { Int64((x / 4).rounded(.down)) &* 100_003 &+ Int64((y / 4).rounded(.down)) }
        for g in glyphs {
            let tol = max(0.2, min(g.width, g.height) * 0.25)
            var duplicate = false
            let bx = Int64((g.centerX / 4).rounded(.down)), by = Int64((g.centerY / 4).rounded(.down))
            search: for dx in -1...1 {
                for dy in -1...1 {
                    var idx = heads[(bx + Int64(dx)) &* 100_003 &+ (by + Int64(dy))] ?? -1
                    while idx >= 0 {
                        let k = kept[idx]
                        if k.scalar == g.scalar && abs(k.centerX - g.centerX) <= tol && abs(k.centerY - g.centerY) <= tol {
                            duplicate = true
                            break search
                        }
                        idx = next[idx]
                    }
                }
            }
            if duplicate { continue }
            let k = key(g.centerX, g.centerY)
            next.append(heads[k] ?? -1)
            heads[k] = kept.count
            kept.append(g)
        }
        return kept
    }
}

extension Unicode.Scalar {
    /// CJK ideographs, radicals, CJK punctuation and full-width forms: text that is set without spaces.
    package var isCJKLike: Bool {
        switch value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3134F:
            return true
        case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026:
            return true
        default:
            return false
        }
    }

    var isDigitASCII: Bool { value >= 0x30 && value <= 0x39 }
}
