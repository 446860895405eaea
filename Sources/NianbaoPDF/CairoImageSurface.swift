import NianbaoCore
import CPoppler

/// Owns one cairo image surface (`cairo_surface_t*`, RGB24). Drawing gets a `cairo_t*` that lives
/// for the call only; the PNG comes out as Swift bytes.
final class CairoImageSurface {
    private let surface: OpaquePointer

    /// A white surface of `width` × `height` pixels; nil when cairo cannot allocate it.
    init?(width: Int, height: Int) {
        guard width > 0, height > 0, let created = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            return nil
        }
        guard cairo_surface_status(created) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(created)
            return nil
        }
        surface = created
        draw { cr in
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
        }
    }

    deinit {
        cairo_surface_destroy(surface)
    }

    /// Runs `body` with a drawing context on the surface (destroyed before returning).
    func draw(_ body: (OpaquePointer) -> Void) {
        guard let cr = cairo_create(surface) else { return }
        defer { cairo_destroy(cr) }
        body(cr)
        cairo_surface_flush(surface)
    }

    /// The surface as PNG bytes (empty when cairo fails to encode it).
    func png() -> [UInt8] {
        let sink = CairoByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, CairoByteSink.write, closure)
        }
        return status == CAIRO_STATUS_SUCCESS ? sink.bytes : []
    }
}
