import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

@Suite struct TextDecoderTests {
    let sample = "一、总体情况\n2023年，本机关收到申请21件。\n"

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try TextDecoder().decode(Array(sample.utf8), path: "a.txt")
        #expect(plain.text == sample)
        #expect(plain.encoding == "UTF-8")
        let bom = try TextDecoder().decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8), path: "a.txt")
        #expect(bom.text == sample)
        #expect(bom.encoding == "UTF-8 (BOM)")
    }

    @Test func utf16WithBOM() throws {
        var le: [UInt8] = [0xFF, 0xFE]
        var be: [UInt8] = [0xFE, 0xFF]
        for u in sample.utf16 {
            le += [UInt8(u & 0xFF), UInt8(u >> 8)]
            be += [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        #expect(try TextDecoder().decode(le, path: "a.txt").text == sample)
        #expect(try TextDecoder().decode(le, path: "a.txt").encoding == "UTF-16LE")
        #expect(try TextDecoder().decode(be, path: "a.txt").text == sample)
    }

    @Test func gb18030IsDetected() throws {
        // "一、总体情况" in GBK/GB18030.
        let gbk: [UInt8] = [0xD2, 0xBB, 0xA1, 0xA2, 0xD7, 0xDC, 0xCC, 0xE5, 0xC7, 0xE9, 0xBF, 0xF6, 0x0A]
        let decoded = try TextDecoder().decode(gbk, path: "a.txt")
        #expect(decoded.text == "一、总体情况\n")
        #expect(decoded.encoding == "GB18030")
    }

    @Test func emptyAndWhitespaceOnly() {
        #expect(throws: ExtractError(.empty, path: "e.txt", "the file is empty")) { try TextDecoder().decode([], path: "e.txt") }
        do {
            _ = try TextDecoder().decode(Array(" \n\t\n".utf8), path: "w.txt")
            Issue.record("whitespace-only text was accepted")
        } catch {
            #expect(error.code == .empty)
        }
    }

    @Test func binaryJunkIsRefused() {
        var junk: [UInt8] = []
        var x: UInt32 = 12345
        for _ in 0..<4096 { x = x &* 1_103_515_245 &+ 12345; junk.append(UInt8(truncatingIfNeeded: x >> 16)) }
        do {
            _ = try TextDecoder().decode(junk, path: "junk.txt")
            Issue.record("binary junk was accepted")
        } catch {
            #expect(error.code == .undecodable)
            #expect(error.path == "junk.txt")
        }
    }
}
