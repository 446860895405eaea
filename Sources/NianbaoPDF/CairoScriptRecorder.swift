import NianbaoCore
import CPoppler
import CCairoGlyphFilter

/// Owns one cairo script device (`cairo_device_t*`) that is reused for every page of a document.
/// Its surfaces drop text (`CCairoGlyphFilter`): the script then holds no fonts and no glyph runs,
/// only the paths, fills and clips the ruling reader interprets. While it draws, poppler is not given
/// embedded font programs (`FontProgramFilter.c`): text is not drawn at all, not even as outlines.
final class CairoScriptRecorder {
    private let sink = CairoByteSink()
    private let device: OpaquePointer?

    init() {
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let created = cairo_script_create_for_stream(CairoByteSink.write, closure)
        if let created, cairo_device_status(created) != CAIRO_STATUS_SUCCESS {
            cairo_device_destroy(created)
            device = nil
        } else {
            device = created
        }
    }

    deinit {
        if let device {
            cairo_device_finish(device)
            cairo_device_destroy(device)
        }
    }

    /// Draws one page through `draw` and returns the script text written for it.
    func record(width: Double, height: Double, draw: (OpaquePointer) -> Void) -> [UInt8] {
        guard let device, cairo_device_status(device) == CAIRO_STATUS_SUCCESS else { return [] }
        sink.bytes.removeAll(keepingCapacity: true)
        guard let surface = cairo_script_surface_create(device, CAIRO_CONTENT_COLOR_ALPHA, width, height) else { return [] }
        defer { cairo_surface_destroy(surface) }
        _ = nianbao_cairo_surface_drop_glyphs(UnsafeMutableRawPointer(surface))
        guard let cr = cairo_create(surface) else { return [] }
        nianbao_font_programs_skip_begin()
        draw(cr)
        nianbao_font_programs_skip_end()
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_device_flush(device)
        let out = sink.bytes
        sink.bytes.removeAll(keepingCapacity: true)
        return out
    }
}
