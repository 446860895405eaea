import NianbaoCore

/// Reads ruling lines out of the cairo script text of a rendered page.
///
/// Only what tables are drawn with is kept: straight axis-aligned segments of stroked paths, and
/// thin filled rectangles (Word and WPS often draw borders as 0.5 pt rectangles) or thin filled
/// polygons (Chromium and Skia draw each side of a cell border as a mitred trapezoid). Glyph outlines
/// (curves), clip paths and white fills are ignored. Coordinates are mapped through the current
/// `set-matrix` so they end up in page space.
package struct RulingParser {
    /// Thin filled rectangles up to this thickness count as lines.
    var maxThickness = 2.5
    /// Shorter segments are ignored (glyph strokes, bullets).
    var minLength = 4.0

    private struct Point { var x: Double; var y: Double }
    /// Up to six operands, kept inline (no array per operator).
    private struct Operands {
        private var values: (Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0)
        var count = 0
        subscript(_ k: Int) -> Double {
            get {
                switch k {
                case 0: return values.0
                case 1: return values.1
                case 2: return values.2
                case 3: return values.3
                case 4: return values.4
                default: return values.5
                }
            }
            set {
                switch k {
                case 0: values.0 = newValue
                case 1: values.1 = newValue
                case 2: values.2 = newValue
                case 3: values.3 = newValue
                case 4: values.4 = newValue
                default: values.5 = newValue
                }
            }
        }
    }
    private struct SubPath { var points: [Point] = []; var curved = false; var closed = false }

    /// Interprets the tokens of a page's cairo script: the path and colour operators that draw
    /// lines; everything else only clears the operand stack.
    func parse(_ script: [UInt8]) -> [Ruling] {
        var out: [Ruling] = []
        var numbers: [Double] = []
        var array: [Double] = []
        var inArray = false
        var lastArray: [Double] = []
        var matrix: [Double] = [1, 0, 0, 1, 0, 0]
        var path: [SubPath] = []
        var gray = 0.0  // luminance of the last colour made
        var sourceGray = 0.0  // luminance of the current source

        func apply(_ x: Double, _ y: Double) -> Point {
            Point(x: matrix[0] * x + matrix[2] * y + matrix[4], y: matrix[1] * x + matrix[3] * y + matrix[5])
        }
        /// The last `n` operands (removed from the stack), or nil when there are fewer (the stack is cleared).
        func pop(_ n: Int) -> Operands? {
            guard numbers.count >= n else { numbers.removeAll(); return nil }
            let b = numbers.count - n
            var v = Operands()
            v.count = n
            for k in 0..<n { v[k] = numbers[b + k] }
            numbers.removeLast(n)
            return v
        }

        var tokens = CairoScriptTokenizer(script)
        while let token = tokens.next() {
            switch token {
            case .number(let v):
                if inArray { array.append(v) } else { numbers.append(v) }
            case .arrayOpen:
                inArray = true; array.removeAll()
            case .arrayClose:
                inArray = false; lastArray = array
            case .dictionaryOpen:
                numbers.removeAll()
            case .word(let token):
                switch String(decoding: token, as: UTF8.self) {
                case "n":
                    path.removeAll(keepingCapacity: true)
                case "m":
                    if let v = pop(2) { path.append(SubPath(points: [apply(v[0], v[1])])) }
                case "l":
                    if let v = pop(2) {
                        if path.isEmpty { path.append(SubPath()) }
                        path[path.count - 1].points.append(apply(v[0], v[1]))
                    }
                case "c":
                    if let v = pop(6) {
                        if path.isEmpty { path.append(SubPath()) }
                        path[path.count - 1].curved = true
                        path[path.count - 1].points.append(apply(v[4], v[5]))
                    }
                case "h":
                    if !path.isEmpty {
                        path[path.count - 1].closed = true
                        if let first = path[path.count - 1].points.first {
                            path.append(SubPath(points: [first]))
                        }
                    }
                case "rectangle":
                    if let v = pop(4) {
                        let (x, y, w, h) = (v[0], v[1], v[2], v[3])
                        path.append(SubPath(points: [apply(x, y), apply(x + w, y), apply(x + w, y + h), apply(x, y + h)], curved: false, closed: true))
                    }
                case "g":
                    if let v = pop(1) { gray = v[0] }
                case "rgb":
                    if let v = pop(3) { gray = 0.3 * v[0] + 0.59 * v[1] + 0.11 * v[2] }
                case "rgba":
                    if let v = pop(4) { gray = v[3] < 0.2 ? 1 : 0.3 * v[0] + 0.59 * v[1] + 0.11 * v[2] }
                case "set-source":
                    sourceGray = gray
                case "set-matrix":
                    matrix = lastArray.count == 6 ? lastArray : [1, 0, 0, 1, 0, 0]
                case "identity":
                    lastArray = [1, 0, 0, 1, 0, 0]
                case "stroke", "stroke+":
                    if sourceGray < 0.97 { strokeSegments(path, into: &out) }
                    if token.last != 0x2B { path.removeAll(keepingCapacity: true) }
                case "fill", "fill+":
                    if sourceGray < 0.97 { fillRectangles(path, into: &out) }
                    if token.last != 0x2B { path.removeAll(keepingCapacity: true) }
                case "clip", "clip+", "reset-clip":
                    if token.last != 0x2B { path.removeAll(keepingCapacity: true) }
                default:
                    numbers.removeAll(keepingCapacity: true)
                }
            }
        }
        return out
    }

    /// Drops segments whose middle lies inside a glyph box: outlines of glyphs drawn as paths
    /// (fake bold strokes them), not table borders.
    package static func removeGlyphStrokes(_ rulings: [Ruling], glyphs: [Glyph]) -> [Ruling] {
        guard !glyphs.isEmpty, !rulings.isEmpty else { return rulings }
        let boxes = glyphs.map { g -> Box in
            let mx = g.width * 0.12, my = g.height * 0.12
            return Box(x0: g.box.x0 + mx, y0: g.box.y0 + my, x1: g.box.x1 - mx, y1: g.box.y1 - my)
        }.sorted { $0.y0 < $1.y0 }
        let maxHeight = glyphs.map(\.height).max() ?? 0
        return rulings.filter { r in
            let (mx, my): (Double, Double) = r.axis == .horizontal ? ((r.from + r.to) / 2, r.position) : (r.position, (r.from + r.to) / 2)
            // boxes with y0 in [my - maxHeight, my]
            var lo = 0, hi = boxes.count
            while lo < hi { let m = (lo + hi) / 2; if boxes[m].y0 < my - maxHeight { lo = m + 1 } else { hi = m } }
            var k = lo
            while k < boxes.count && boxes[k].y0 <= my {
                let b = boxes[k]
                if mx > b.x0 && mx < b.x1 && my > b.y0 && my < b.y1 && r.length < 2 * (b.x1 - b.x0 + b.y1 - b.y0) { return false }
                k += 1
            }
            return true
        }
    }

    private func strokeSegments(_ path: [SubPath], into out: inout [Ruling]) {
        for sub in path where !sub.curved {  // curved subpaths are glyph outlines or ornaments
            var pts = sub.points
            if sub.closed, let first = pts.first { pts.append(first) }
            guard pts.count >= 2 else { continue }
            for k in 1..<pts.count {
                let a = pts[k - 1], b = pts[k]
                appendSegment(a, b, into: &out)
            }
        }
    }

    private func appendSegment(_ a: Point, _ b: Point, into out: inout [Ruling]) {
        let dx = abs(a.x - b.x), dy = abs(a.y - b.y)
        if dy < 0.6 && dx >= minLength {
            out.append(Ruling(axis: .horizontal, position: (a.y + b.y) / 2, from: min(a.x, b.x), to: max(a.x, b.x)))
        } else if dx < 0.6 && dy >= minLength {
            out.append(Ruling(axis: .vertical, position: (a.x + b.x) / 2, from: min(a.y, b.y), to: max(a.y, b.y)))
        }
    }

    private func fillRectangles(_ path: [SubPath], into out: inout [Ruling]) {
        for sub in path where !sub.curved {
            var pts = sub.points
            if let f = pts.first, let l = pts.last, pts.count == 5, abs(f.x - l.x) < 0.01, abs(f.y - l.y) < 0.01 { pts.removeLast() }
            // A rectangle, or a thin polygon: browsers draw each side of a cell's border as a
            // trapezoid (the corners are mitred), which is a line as much as a rectangle is.
            guard pts.count >= 3 && pts.count <= 8 else { continue }
            let x0 = pts.map(\.x).min()!, x1 = pts.map(\.x).max()!
            let y0 = pts.map(\.y).min()!, y1 = pts.map(\.y).max()!
            let w = x1 - x0, h = y1 - y0
            if h <= maxThickness && w >= minLength && w > 2 * h {
                out.append(Ruling(axis: .horizontal, position: (y0 + y1) / 2, from: x0, to: x1))
            } else if w <= maxThickness && h >= minLength && h > 2 * w {
                out.append(Ruling(axis: .vertical, position: (x0 + x1) / 2, from: y0, to: y1))
            }
        }
    }
}
