/// Plain text (`.txt`, `.md`, standard input): decoded (UTF-8, UTF-16, GB18030) and split into
/// rows of cells at runs of whitespace.
package struct TextReader: DocumentReader {
    package init() {}

    package func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        if let document = try Self.readPlainUTF8(data, path: path) { return document }
        return try readDecoded(data: data, path: path)
    }

    /// Any text read from its decoded String: the reading ``readPlainUTF8(_:path:)`` shortcuts.
    func readDecoded(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        let decoded = try TextDecoder().decode(data, path: path)
        // HTML inside text (pandoc's markdown: tables with merged cells, Word's spans): tables as rows of
        // cells, other tags removed.
        var text = EmbeddedHTMLText.hasMarkup(decoded.text) ? EmbeddedHTMLText.plain(decoded.text) : decoded.text
        // Tables drawn with characters (pandoc's plain text: grid borders, dash rules): rows of cells.
        let aligned = AlignedTableText.hasTables(text)
        if aligned { text = AlignedTableText.plain(text) }
        // Markdown from converters: pipe tables read as cells, markup removed.
        let markdown = path.lowercased().hasSuffix(".md") || MarkdownText.isMarkdown(text)
        return SourceDocument(
            mediaType: "text/plain", encoding: decoded.encoding,
            // Both write a table row's cells joined by tabs, blank cells included.
            grid: TextGridBuilder(pipeRows: markdown || aligned).build(markdown ? MarkdownText.plain(text) : text))
    }

    /// The common case read on the bytes, without a String of the whole text: UTF-8 (with or
    /// without a byte order mark), no `<` (no markup: ``EmbeddedHTMLText/hasMarkup(_:)-(String)``),
    /// no `|` (no markdown: ``MarkdownText/isMarkdown(_:)``), no drawn table
    /// (``AlignedTableText/mayHaveTables(_:)``), not named `.md`. The bytes are validated and
    /// counted for ``TextDecoder/refuse(_:path:)``, and looked at for a `<` or `|`, in one pass
    /// (``TextDecoder/Tally/angleOrPipe``). Reads as ``read(data:path:)``
    /// reads them; nil leaves any other text to it.
    static func readPlainUTF8(_ data: [UInt8], path: String) throws(ExtractError) -> SourceDocument? {
        guard !data.isEmpty, !path.lowercased().hasSuffix(".md") else { return nil }
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
        let skip = bom ? 3 : 0
        let tally = data.withUnsafeBufferPointer { all in TextDecoder.tally(validating: UnsafeBufferPointer(rebasing: all[skip...])) }
        guard let tally else { return nil }
        try TextDecoder.refuse(tally, path: path)
        let grid = data.withUnsafeBufferPointer { all -> Grid? in
            let b = UnsafeBufferPointer(rebasing: all[skip...])
            if tally.angleOrPipe || AlignedTableText.mayHaveTables(b) { return nil }
            return TextGridBuilder(pipeRows: false).build(b)
        }
        guard let grid else { return nil }
        return SourceDocument(mediaType: "text/plain", encoding: bom ? "UTF-8 (BOM)" : "UTF-8", grid: grid)
    }
}
