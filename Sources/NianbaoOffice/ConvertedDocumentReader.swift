import NianbaoArchive
import NianbaoCore

/// Word 97–2003 (.doc), Kingsoft WPS (.wps), RTF and ODT: LibreOffice converts the file to DOCX
/// (``LibreOfficeConverter``), ``DOCXReader`` reads that; the media type stays the input's and
/// `source.converted_by` names the converter and its version.
package struct ConvertedDocumentReader: DocumentReader {
    /// `Word 97–2003 / WPS (.doc/.wps)`, for messages.
    var label: String
    var mediaType: String
    /// The name the input gets in the temporary folder (`doc`, `rtf`, `odt`).
    var fileExtension: String
    /// Seconds LibreOffice may run.
    var timeout: Double

    package init(label: String, mediaType: String, fileExtension: String, timeout: Double) {
        self.label = label
        self.mediaType = mediaType
        self.fileExtension = fileExtension
        self.timeout = timeout
    }

    package func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        if fileExtension == "doc" {
            func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
            if StreamSearch.contains(data, utf16("EncryptedPackage")) {
                throw ExtractError(.encrypted, path: path, "the Word file is encrypted (password-protected)")
            }
        }
        let result: LibreOfficeConverter.Converted
        do {
            result = try LibreOfficeConverter().convert(data, extension: fileExtension, timeout: timeout)
        } catch {
            switch error {
            case .missing:
                throw ExtractError(
                    .unsupported, path: path,
                    "\(label) files are converted with LibreOffice, which is not installed: \(LibreOfficeConverter.installHint)")
            case .timedOut:
                throw ExtractError(.timeout, path: path, "LibreOffice took longer than the time limit to convert the file")
            case .failed(let why):
                throw ExtractError(.damaged, path: path, "the \(label) file could not be converted: \(why)")
            }
        }
        var read = try DOCXReader().readWithProperties(data: result.docx, path: path)
        read.document.mediaType = mediaType
        read.document.convertedBy = LibreOfficeConverter.converterName(application: read.application)
        return read.document
    }
}
