import Testing

@testable import Nianbao

/// ``ContentHash``: the hex digits computed per nibble are the digits of the plain table.
@Suite struct ContentHashTests {
    @Test func hexAsDigitTable() {
        let digits = Array("0123456789abcdef".utf8)
        let bytes = (0...255).map { UInt8($0) }
        let plain = String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
        #expect(ContentHash.hex(bytes) == plain)
        #expect(ContentHash.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
