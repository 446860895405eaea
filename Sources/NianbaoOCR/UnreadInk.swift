/// Whether a number's reading leaves ink beside it unread: a `21` read as `2` leaves the `1`'s
/// strokes outside every character OCR found. Two prints of one number (`21 … | 21`, a row that
/// holds as `x = x`) are misread alike; the ink that no character accounts for shows it.
///
/// Only ink on the number's own line counts (from a quarter of its height above to a quarter
/// below), inside `limits` (a ruled cell without its borders, or the strips beside a number on a
/// borderless line), outside the boxes of the characters read there (`read`, grown by `slack`
/// pixels). The word leaves ink unread when that ink is at least a third of the ink of one of its
/// characters on average.
struct UnreadInk {
    let ink: InkMap

    private func count(x0: Int, y0: Int, x1: Int, y1: Int, outside boxes: [(x0: Int, y0: Int, x1: Int, y1: Int)]) -> Int {
        let a = max(0, x0), b = min(ink.width, x1), c = max(0, y0), d = min(ink.height, y1)
        guard b > a, d > c else { return 0 }
        var n = 0
        for y in c..<d {
            let row = y * ink.width
            for x in a..<b where ink.ink[row + x] != 0 {
                if !boxes.contains(where: { x >= $0.x0 && x < $0.x1 && y >= $0.y0 && y < $0.y1 }) { n += 1 }
            }
        }
        return n
    }

    /// True when `word` (a number) leaves ink unread inside `limits` (pixels); `read`: the boxes
    /// of every character read in `limits` (the word's own included).
    func leavesInk(
        _ word: OCRWord, limits: (x0: Int, y0: Int, x1: Int, y1: Int), read: [(x0: Int, y0: Int, x1: Int, y1: Int)], slack: Int
    ) -> Bool {
        guard !word.symbols.isEmpty else { return false }
        let h = max(1, word.y1 - word.y0)
        let y0 = max(limits.y0, word.y0 - h / 4), y1 = min(limits.y1, word.y1 + h / 4)
        let grown = read.map { (x0: $0.x0 - slack, y0: y0, x1: $0.x1 + slack, y1: y1) }
        let own = word.symbols.map { (x0: $0.x0, y0: y0, x1: $0.x1, y1: y1) }
        let inside = count(x0: word.x0, y0: y0, x1: word.x1, y1: y1, outside: []) - count(x0: word.x0, y0: y0, x1: word.x1, y1: y1, outside: own)
        let perCharacter = max(1, inside / word.symbols.count)
        let unread = count(x0: limits.x0, y0: y0, x1: limits.x1, y1: y1, outside: grown)
        return 3 * unread >= perCharacter
    }
}
