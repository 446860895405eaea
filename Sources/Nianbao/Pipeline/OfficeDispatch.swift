/// The readers of the office formats, fixed-layout OFD, and the kinds nianbao names but does not
/// read (archives as a single report, spreadsheets, images): each gives a ``SourceDocument`` or a
/// typed error. Text, HTML and PDF are dispatched by ``ReportExtractor`` itself.
enum OfficeDispatch {
    static let supported = "text, HTML, PDF, Word (.docx, .doc), WPS (.wps), RTF, OpenDocument (.odt), OFD"

    static func read(_ kind: InputKind, bytes: [UInt8], path: String, timeout: Double) throws(ExtractError) -> SourceDocument {
        switch kind {
        case .docx:
            return try DOCXReader().read(data: bytes, path: path)
        case .word97, .rtf, .odt:
            return try converted(kind, bytes: bytes, path: path, timeout: timeout)
        case .ofd:
            return try OFDReader().read(data: bytes, path: path)
        case .archive:
            do {
                _ = try ArchiveReader.read(.memory(bytes), limits: ArchiveLimits(memberBytes: 1, totalBytes: 1 << 30)) { _ in false }
            } catch {
                throw ExtractError(.damaged, path: path, "the file is an archive (or an office file) that cannot be read: \(error.message)")
            }
            throw ExtractError(.unsupported, path: path,
                "the file is an archive, not one report: convert it as a batch (e.g. `extract \(path) --jsonl out.jsonl`) to get one record per report inside")
        case .spreadsheet, .presentation, .image:
            throw ExtractError(.unsupported, path: path,
                "the file is \(kind == .image ? "an" : "a") \(kind.label), not a format nianbao reads (\(supported))")
        case .text, .html, .pdf:
            throw ExtractError(.unsupported, path: path, "internal: \(kind.rawValue) is read by ReportExtractor")
        }
    }

    /// DOC/WPS/RTF/ODT: LibreOffice to DOCX, then the DOCX reader; the media type stays the input's.
    static func converted(_ kind: InputKind, bytes: [UInt8], path: String, timeout: Double) throws(ExtractError) -> SourceDocument {
        if kind == .word97 {
            func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
            if StreamSearch.contains(bytes, utf16("EncryptedPackage")) {
                throw ExtractError(.encrypted, path: path, "the Word file is encrypted (password-protected)")
            }
        }
        let ext: String
        switch kind {
        case .rtf: ext = "rtf"
        case .odt: ext = "odt"
        default: ext = "doc"
        }
        let result: LibreOfficeConverter.Converted
        do {
            result = try LibreOfficeConverter().convert(bytes, extension: ext, timeout: timeout)
        } catch {
            switch error {
            case .missing:
                throw ExtractError(.unsupported, path: path,
                    "\(kind.label) files are converted with LibreOffice, which is not installed: \(LibreOfficeConverter.installHint)")
            case .timedOut:
                throw ExtractError(.timeout, path: path, "LibreOffice took longer than the time limit to convert the file")
            case .failed(let why):
                throw ExtractError(.damaged, path: path, "the \(kind.label) file could not be converted: \(why)")
            }
        }
        var read = try DOCXReader().readWithProperties(data: result.docx, path: path)
        read.document.mediaType = kind.mediaType
        read.document.convertedBy = LibreOfficeConverter.converterName(application: read.application)
        return read.document
    }
}
