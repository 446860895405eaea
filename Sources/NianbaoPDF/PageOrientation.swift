import NianbaoCore

/// Which way a page's text runs as the page is displayed, and the turn that makes it upright.
///
/// Poppler gives glyph boxes and renders rulings in the page's displayed orientation (its
/// `/Rotate` applied). A page whose text is displayed sideways or upside down (a wide table set
/// across a portrait page, a page rotated the wrong way when the PDF was put together) reads
/// as columns of single characters: every label and row is lost. Such a page is turned upright
/// (glyph boxes, rulings and page size) before its lines are built. The direction is read from
/// the text itself: poppler lists characters in reading order, so consecutive characters of a
/// line step along the direction the text runs.
package enum PageOrientation: Sendable, Equatable {
    /// Text runs left to right.
    case upright
    /// Text runs top to bottom: the page is displayed turned a quarter clockwise.
    case turnedClockwise
    /// Text runs bottom to top: the page is displayed turned a quarter counterclockwise.
    case turnedCounterclockwise
    /// Text runs right to left, lines from the bottom up.
    case upsideDown

    /// The orientation of a page's text: a turn only when at least 20 steps between neighbouring
    /// characters are seen and four in five of them go the same way (a few vertical header cells,
    /// `writing-mode: vertical-rl`, leave a page upright).
    package static func of(_ glyphs: [Glyph]) -> PageOrientation {
        var right = 0, down = 0, up = 0, left = 0
        for k in glyphs.indices.dropFirst() {
            let a = glyphs[k - 1], b = glyphs[k]
            // ideographs only: punctuation may be listed out of place, digits' boxes are narrow
            guard a.scalar.isIdeograph, b.scalar.isIdeograph else { continue }
            let size = max(a.width, a.height)
            guard size > 0 else { continue }
            // Only characters that touch count (set solid, as Chinese is): the next cell of a
            // table, or the next line, is further away, whatever order poppler lists them in.
            let dx = b.centerX - a.centerX, dy = b.centerY - a.centerY
            let near = 0.35 * size, aside = 0.25 * size
            if abs(dy) <= aside {
                if dx > 0 && abs(b.box.x0 - a.box.x1) <= near { right += 1 } else if dx < 0 && abs(a.box.x0 - b.box.x1) <= near { left += 1 }
            } else if abs(dx) <= aside {
                if dy > 0 && abs(b.box.y0 - a.box.y1) <= near { down += 1 } else if dy < 0 && abs(a.box.y0 - b.box.y1) <= near { up += 1 }
            }
        }
        let total = right + down + up + left
        guard total >= 20 else { return .upright }
        if down * 5 >= total * 4 { return .turnedClockwise }
        if up * 5 >= total * 4 { return .turnedCounterclockwise }
        if left * 5 >= total * 4 { return .upsideDown }
        return .upright
    }

    /// The page size once upright: a quarter turn swaps width and height.
    package func uprightSize(width: Double, height: Double) -> (width: Double, height: Double) {
        switch self {
        case .upright, .upsideDown: return (width, height)
        case .turnedClockwise, .turnedCounterclockwise: return (height, width)
        }
    }

    /// A point of the displayed page (width × height) on the upright page.
    func upright(x: Double, y: Double, width: Double, height: Double) -> (x: Double, y: Double) {
        switch self {
        case .upright: return (x, y)
        case .turnedClockwise: return (y, width - x)
        case .turnedCounterclockwise: return (height - y, x)
        case .upsideDown: return (width - x, height - y)
        }
    }

    package func upright(_ box: Box, width: Double, height: Double) -> Box {
        let a = upright(x: box.x0, y: box.y0, width: width, height: height)
        let b = upright(x: box.x1, y: box.y1, width: width, height: height)
        return Box(x0: min(a.x, b.x), y0: min(a.y, b.y), x1: max(a.x, b.x), y1: max(a.y, b.y))
    }

    package func upright(_ glyphs: [Glyph], width: Double, height: Double) -> [Glyph] {
        guard self != .upright else { return glyphs }
        return glyphs.map { g in
            var turned = g
            turned.box = upright(g.box, width: width, height: height)
            return turned
        }
    }

    package func upright(_ rulings: [Ruling], width: Double, height: Double) -> [Ruling] {
        guard self != .upright else { return rulings }
        return rulings.map { r in
            let (x0, y0, x1, y1) =
                r.axis == .horizontal ? (r.from, r.position, r.to, r.position) : (r.position, r.from, r.position, r.to)
            let a = upright(x: x0, y: y0, width: width, height: height)
            let b = upright(x: x1, y: y1, width: width, height: height)
            return abs(a.y - b.y) <= abs(a.x - b.x)
                ? Ruling(axis: .horizontal, position: (a.y + b.y) / 2, from: min(a.x, b.x), to: max(a.x, b.x))
                : Ruling(axis: .vertical, position: (a.x + b.x) / 2, from: min(a.y, b.y), to: max(a.y, b.y))
        }
    }
}
