import CPoppler

/// Collects the bytes a cairo stream writes (a PNG, a script). Its address goes to cairo as the
/// stream's closure with ``write`` as the write function; the owner keeps it alive while cairo
/// may write.
final class CairoByteSink {
    var bytes: [UInt8] = []

    /// cairo's `cairo_write_func_t`: appends to the sink passed as the closure.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_SUCCESS }
        let sink = Unmanaged<CairoByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
