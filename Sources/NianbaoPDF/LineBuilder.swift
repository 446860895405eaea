import NianbaoCore
/// A printed line: glyphs that share a baseline band, left to right.
struct TextLine: Sendable {
    var glyphs: [Glyph]
    var box: Box

    init(glyphs: [Glyph]) {
        self.glyphs = glyphs.sorted { $0.box.x0 < $1.box.x0 }
        var b = self.glyphs[0].box
        for g in self.glyphs.dropFirst() { b = b.union(g.box) }
        self.box = b
    }

    /// The typical glyph height (font size) on the line.
    var size: Double {
        let hs = glyphs.map(\.height).sorted()
        return hs[hs.count / 2]
    }
}

/// Groups glyphs into lines, splits lines into cells at gaps, and turns glyph runs into text.
enum LineBuilder {
    /// Glyphs whose vertical extents overlap by at least half the smaller height share a line.
    static func lines(_ glyphs: [Glyph]) -> [TextLine] {
        guard !glyphs.isEmpty else { return [] }
        let sorted = glyphs.sorted { ($0.centerY, $0.box.x0) < ($1.centerY, $1.box.x0) }
        var groups: [[Glyph]] = []
        var ranges: [(y0: Double, y1: Double, h: Double)] = []
        for g in sorted {
            var best = -1
            var bestRatio = 0.0
            var k = groups.count - 1
            while k >= 0 {
                let r = ranges[k]
                if r.y1 < g.box.y0 - 40 { break }
                let overlap = min(r.y1, g.box.y1) - max(r.y0, g.box.y0)
                let ratio = overlap / max(0.1, min(r.h, g.height))
                if ratio > bestRatio { bestRatio = ratio; best = k }
                k -= 1
            }
            if best >= 0 && bestRatio >= 0.5 {
                groups[best].append(g)
                let r = ranges[best]
                // the band follows the line's typical glyphs, not its tallest one
                ranges[best] = (min(r.y0, g.box.y0), max(r.y1, g.box.y1), min(r.h, g.height))
            } else {
                groups.append([g])
                ranges.append((g.box.y0, g.box.y1, g.height))
            }
        }
        return groups.map(TextLine.init).sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
    }

    /// Splits a line into runs at horizontal gaps wider than `factor` times the line's glyph size.
    static func cells(of line: TextLine, factor: Double = 1.0) -> [[Glyph]] {
        let threshold = max(3.0, line.size * factor)
        var out: [[Glyph]] = []
        var current: [Glyph] = []
        var right = -Double.infinity
        for g in line.glyphs {
            if !current.isEmpty && g.box.x0 - right > threshold {
                out.append(current)
                current = []
            }
            current.append(g)
            right = max(right, g.box.x1)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Text of one run of glyphs on a line (sorted left to right). A space is kept where the gap is
    /// visible, except between two CJK characters (justified Chinese text).
    static func text(of glyphs: [Glyph]) -> String {
        var s = String.UnicodeScalarView()
        var prev: Glyph?
        for g in glyphs {
            if let p = prev {
                let gap = g.box.x0 - p.box.x1
                if gap > 0.25 * min(p.height, g.height) && !(p.scalar.isCJKLike && g.scalar.isCJKLike) {
                    s.append(" ")
                }
            }
            s.append(g.scalar)
            prev = g
        }
        return String(s)
    }

    /// Text of glyphs that share one box (a ruled cell): lines top to bottom joined without spaces,
    /// or columns right to left when the glyphs are set vertically (one character per line, or
    /// characters stacked more tightly than lines).
    static func blockText(_ glyphs: [Glyph]) -> String {
        guard !glyphs.isEmpty else { return "" }
        let lines = lines(glyphs)
        // one or two characters per line over several lines: a vertical label (one column of
        // upright characters, punctuation set a little to the side)
        if lines.count >= 3, Double(glyphs.count) <= 1.5 * Double(lines.count), isStacked(glyphs) {
            return verticalText(glyphs)
        }
        if lines.count >= 2, isVerticalColumns(lines) {
            return verticalText(glyphs)
        }
        var out = ""
        for line in lines {
            let t = text(of: line.glyphs)
            if let last = out.unicodeScalars.last, let first = t.unicodeScalars.first {
                if (last.isDigitASCII && first.isDigitASCII) || (isLatin(last) && isLatin(first)) {
                    out.append(" ")  // never merge numbers or words across lines
                }
            }
            out += t
        }
        return out
    }

    private static func isLatin(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }

    /// Glyphs that form narrow columns: the union is much taller than wide, or the glyphs overlap
    /// horizontally with their neighbours above and below.
    static func isStacked(_ glyphs: [Glyph]) -> Bool {
        var box = glyphs[0].box
        for g in glyphs.dropFirst() { box = box.union(g.box) }
        let widths = glyphs.map(\.width).sorted()
        let w = widths[widths.count / 2]
        return (box.x1 - box.x0) <= 2.6 * w
    }

    /// Several lines that each hold characters far apart horizontally but stacked tightly
    /// vertically: vertical writing with more than one column.
    static func isVerticalColumns(_ lines: [TextLine]) -> Bool {
        let multi = lines.filter { $0.glyphs.count >= 2 }
        guard !multi.isEmpty else { return false }
        var dxs: [Double] = []
        for l in multi {
            for k in 1..<l.glyphs.count { dxs.append(l.glyphs[k].centerX - l.glyphs[k - 1].centerX) }
        }
        var dys: [Double] = []
        for k in 1..<lines.count { dys.append(lines[k].box.y0 - lines[k - 1].box.y0) }
        dxs.sort(); dys.sort()
        let dx = dxs[dxs.count / 2], dy = dys[dys.count / 2]
        return dx > 1.3 * dy && dy > 0
    }

    /// Columns (clustered by x) read right to left, each top to bottom.
    static func verticalText(_ glyphs: [Glyph]) -> String {
        let sorted = glyphs.sorted { $0.centerX > $1.centerX }
        var columns: [[Glyph]] = []
        for g in sorted {
            if let last = columns.last?.last, abs(last.centerX - g.centerX) < 0.5 * max(last.width, g.width) {
                columns[columns.count - 1].append(g)
            } else {
                columns.append([g])
            }
        }
        var s = String.UnicodeScalarView()
        for col in columns {
            // vertical punctuation (、，。) can be drawn over the character it follows
            func key(_ g: Glyph) -> Double { g.centerY + ("、，。：；".unicodeScalars.contains(g.scalar) ? 0.6 * g.height : 0) }
            for g in col.sorted(by: { key($0) < key($1) }) { s.append(g.scalar) }
        }
        return String(s)
    }
}
