import Foundation
@_exported import NianbaoCore
import NianbaoArchive
import NianbaoHTML
import NianbaoOFD
import NianbaoOffice
import NianbaoPDF
import NianbaoOCR

/// The entry point of the library: a file (text, HTML or PDF) in, a validated ``Report`` out.
///
/// The extractor picks a ``DocumentReader`` by the file's content (``InputKind``), then hands the
/// rows the reader produced to the format-independent stages of ``ReportInterpreter``: outline,
/// tables, classification and the identity checks I1–I4.
///
/// ```swift
/// import Nianbao
///
/// let report = try ReportExtractor().extract(file: "report.pdf")
/// print(report.agency ?? "?", report.year ?? 0, report.checks.filter { $0.status == .fail }.count)
/// ```
public struct ReportExtractor: Sendable {
    /// How tables are read (e.g. blanks as zeros for a publisher known to print them so).
    public var options: ExtractOptions

    public init(options: ExtractOptions = ExtractOptions()) {
        self.options = options
    }

    /// Reads and converts a file; `-` reads standard input.
    ///
    /// - Throws: ``ExtractError`` naming the file and the problem (its ``ExtractError/code`` maps to
    ///   the command's exit status).
    public func extract(file path: String) throws(ExtractError) -> Report {
        let bytes = try Self.readBytes(path, limit: options.maxInputSize)
        return try extract(bytes: bytes, path: path)
    }

    /// The bytes of a file (`-`: standard input), at most `limit` (``InputReader``); an archive
    /// member `ARCHIVE!/MEMBER` is read from its archive in memory (``ArchiveMemberPath``).
    package static func readBytes(_ path: String, limit: Int = ExtractOptions.defaultMaxInputSize) throws(ExtractError) -> [UInt8] {
        if path != "-", let member = ArchiveMemberPath.split(path) {
            var limits = ArchiveLimits.standard
            limits.memberBytes = min(limits.memberBytes, limit)
            return try ArchiveMemberPath.read(archive: member.archive, members: member.members, limits: limits, path: path)
        }
        return try InputReader.read(path, limit: limit)
    }

    /// Converts the bytes of a file; `path` names it in errors and in `source.path`.
    ///
    /// - Parameter sha256: the bytes' hash when the caller has it already (a batch), else computed here.
    public func extract(bytes: [UInt8], path: String, sha256: String? = nil) throws(ExtractError) -> Report {
        // Zero bytes are `empty` whatever the file is called (not a damaged PDF).
        if bytes.isEmpty { throw ExtractError(.empty, path: path, "the file is empty") }
        let document = try reader(for: InputKind.detect(path: path, bytes: bytes)).read(data: bytes, path: path)
        return try ReportInterpreter(options: options)
            .interpret(document, path: path, sha256: sha256 ?? ContentHash.sha256Hex(bytes))
    }

    /// Called before each page is read by OCR (1-based page, page count): OCR takes seconds a page.
    public var ocrProgress: (@Sendable (Int, Int) -> Void)? = nil

    /// The reader of each input kind.
    /// The reader of each input kind with the default options.
    package static func reader(for kind: InputKind) -> any DocumentReader {
        ReportExtractor().reader(for: kind)
    }

    /// The reader of each input kind, with these options (OCR).
    package func reader(for kind: InputKind) -> any DocumentReader {
        switch kind {
        case .pdf:
            let recognizer = options.ocr == .never ? nil : TesseractRecognizer.available()
            let hint =
                options.ocr == .never
                ? " (run with --ocr auto to read such pages by OCR)"
                : (recognizer == nil ? "; to read it by OCR, \(TesseractRecognizer.howToEnable)" : "")
            return PDFReader(recognizer: recognizer, recognizeEveryPage: options.ocr == .always, textlessHint: hint, progress: ocrProgress)
        case .html: return HTMLReader()
        case .text: return TextReader()
        case .docx: return DOCXReader()
        case .word97, .rtf, .odt:
            return ConvertedDocumentReader(
                label: kind.label, mediaType: kind.mediaType,
                fileExtension: kind == .rtf ? "rtf" : (kind == .odt ? "odt" : "doc"), timeout: options.converterTimeout)
        case .ofd: return OFDReader()
        case .archive, .spreadsheet, .presentation, .image: return RefusedKindReader(kind: kind)
        case .png, .jpeg, .tiff:
            if options.ocr == .never {
                return ImageReader(
                    recognizer: nil, mediaType: kind.imageMediaType ?? "image",
                    unavailable: "OCR is off (run with --ocr auto to read it)")
            }
            return ImageReader(recognizer: TesseractRecognizer.available(), mediaType: kind.imageMediaType ?? "image")
        }
    }

    /// Stops the external converters (LibreOffice) running in this process and removes their
    /// temporary files: for a watchdog about to end the process.
    public static func stopConverters() {
        LibreOfficeConverter.stopAll()
    }

    /// The report as JSON bytes: keys sorted, same report → same bytes.
    public static func json(_ report: Report, pretty: Bool = true) -> [UInt8] {
        report.jsonBytes(pretty: pretty)
    }
}
