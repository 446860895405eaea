import NianbaoArchive

/// The kinds nianbao recognises but does not read as one report: an archive (a batch opens it;
/// the library names it), a spreadsheet, a presentation, an image. Each is an `unsupported`
/// error naming what the file is, or `damaged` for a zip container that cannot be read.
struct RefusedKindReader: DocumentReader {
    var kind: InputKind

    static let supported = "text, HTML, PDF, Word (.docx, .doc), WPS (.wps), RTF, OpenDocument (.odt), OFD"

    func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        if kind == .archive {
            do {
                _ = try ArchiveReader.read(.memory(data), limits: ArchiveLimits(memberBytes: 1, totalBytes: 1 << 30)) { _ in false }
            } catch {
                throw ExtractError(.damaged, path: path, "the file is an archive (or an office file) that cannot be read: \(error.message)")
            }
            throw ExtractError(
                .unsupported, path: path,
                "the file is an archive, not one report: convert it as a batch (e.g. `extract \(path) --jsonl out.jsonl`) to get one record per report inside")
        }
        throw ExtractError(
            .unsupported, path: path,
            "the file is \(kind == .image ? "an" : "a") \(kind.label), not a format nianbao reads (\(Self.supported))")
    }
}
