import NianbaoCore
import CPoppler

/// One PDF page drawn by poppler into a PNG.
package struct RenderedPage: Sendable, Hashable {
    /// 1-based page number.
    package var number: Int
    /// Page size in points (the unit of `cells[].at.box`).
    package var width: Double
    package var height: Double
    /// The PNG's size in pixels.
    package var pixelWidth: Int
    package var pixelHeight: Int
    /// PNG bytes; empty when the page could not be loaded or drawn.
    package var png: [UInt8]
}

/// Draws the pages of a PDF to PNG images through poppler and a cairo image surface, for people to
/// look at (`extract inspect`). Nothing of poppler or cairo leaves this type: pages come back as bytes.
package enum PDFPageRenderer {
    /// Renders every page at `dpi` (72 = one pixel per point). Pages poppler cannot load come back
    /// with empty `png`. Pages are limited to `maxPixels` each (the scale is lowered for huge pages).
    package static func render(data: [UInt8], path: String, dpi: Double = 110, maxPixels: Int = 40_000_000) throws(ExtractError) -> [RenderedPage] {
        let document: PDFDocumentHandle
        do {
            document = try PDFDocumentHandle(bytes: data)
        } catch {
            switch error {
            case .encrypted(let message): throw ExtractError(.encrypted, path: path, "the PDF is encrypted (\(message))")
            case .damaged(let message): throw ExtractError(.damaged, path: path, "the PDF is damaged: \(message)")
            }
        }
        var pages: [RenderedPage] = []
        for index in 0..<document.pageCount {
            guard let page = document.page(at: index) else {
                pages.append(RenderedPage(number: index + 1, width: 0, height: 0, pixelWidth: 0, pixelHeight: 0, png: []))
                continue
            }
            pages.append(render(page, number: index + 1, dpi: dpi, maxPixels: maxPixels))
        }
        return pages
    }

    static func render(_ page: PDFPageHandle, number: Int, dpi: Double, maxPixels: Int) -> RenderedPage {
        let size = page.size
        var scale = max(dpi, 1) / 72
        let area = size.width * size.height * scale * scale
        if area > Double(maxPixels) { scale *= (Double(maxPixels) / area).squareRoot() }
        let w = Int((size.width * scale).rounded(.up)), h = Int((size.height * scale).rounded(.up))
        guard size.width > 0, size.height > 0, let surface = CairoImageSurface(width: w, height: h) else {
            return RenderedPage(number: number, width: size.width, height: size.height, pixelWidth: 0, pixelHeight: 0, png: [])
        }
        surface.draw { cr in
            cairo_scale(cr, scale, scale)
            poppler_page_render(page.page, cr)
        }
        let png = surface.png()
        return RenderedPage(
            number: number, width: size.width, height: size.height,
            pixelWidth: png.isEmpty ? 0 : w, pixelHeight: png.isEmpty ? 0 : h, png: png)
    }
}
