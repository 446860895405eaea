import Testing
@testable import NianbaoOCR

/// Ink beside a number that none of its characters covers: the trace of a digit OCR dropped.
@Suite struct UnreadInkTests {
    /// A 200×60 page with a filled 12×30 block (a digit's ink) at each x in `digits`.
    static func page(digits: [Int]) -> InkMap {
        var ink = [UInt8](repeating: 0, count: 200 * 60)
        for x0 in digits {
            for y in 15..<45 { for x in x0..<(x0 + 12) { ink[y * 200 + x] = 1 } }
        }
        return InkMap(width: 200, height: 60, ink: ink)
    }

    static func word(at x0: Int) -> OCRWord {
        let s = OCRSymbol(text: "2", x0: x0, y0: 15, x1: x0 + 12, y1: 45, confidence: 0.97)
        return OCRWord(text: "2", x0: x0, y0: 15, x1: x0 + 12, y1: 45, confidence: 0.97, symbols: [s])
    }

    @Test func aDroppedDigitBesideTheNumberIsUnreadInk() {
        // `21` printed, `2` read: the `1`'s block stays outside the read character.
        let ink = Self.page(digits: [40, 56])
        let w = Self.word(at: 40)
        #expect(UnreadInk(ink: ink).leavesInk(w, limits: (10, 5, 190, 55), read: [(40, 15, 52, 45)], slack: 2))
    }

    @Test func aNumberReadWholeLeavesNothing() {
        let ink = Self.page(digits: [40])
        #expect(!UnreadInk(ink: ink).leavesInk(Self.word(at: 40), limits: (10, 5, 190, 55), read: [(40, 15, 52, 45)], slack: 2))
        // Ink another word accounts for (a neighbouring number that was read) is not unread.
        let two = Self.page(digits: [40, 100])
        #expect(!UnreadInk(ink: two).leavesInk(Self.word(at: 40), limits: (10, 5, 190, 55), read: [(40, 15, 52, 45), (100, 15, 112, 45)], slack: 2))
        // Nor is ink outside the limits (the next cell).
        #expect(!UnreadInk(ink: two).leavesInk(Self.word(at: 40), limits: (10, 5, 90, 55), read: [(40, 15, 52, 45)], slack: 2))
    }

    @Test func aSpeckIsNotADigit() {
        var map = Self.page(digits: [40])
        // A 3×3 speck: far less than a third of a digit's ink.
        for y in 28..<31 { for x in 70..<73 { map.ink[y * 200 + x] = 1 } }
        #expect(!UnreadInk(ink: map).leavesInk(Self.word(at: 40), limits: (10, 5, 190, 55), read: [(40, 15, 52, 45)], slack: 2))
    }
}
