import NianbaoCore
import CPoppler

/// Owns one `PopplerPage*`. Everything it returns is plain Swift.
final class PDFPageHandle {
    let page: OpaquePointer

    init(owning page: OpaquePointer) {
        self.page = page
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(page))
    }

    /// Page size in points.
    var size: (width: Double, height: Double) {
        var w = 0.0, h = 0.0
        poppler_page_get_size(page, &w, &h)
        return (w, h)
    }

    /// The page text (poppler's order) with one box per Unicode scalar, top-left origin, points.
    func textLayout() -> [(scalar: Unicode.Scalar, box: Box)] {
        var rects: UnsafeMutablePointer<PopplerRectangle>? = nil
        var count: guint = 0
        let ok = poppler_page_get_text_layout(page, &rects, &count)
        defer { g_free(rects) }
        guard ok != 0, let rects, count > 0 else { return [] }
        guard let text = takeGString(poppler_page_get_text(page)) else { return [] }
        var out: [(scalar: Unicode.Scalar, box: Box)] = []
        out.reserveCapacity(Int(count))
        var i = 0
        for scalar in text.unicodeScalars {
            guard i < Int(count) else { break }
            let r = rects[i]
            out.append((scalar, Box(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2))))
            i += 1
        }
        return out
    }

    /// Whether the page has annotations other than links. Rendering draws their appearance, and a
    /// page rendered before its text is read takes its text from that rendering (poppler-glib keeps
    /// the text page it builds while drawing), annotation text included; reading the text first
    /// leaves it out. Pages with such annotations are therefore read text first.
    var hasDrawnAnnotations: Bool {
        guard let list = poppler_page_get_annot_mapping(page) else { return false }
        defer { poppler_page_free_annot_mapping(list) }
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerAnnotMapping.self).pointee
                if let annot = mapping.annot, poppler_annot_get_annot_type(annot) != POPPLER_ANNOT_LINK { return true }
            }
            node = n.pointee.next
        }
        return false
    }

    /// Renders the page into a cairo script device; the script text lands in the recorder's sink.
    func render(into recorder: CairoScriptRecorder) -> [UInt8] {
        recorder.record(width: size.width, height: size.height) { cr in
            poppler_page_render(page, cr)
        }
    }
}

extension PDFPageHandle {
    /// Renders the page on white at `dpi` into 8-bit gray pixels (for OCR).
    func renderGray(dpi: Double) -> PageImage? {
        let (w, h) = size
        let scale = dpi / 72
        let pw = Int((w * scale).rounded(.up)), ph = Int((h * scale).rounded(.up))
        guard pw > 0, ph > 0, pw * ph <= PageImage.maxPixels else { return nil }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pw), Int32(ph)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render_for_printing(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let gray = [UInt8](unsafeUninitializedCapacity: pw * ph) { out, initialized in
            let bytes = UnsafeRawPointer(data)
            for y in 0..<ph {
                let row = (bytes + y * stride).assumingMemoryBound(to: UInt32.self)
                let base = y * pw
                for x in 0..<pw {
                    let p = row[x]
                    let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                    out[base + x] = UInt8((r &* 299 &+ g &* 587 &+ b &* 114) / 1000)
                }
            }
            initialized = pw * ph
        }
        return PageImage(width: pw, height: ph, gray: gray, dpi: dpi)
    }

    /// Whether the page has no image and draws nothing darker than light gray, judged on a coarse
    /// rendering (about 24 dpi: cheap even for thousands of pages).
    func isBlank() -> Bool {
        if let list = poppler_page_get_image_mapping(page) {
            poppler_page_free_image_mapping(list)
            return false
        }
        guard let image = renderGray(dpi: 24) else { return false }
        return image.gray.withUnsafeBufferPointer { px in !px.contains { $0 < 160 } }
    }
}

extension PDFPageHandle {
    /// The resolution (pixels per inch) of the largest image on the page, or nil when it has none:
    /// how much detail a scanned page has for OCR.
    func largestImageResolution() -> Double? {
        guard let list = poppler_page_get_image_mapping(page) else { return nil }
        defer { poppler_page_free_image_mapping(list) }
        var best: (area: Double, dpi: Double)? = nil
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                let w = abs(mapping.area.x2 - mapping.area.x1), h = abs(mapping.area.y2 - mapping.area.y1)
                if w > 1, h > 1, let surface = poppler_page_get_image(page, mapping.image_id) {
                    let pixels = Double(cairo_image_surface_get_width(surface))
                    cairo_surface_destroy(surface)
                    let dpi = pixels / (w / 72)
                    if best == nil || w * h > best!.area { best = (w * h, dpi) }
                }
            }
            node = n.pointee.next
        }
        return best?.dpi
    }
}
