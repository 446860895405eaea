import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Every input the fuzzers (Fuzz/, Scripts/fuzz) ever found to crash, hang or blow up is kept in
/// Fuzz/crashers/<target>/ and replayed here through the same path as its fuzz target: it must now
/// end in a report or a documented error, quickly.
@Suite struct BadInputFuzzRegressionTests {
    struct Crasher: CustomStringConvertible, Sendable {
        var target: String
        var file: String
        var description: String { "\(target)/\(file)" }
        /// The fuzz target's file name, so the input takes the same reader.
        var path: String {
            switch target {
            case "FuzzHTML": return "fuzz.html"
            case "FuzzPDF": return "fuzz.pdf"
            default: return "fuzz.txt"
            }
        }
    }

    static let crashers: [Crasher] = {
        let root = TestSupport.packageRoot.appendingPathComponent("Fuzz/crashers")
        var found: [Crasher] = []
        for target in ["FuzzText", "FuzzHTML", "FuzzPDF"] {
            let dir = root.appendingPathComponent(target)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for f in files.sorted() where !f.hasPrefix(".") { found.append(Crasher(target: target, file: f)) }
        }
        return found
    }()

    @Test(arguments: crashers)
    func replay(crasher: Crasher) throws {
        let url = TestSupport.packageRoot.appendingPathComponent("Fuzz/crashers/\(crasher.target)/\(crasher.file)")
        let bytes = try [UInt8](Data(contentsOf: url))
        let start = Date()
        do {
            let report = try ReportExtractor().extract(bytes: bytes, path: crasher.path)
            _ = ReportExtractor.json(report, pretty: false)
        } catch {
            #expect(error.exitStatus > 0)
        }
        #expect(Date().timeIntervalSince(start) < 20, "\(crasher) is slow")
    }
}
