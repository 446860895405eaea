import Foundation
@_exported import NianbaoCore
import NianbaoArchive
import NianbaoHTML
import NianbaoOFD
import NianbaoOffice
import NianbaoPDF

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
        let document = try Self.reader(for: InputKind.detect(path: path, bytes: bytes), options: options).read(data: bytes, path: path)
        return try ReportInterpreter(options: options)
            .interpret(document, path: path, sha256: sha256 ?? ContentHash.sha256Hex(bytes))
    }

    /// The reader of each input kind.
    static func reader(for kind: InputKind, options: ExtractOptions = ExtractOptions()) -> any DocumentReader {
        switch kind {
        case .pdf: PDFReader()
        case .html: HTMLReader()
        case .text: TextReader()
        case .docx: DOCXReader()
        case .word97, .rtf, .odt:
            ConvertedDocumentReader(label: kind.label, mediaType: kind.mediaType,
                                    fileExtension: kind == .rtf ? "rtf" : (kind == .odt ? "odt" : "doc"), timeout: options.converterTimeout)
        case .ofd: OFDReader()
        case .archive, .spreadsheet, .presentation, .image: RefusedKindReader(kind: kind)
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
