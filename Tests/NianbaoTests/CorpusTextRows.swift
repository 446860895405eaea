import Foundation

@testable import NianbaoCore

/// The rows the text reader reads from the committed text reports (`Corpus/text`): the material
/// the shortcut tests (``ReaderShortcutTests``, ``ReadingShortcutTests``, ``ByteMaskTests``) check every row and cell
/// of against the plain readings.
enum CorpusTextRows {
    /// Every row of every committed text report, report by report in name order.
    static func rows() throws -> [GridRow] {
        let dir = TestSupport.packageRoot.appendingPathComponent("Corpus/text")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        var rows: [GridRow] = []
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            rows += try TextReader().read(data: bytes, path: name).grid.rows
        }
        return rows
    }
}
