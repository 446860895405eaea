import NianbaoCore
import CPoppler

/// Why poppler refused to open a document.
enum PDFOpenFailure: Error {
    case encrypted(String)
    case damaged(String)
}

/// Owns one `PopplerDocument*` (and the `GBytes` it reads from). Not shared between threads.
final class PDFDocumentHandle {
    private let document: OpaquePointer

    /// Loads a document from bytes. The bytes are copied into a `GBytes` that poppler keeps alive.
    init(bytes: [UInt8]) throws(PDFOpenFailure) {
        guard !bytes.isEmpty else { throw .damaged("empty file") }
        let gbytes: OpaquePointer? = bytes.withUnsafeBytes { raw in
            g_bytes_new(raw.baseAddress, gsize(raw.count))
        }
        guard let gbytes else { throw .damaged("could not allocate buffer") }
        defer { g_bytes_unref(gbytes) }
        var error: UnsafeMutablePointer<GError>? = nil
        let doc = poppler_document_new_from_bytes(gbytes, nil, &error)
        let failure = GLibError.take(error)
        guard let doc else {
            if let failure, failure.isPoppler(POPPLER_ERROR_ENCRYPTED) {
                throw .encrypted(failure.message)
            }
            let message = failure?.message ?? "poppler could not open the document"
            if message.localizedLowercase.contains("password") { throw .encrypted(message) }
            throw .damaged(message)
        }
        self.document = doc
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
    }

    var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    /// The page at a 0-based index, or nil when poppler cannot load it.
    func page(at index: Int) -> PDFPageHandle? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        return PDFPageHandle(owning: page)
    }
}
