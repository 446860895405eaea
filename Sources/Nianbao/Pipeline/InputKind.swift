import NianbaoArchive

/// Which reader a file goes to: by its bytes first (magic numbers, the names inside a zip
/// container, page-image magic for OCR, HTML markup), then by its extension, so that a misnamed file is read as what it is.
package enum InputKind: String, Sendable, Hashable {
    case text, html, pdf
    /// Office Open XML word processing (`.docx`, and `.wps`/`.doc` files that are OOXML inside).
    case docx
    /// A Compound File Binary holding a `WordDocument` stream: Word 97–2003 `.doc`, Kingsoft `.wps`.
    case word97
    case rtf
    /// OpenDocument text (`.odt`).
    case odt
    /// GB/T 33190 Open Fixed-layout Document.
    case ofd
    /// `.zip`, `.rar`, `.7z`, `.tar`, `.tar.gz` …: a container of inputs, not a report.
    case archive
    /// Page images read by OCR (PNG, JPEG, TIFF).
    case png, jpeg, tiff
    /// Known types that are not reports nianbao reads (named in the `unsupported` error): other
    /// images (GIF, BMP, WebP) among them.
    case spreadsheet, presentation, image

    /// The media type of a page image; nil for the other kinds.
    package var imageMediaType: String? {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .tiff: "image/tiff"
        default: nil
        }
    }

    /// The kinds a report is published in: what a batch takes from a folder by its extension.
    /// Page images are left out (a folder of scans holds one image per page, and crawled folders
    /// hold icons and banners): they are counted as skipped, and read when named on the command line.
    package var isReportFormat: Bool {
        switch self {
        case .text, .html, .pdf, .docx, .word97, .rtf, .odt, .ofd: true
        case .archive, .png, .jpeg, .tiff, .spreadsheet, .presentation, .image: false
        }
    }

    /// The kinds LibreOffice converts to DOCX.
    package var needsConverter: Bool { self == .word97 || self == .rtf || self == .odt }

    /// A name for messages: `Word 97–2003 (.doc/.wps)`.
    package var label: String {
        switch self {
        case .text: return "text"
        case .html: return "HTML"
        case .pdf: return "PDF"
        case .docx: return "Word (.docx)"
        case .word97: return "Word 97–2003 / WPS (.doc/.wps)"
        case .rtf: return "RTF"
        case .odt: return "OpenDocument text (.odt)"
        case .ofd: return "OFD"
        case .archive: return "archive"
        case .spreadsheet: return "spreadsheet"
        case .presentation: return "presentation"
        case .png: return "PNG image"
        case .jpeg: return "JPEG image"
        case .tiff: return "TIFF image"
        case .image: return "image"
        }
    }

    package var mediaType: String {
        switch self {
        case .text: return "text/plain"
        case .html: return "text/html"
        case .pdf: return "application/pdf"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .word97: return "application/msword"
        case .rtf: return "application/rtf"
        case .odt: return "application/vnd.oasis.opendocument.text"
        case .ofd: return "application/ofd"
        case .archive: return "application/zip"
        case .spreadsheet: return "application/vnd.ms-excel"
        case .presentation: return "application/vnd.ms-powerpoint"
        case .png, .jpeg, .tiff: return imageMediaType!
        case .image: return "image/*"
        }
    }

    package static func detect(path: String, bytes: [UInt8]) -> InputKind {
        if let kind = byContent(bytes) { return kind }
        let lower = path.lowercased()
        let named = byExtension(lower)
        // A Word name without Word's magic bytes (a "web page" saved as .doc is HTML): markup decides.
        let wordName = named == .word97 || named == .docx || named == .rtf || named == .odt
        if let named, !wordName { return named }
        if looksLikeMarkup(bytes) { return .html }
        return named ?? .text
    }

    static func looksLikeMarkup(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(1024).filter { $0 < 0x80 }.map { Character(Unicode.Scalar($0)) }
        let start = String(head).lowercased()
        return start.contains("<!doctype html") || start.contains("<html") || start.contains("<body") || start.contains("<table")
    }

    /// The kind an extension names (lowercased path), for files whose bytes do not say.
    package static func byExtension(_ lower: String) -> InputKind? {
        let ext = asciiExtension(lower) ?? plainExtension(lower)
        if lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tar.bz2") || lower.hasSuffix(".tar.xz") { return .archive }
        switch ext {
        case "pdf": return .pdf
        case "html", "htm", "xhtml", "shtml": return .html
        case "txt", "md": return .text
        case "docx", "docm", "dotx": return .docx
        case "doc", "dot", "wps", "wpt": return .word97
        case "rtf": return .rtf
        case "odt", "fodt": return .odt
        case "ofd": return .ofd
        case "zip", "rar", "7z", "tar", "tgz", "gz", "bz2", "xz": return .archive
        case "xls", "xlsx", "et", "ods", "csv": return .spreadsheet
        case "ppt", "pptx", "dps", "odp": return .presentation
        case "png": return .png
        case "jpg", "jpeg": return .jpeg
        case "tif", "tiff": return .tiff
        case "gif", "bmp", "webp": return .image
        default: return nil
        }
    }

    /// The extension of the path's last name (after its last `.`; empty for none): the names are
    /// what splitting at `/` leaves, empty ones omitted.
    static func plainExtension(_ lower: String) -> String {
        lower.split(separator: "/").last.flatMap { name -> Substring? in
            guard let dot = name.lastIndex(of: ".") else { return nil }
            return name[name.index(after: dot)...]
        }.map(String.init) ?? ""
    }

    /// ``plainExtension(_:)`` told from the bytes of an ASCII path, without splitting it into
    /// substrings (nil when the path is not ASCII, or its bytes are not at hand). In ASCII every
    /// character is one byte but CR LF, and neither `/` nor `.` is part of that pair, so the bytes
    /// `/` and `.` are the characters `/` and `.`: the same last name, the same extension.
    static func asciiExtension(_ lower: String) -> String? {
        let ext = lower.utf8.withContiguousStorageIfAvailable { b -> String? in
            for byte in b where byte >= 0x80 { return nil }
            // Trailing slashes end empty names, which the split omits.
            var end = b.count
            while end > 0 && b[end - 1] == UInt8(ascii: "/") { end -= 1 }
            var dot = end
            while dot > 0 && b[dot - 1] != UInt8(ascii: "/") && b[dot - 1] != UInt8(ascii: ".") { dot -= 1 }
            guard dot > 0 && b[dot - 1] == UInt8(ascii: ".") else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: b[dot..<end]), as: UTF8.self)
        }
        return ext ?? nil
    }

    /// The kind the first bytes (and, for zip containers, the member names) prove.
    package static func byContent(_ bytes: [UInt8]) -> InputKind? {
        // Compared in place: no array made of the magic or of the file's first bytes.
        func starts<Magic: Collection<UInt8>>(_ magic: Magic, at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && bytes[offset..<(offset + magic.count)].elementsEqual(magic)
        }
        if starts("%PDF-".utf8) { return .pdf }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return zipContainer(bytes) }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return compoundFile(bytes) }
        if starts("{\\rtf".utf8) { return .rtf }
        if starts("Rar!\u{1A}\u{07}".utf8) || starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])
            || starts([0x1F, 0x8B]) || starts("BZh".utf8) || starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])
            || starts("ustar".utf8, at: 257)
        {
            return .archive
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts([0x89, 0x50, 0x4E, 0x47]) || starts("GIF8".utf8) || starts("BM".utf8) && bytes.count > 26 && bytes[14] == 40 {
            return .image
        }
        return nil
    }

    /// A zip file is a DOCX, an OFD, an ODT, another office file, or an archive of files, by the
    /// names it holds.
    package static func zipContainer(_ bytes: [UInt8]) -> InputKind {
        var mimetype: [UInt8]? = nil
        guard
            let members = try? ArchiveReader.read(
                .memory(bytes), limits: ArchiveLimits(memberBytes: 256, totalBytes: 1 << 20),
                want: { $0 == "mimetype" })
        else {
            // A damaged zip: the names in its local headers still tell a DOCX or an OFD.
            if StreamSearch.contains(bytes, Array("word/document.xml".utf8)) { return .docx }
            if StreamSearch.contains(bytes, Array("OFD.xml".utf8)) { return .ofd }
            return .archive
        }
        mimetype = members.first { $0.name == "mimetype" }?.data
        let names = Set(members.map(\.name))
        if names.contains("word/document.xml") { return .docx }
        if names.contains("OFD.xml") || names.contains("ofd.xml") { return .ofd }
        if let m = mimetype {
            let type = String(decoding: m, as: UTF8.self)
            if type.hasPrefix("application/vnd.oasis.opendocument.text") { return .odt }
            if type.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") { return .spreadsheet }
            if type.hasPrefix("application/vnd.oasis.opendocument.presentation") { return .presentation }
        }
        if names.contains("xl/workbook.xml") { return .spreadsheet }
        if names.contains("ppt/presentation.xml") { return .presentation }
        return .archive
    }

    /// A Compound File Binary names its streams in UTF-16 in its directory sectors.
    static func compoundFile(_ bytes: [UInt8]) -> InputKind {
        func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        if StreamSearch.contains(bytes, utf16("WordDocument")) { return .word97 }
        if StreamSearch.contains(bytes, utf16("Workbook")) || StreamSearch.contains(bytes, utf16("Book")) { return .spreadsheet }
        if StreamSearch.contains(bytes, utf16("PowerPoint Document")) { return .presentation }
        return .word97
    }
}
