/// Plain text (`.txt`, `.md`, standard input): decoded (UTF-8, UTF-16, GB18030) and split into
/// rows of cells at runs of whitespace.
package struct TextReader: DocumentReader {
    package init() {}

    package func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
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
}
