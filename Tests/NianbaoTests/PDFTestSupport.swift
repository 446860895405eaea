import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Files for the PDF tests: the package's own corpus and the shared real reports beside the checkout.
/// (Grids, ruled tables and step costs of a PDF are printed by `nianbao-bench`, not by tests.)
enum PDFFixtures {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var hongze: URL { packageRoot.appendingPathComponent("../shared/corpus/hongze-2023.pdf").standardizedFileURL }

    static func corpus(_ name: String) -> URL { packageRoot.appendingPathComponent("Corpus/pdf/\(name)") }

    static func bytes(_ url: URL) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return [UInt8](data)
    }

    static func read(_ url: URL) throws -> SourceDocument? {
        guard let bytes = bytes(url) else { return nil }
        return try PDFReader().read(data: bytes, path: url.lastPathComponent)
    }

    /// The value cells at the end of the first row whose text starts with `label`.
    static func trailingValues(_ doc: SourceDocument, label: String) -> [GridCell]? {
        guard let row = doc.grid.rows.first(where: { TextNormalizer.matchKey($0.text).hasPrefix(TextNormalizer.matchKey(label)) }) else { return nil }
        return Array(row.cells.reversed().prefix { ValueText.isValueLike($0.text) }.reversed())
    }
}
