/// Plain text (`.txt`, `.md`, standard input): decoded (UTF-8, UTF-16, GB18030) and split into
/// rows of cells at runs of whitespace.
package struct TextReader: DocumentReader {
    package init() {}

    package func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        let decoded = try TextDecoder().decode(data, path: path)
        // Markdown from converters: pipe tables read as cells, markup removed.
        let markdown = path.lowercased().hasSuffix(".md") || MarkdownText.isMarkdown(decoded.text)
        return SourceDocument(
            mediaType: "text/plain", encoding: decoded.encoding,
            grid: TextGridBuilder().build(markdown ? MarkdownText.plain(decoded.text) : decoded.text))
    }
}
