import NianbaoCore

/// Ink of a binarized page without its ruling lines, one byte per pixel: answers whether something
/// is printed in a table cell where OCR read nothing.
struct InkMap: Sendable {
    var width: Int
    var height: Int
    var ink: [UInt8]

    /// The share of ink pixels in the middle of a box (pixels), away from the cell borders.
    func inkFraction(x0: Int, y0: Int, x1: Int, y1: Int) -> Double {
        let ix = (x1 - x0) / 6, iy = (y1 - y0) / 5
        return share(x0: x0 + ix, y0: y0 + iy, x1: x1 - ix, y1: y1 - iy)
    }

    /// The share of ink pixels in a whole box (pixels, clipped to the image); 0 for an empty box.
    func share(x0: Int, y0: Int, x1: Int, y1: Int) -> Double {
        let a = max(0, x0), b = min(width, x1), c = max(0, y0), d = min(height, y1)
        guard b > a, d > c else { return 0 }
        var n = 0
        for y in c..<d {
            let row = y * width
            for x in a..<b { n += Int(ink[row + x]) }
        }
        return Double(n) / Double((b - a) * (d - c))
    }
}
