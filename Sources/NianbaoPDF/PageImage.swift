import NianbaoCore

/// A page as 8-bit gray pixels (0 black, 255 white), row by row, and the resolution it was made at.
/// Pixel (x, y) is at (x·72/dpi, y·72/dpi) points from the top-left corner.
package struct PageImage: Sendable {
    /// Refuse to allocate more than this (a page of absurd size, a hostile image header).
    package static let maxPixels = 80_000_000

    package var width: Int
    package var height: Int
    package var gray: [UInt8]
    package var dpi: Double

    package init(width: Int, height: Int, gray: [UInt8], dpi: Double) {
        self.width = width
        self.height = height
        self.gray = gray
        self.dpi = dpi
    }

    /// Page size in points.
    package var points: (width: Double, height: Double) { (Double(width) * 72 / dpi, Double(height) * 72 / dpi) }
}
