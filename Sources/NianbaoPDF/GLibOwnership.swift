import NianbaoCore
import CPoppler

/// A `GError` copied into Swift values. The C struct is freed by ``take(_:)``.
struct GLibError: Sendable, Hashable {
    var domain: UInt32
    var code: Int32
    var message: String

    /// Copies and frees a `GError*` (nil stays nil).
    static func take(_ error: UnsafeMutablePointer<GError>?) -> GLibError? {
        guard let error else { return nil }
        defer { g_error_free(error) }
        let message = error.pointee.message.map { String(cString: $0) } ?? ""
        return GLibError(domain: error.pointee.domain, code: error.pointee.code, message: message)
    }

    /// True when the error comes from poppler with the given code.
    func isPoppler(_ code: PopplerError) -> Bool {
        domain == poppler_error_quark() && UInt32(bitPattern: self.code) == code.rawValue
    }
}

/// Copies and frees a `gchar*` returned with ownership (`transfer full`).
func takeGString(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
    guard let pointer else { return nil }
    defer { g_free(pointer) }
    return String(cString: pointer)
}
