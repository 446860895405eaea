import Foundation
import Nianbao
import NianbaoCore
import NianbaoHTML
import NianbaoPDF

/// `nianbao-bench grid FILE…`: the grid the file's reader makes (the reader `extract` would pick),
/// one line per row: page or line, table index or `-`, `¶` where a paragraph starts, then the
/// cells as `column:text` (`∅` for a blank cell); then the reader's diagnostics.
enum GridDump {
    static func run(_ paths: [String]) -> Int32 {
        guard !paths.isEmpty else { return Usage.fail("usage: nianbao-bench grid FILE…") }
        var status: Int32 = 0
        for path in paths {
            guard let bytes = Usage.bytes(path) else { status = Usage.fail("\(path): cannot read", status: 1); continue }
            let reader = ReportExtractor().reader(for: InputKind.detect(path: path, bytes: bytes))
            do {
                let document = try reader.read(data: bytes, path: path)
                if paths.count > 1 { print("===== \(path) \(document.encoding ?? "")") }
                for row in document.grid.rows {
                    let cells = row.cells.map { cell in "\(cell.column.map { "\($0):" } ?? "")\(cell.text.isEmpty ? "∅" : cell.text)" }
                    print("\(row.at.lineOrPage.map { "\($0)" } ?? "?") t\(row.table.map(String.init) ?? "-")\(row.startsParagraph ? " ¶" : "  ") \(cells.joined(separator: " | "))")
                }
                for diagnostic in document.diagnostics { print("diagnostic: \(diagnostic.severity) \(diagnostic.code) \(diagnostic.message)") }
            } catch {
                status = Usage.fail("\(path): \(error)", status: 1)
            }
        }
        return status
    }
}
