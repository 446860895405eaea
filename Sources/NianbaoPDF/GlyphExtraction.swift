import NianbaoCore

package enum GlyphExtraction {
    /// Keeps the visible characters of poppler's text layout (whitespace and control characters
    /// carry no box of their own) and removes fake-bold duplicates.
    static func glyphs(from layout: [(scalar: Unicode.Scalar, box: Box)]) -> [Glyph] {
        var out: [Glyph] = []
        out.reserveCapacity(layout.count)
        var inflated: [Double] = []  // widths of the characters whose boxes were far too tall
        for (scalar, box) in layout {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F { continue }
            if TextNormalizer.isInvisible(scalar.value) { continue }
            guard box.x1 > box.x0 || box.y1 > box.y0 else { continue }
            let square = squared(scalar, box)
            if square != box { inflated.append(square.x1 - square.x0) }
            out.append(Glyph(scalar: scalar, box: square))
        }
        if !inflated.isEmpty {
            // The same fonts set the page's punctuation and other marks: on such a page, a glyph
            // still taller than 1.6 ems is brought to one em about its middle too.
            let em = inflated.sorted()[inflated.count / 2]
            for k in out.indices where out[k].box.y1 - out[k].box.y0 > 1.6 * em {
                let b = out[k].box, middle = (b.y0 + b.y1) / 2
                out[k] = Glyph(scalar: out[k].scalar, box: Box(x0: b.x0, y0: middle - em / 2, x1: b.x1, y1: middle + em / 2))
            }
        }
        return removeFakeBold(out)
    }

    /// A Chinese character's box as tall as it is wide, about its middle, when poppler reports it
    /// far taller. Type 3 fonts (Chromium's print to PDF sets CJK text in them) give every glyph the
    /// font's whole bounding box, two to three times the character's height: such boxes reach
    /// over the table borders above and below (which were then taken for strokes of the glyph and
    /// dropped) and into the next row (whose label then joined this one). An ideograph fills a
    /// square em, so its width is its height.
    static func squared(_ scalar: Unicode.Scalar, _ box: Box) -> Box {
        guard scalar.isIdeograph else { return box }
        let width = box.x1 - box.x0
        guard width > 0, box.y1 - box.y0 > 1.6 * width else { return box }
        let middle = (box.y0 + box.y1) / 2
        return Box(x0: box.x0, y0: middle - width / 2, x1: box.x1, y1: middle + width / 2)
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

    /// CJK ideographs (the unified block and extension A): characters that fill a square em.
    package var isIdeograph: Bool { (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) }
}
