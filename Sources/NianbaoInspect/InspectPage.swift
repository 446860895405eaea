import Foundation
import Nianbao
import NianbaoPDF

/// `extract inspect`: one self-contained HTML page that shows where every number of a report came
/// from. PDF pages are drawn by poppler with each cell's box over them; text and HTML (and any
/// reader that produces the same grid) show their lines and table cells with the values marked.
/// Hovering or selecting a value shows its key, official label, value, printed text, kind and the
/// diagnostics of its row; selecting a check highlights the cells it reads.
///
/// The page needs nothing outside itself (inline CSS and script, images as `data:` URIs), so it
/// opens offline in any browser. `#check=I4.review` or `#cell=<key>` in the URL selects on load.
package struct InspectPage: Sendable {
    package var options: ExtractOptions
    /// Resolution of the page images of a PDF.
    package var dpi: Double

    package init(options: ExtractOptions = ExtractOptions(), dpi: Double = 110) {
        self.options = options
        self.dpi = dpi
    }

    /// Reads and converts `path` and returns the page (UTF-8).
    package func html(file path: String) throws(ExtractError) -> [UInt8] {
        let bytes = try ReportExtractor.readBytes(path, limit: options.maxInputSize)
        return try html(bytes: bytes, path: path)
    }

    package func html(bytes: [UInt8], path: String) throws(ExtractError) -> [UInt8] {
        if bytes.isEmpty { throw ExtractError(.empty, path: path, "the file is empty") }
        let kind = InputKind.detect(path: path, bytes: bytes)
        let document = try ReportExtractor.reader(for: kind).read(data: bytes, path: path)
        let report = try ReportInterpreter(options: options).interpret(document, path: path, sha256: ContentHash.sha256Hex(bytes))
        let body: InspectHTML.Body
        if kind == .pdf {
            body = .pages(try PDFPageRenderer.render(data: bytes, path: path, dpi: dpi))
        } else {
            body = .grid(document.grid)
        }
        return Array(InspectHTML(report: report, body: body).render().utf8)
    }
}
