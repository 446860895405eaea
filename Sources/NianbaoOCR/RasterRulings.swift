import NianbaoCore
import NianbaoPDF

/// Ruling lines of a binarized page image, found by morphology: an opening with a long thin
/// horizontal (vertical) brick keeps only ink that runs that far in a straight line, which text
/// does not. Short gaps (noise, JPEG) are closed first.
enum RasterRulings {
    struct Found {
        var rulings: [Ruling]
        /// The line pixels, to take out of the image before recognition.
        var mask: LeptonicaImage?
    }

    /// `gaps`: the longest break in a line to bridge, in inches (a photocopy's faint lines break
    /// more often and longer than a clean scan's).
    static func find(in binary: LeptonicaImage, dpi: Double, gaps: Double = 0.01) -> Found {
        // A table cell is at least ~6 mm wide; characters of body text are ~4 mm.
        let long = max(20, Int(dpi * 0.3))
        // Vertical lines of a one-row table are a row high (~15 pt); body text strokes are shorter.
        let tall = max(15, Int(dpi * 0.17))
        let bridge = max(3, Int(dpi * gaps))
        let scale = 72 / dpi
        var rulings: [Ruling] = []
        let horizontal = binary.closed(bridge, 1)?.opened(long, 1)
        let vertical = binary.closed(1, bridge)?.opened(1, tall)
        let thick = max(2, Int(dpi / 25))  // over ~1 mm thick is a filled area, not a line
        var across = (horizontal?.components() ?? []).filter { $0.h <= thick && $0.w >= long }
        // Bridged, the horizontal strokes of a line of characters run as far as a cell line: on a
        // photocopy's borderless page 139 such runs were taken out of the image as lines and the
        // characters they crossed read as garbage (`行政忒荡性文件`, a heading read as Latin
        // letters). A ruling has paper just above and below it (measured: at most 4% ink in a band
        // 0.2–0.7 mm away, column lines aside, where the strokes of characters give 12–70%).
        // Inside a table's frame (column lines taller than any character either side) a row line
        // often has the characters of a tight row right against it (p01's photocopy lost rows):
        // kept there, as before.
        if gaps > 0.01, !across.isEmpty {
            // The column lines crossing a ruling are not text beside it.
            let ink = (vertical.flatMap { binary.subtracting($0) } ?? binary).bits()
            let near = max(1, Int(dpi / 150)), far = max(3, Int(dpi / 37))
            let frame = (vertical?.components() ?? []).filter { $0.w <= thick && $0.h >= Int(dpi * 0.5) }
            let reach = max(6, Int(dpi / 25))
            across.removeAll { c in
                let y = c.y + c.h / 2
                let framing = frame.filter { $0.y <= y && $0.y + $0.h >= y }
                if framing.contains(where: { $0.x <= c.x + reach }) && framing.contains(where: { $0.x + $0.w >= c.x + c.w - reach }) {
                    return false
                }
                let above = ink.share(x0: c.x, y0: c.y - far, x1: c.x + c.w, y1: c.y - near)
                let below = ink.share(x0: c.x, y0: c.y + c.h + near, x1: c.x + c.w, y1: c.y + c.h + far)
                return max(above, below) > 0.1
            }
        }
        for c in across {
            let y = (Double(c.y) + Double(c.h) / 2) * scale
            rulings.append(Ruling(axis: .horizontal, position: y, from: Double(c.x) * scale, to: Double(c.x + c.w) * scale))
        }
        // A vertical stroke of a large character (a title's 开, 报, 年) is as tall as a one-row
        // table's column line: a vertical line counts only when an end meets a horizontal line, or
        // when it is taller than any character (half an inch). Taking the strokes of characters
        // out of the image before recognition turned 公开 into 公天.
        let slack = max(6, Int(dpi / 25))
        let characterHeight = Int(dpi * 0.5)
        let down = (vertical?.components() ?? []).filter { c in
            guard c.w <= thick && c.h >= tall else { return false }
            if c.h >= characterHeight { return true }
            let x = c.x + c.w / 2
            return across.contains { h in
                x >= h.x - slack && x <= h.x + h.w + slack
                    && (abs(h.y + h.h / 2 - c.y) <= slack || abs(h.y + h.h / 2 - (c.y + c.h)) <= slack)
            }
        }
        for c in down {
            let x = (Double(c.x) + Double(c.w) / 2) * scale
            rulings.append(Ruling(axis: .vertical, position: x, from: Double(c.y) * scale, to: Double(c.y + c.h) * scale))
        }
        var mask: LeptonicaImage? = nil
        // Only the lines found are taken out of the image (not every long stroke the openings kept).
        if let horizontal, let vertical, let lines = horizontal.keeping(across), let columns = vertical.keeping(down),
            let both = lines.union(columns)
        {
            // Widen a little so the lines' ragged edges go too.
            mask = both.dilated(3)
        }
        return Found(rulings: rulings, mask: mask)
    }
}
