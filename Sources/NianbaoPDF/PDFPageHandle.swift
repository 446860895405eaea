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

    /// Renders the page into a cairo script device; the script text lands in the recorder's sink.
    func render(into recorder: CairoScriptRecorder) -> [UInt8] {
        recorder.record(width: size.width, height: size.height) { cr in
            poppler_page_render(page, cr)
        }
    }
}
