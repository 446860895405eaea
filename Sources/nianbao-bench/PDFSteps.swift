import Foundation
import NianbaoPDF

/// `nianbao-bench ruled-tables FILE.pdf PAGE`, `nianbao-bench glyphs FILE.pdf PAGE` and `nianbao-bench pdf-steps FILE.pdf`
/// (see ``PDFInspection``).
enum PDFSteps {
    static func run(_ command: String, _ arguments: [String]) -> Int32 {
        let usage = command == "pdf-steps" ? "usage: nianbao-bench pdf-steps FILE.pdf" : "usage: nianbao-bench \(command) FILE.pdf PAGE"
        guard let path = arguments.first else { return Usage.fail(usage) }
        guard let bytes = Usage.bytes(path) else { return Usage.fail("\(path): cannot read", status: 1) }
        do {
            if command == "pdf-steps" {
                for line in try PDFInspection.stepCosts(bytes: bytes) { print(line) }
            } else {
                guard arguments.count == 2, let page = Int(arguments[1]), page >= 1 else { return Usage.fail(usage) }
                let lines = command == "glyphs" ? try PDFInspection.glyphs(bytes: bytes, page: page) : try PDFInspection.ruledTables(bytes: bytes, page: page)
                for line in lines { print(line) }
            }
            return 0
        } catch {
            return Usage.fail("\(path): \(error)", status: 1)
        }
    }
}
