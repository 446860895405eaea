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
        let across = (horizontal?.components() ?? []).filter { $0.h <= thick && $0.w >= long }
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
