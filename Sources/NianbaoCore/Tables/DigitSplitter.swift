/// Splits a run of digits whose cell separators were lost (`801000081`) into a row's cells.
///
/// A split is valid when every cell is a non-negative integer without a leading zero (a lone `0`
/// is fine) and the row identities hold. The splitter lists the valid splits; it never picks one:
/// callers keep a split only when it is the only one left after the table's column identities
/// (``DigitTableSolver``). The search is bounded: a cell has at most ``maxCellDigits`` digits, a
/// run longer than the row can hold is rejected at once, and the search stops after ``maxSteps``
/// steps or ``maxCandidates`` candidates (reported as `.tooMany`, never as a choice).
enum DigitSplitter {
    /// Counts of this table format stay far below 10¹⁰.
    static let maxCellDigits = 10
    static let maxSteps = 200_000
    static let maxCandidates = 64

    /// Piece elements besides the digits 0–9: a thousands comma inside a number (`1,151`), and a
    /// piece that is a not-applicable mark (`/`), one cell of its own.
    static let comma: UInt8 = 10
    static let markPiece: [UInt8] = [11]
    /// The value a mark cell takes in a split (never a count: `Int64.min`).
    static let markValue = Int64.min

    @inline(__always)
    static func number(_ x: Int64?) -> Int64? { x == markValue ? nil : x }

    /// The value of the cell `piece[j..<j+len]`: digits without a leading zero (a lone 0 is fine),
    /// thousands commas only in their places (`1,151`); nil when the cell is not such a number.
    static func cell(_ piece: [UInt8], _ j: Int, _ len: Int) -> Int64? {
        guard len > 0, j + len <= piece.count, piece[j] < 10, piece[j + len - 1] < 10 else { return nil }
        if piece[j] == 0 && len > 1 { return nil }
        var value: Int64 = 0, digits = 0, sinceComma = -1, firstGroup = 0
        for k in j..<(j + len) {
            let e = piece[k]
            if e == comma {
                if sinceComma >= 0 && sinceComma != 3 { return nil }
                if sinceComma < 0 { if firstGroup > 3 { return nil } }
                sinceComma = 0
                continue
            }
            guard e < 10 else { return nil }
            value = value * 10 + Int64(e)
            digits += 1
            if sinceComma >= 0 { sinceComma += 1 } else { firstGroup += 1 }
        }
        if sinceComma >= 0 && sinceComma != 3 { return nil }
        return digits <= maxCellDigits ? value : nil
    }

    enum Outcome: Sendable, Equatable {
        /// Every valid split (possibly none), each a vector of `slots` integers.
        case candidates([[Int64?]])
        /// The search was cut off: too many splits to list. Nothing can be chosen.
        case tooMany
    }

    /// The digits of a printed run, ignoring spaces (separators that may or may not be real: the
    /// split may cut there or not). Nil when the run holds anything but digits and spaces.
    static func digits<S: StringProtocol>(_ run: S) -> [UInt8]? {
        var out: [UInt8] = []
        for v in run.unicodeScalars {
            switch v.value {
            case 0x30...0x39: out.append(UInt8(v.value - 0x30))
            case 0xFF10...0xFF19: out.append(UInt8(v.value - 0xFF10))
            case 0x20, 0xA0, 0x3000: continue
            default: return nil
            }
        }
        return out.isEmpty ? nil : out
    }

    /// All splits of one run into `slots` cells satisfying `identities` (each `total = Σ parts`).
    static func split(_ digits: [UInt8], slots: Int, identities: [RowIdentity]) -> Outcome {
        split(pieces: [digits], blanks: [0, 0], slots: slots, identities: identities)
    }

    /// All splits of `pieces` (digit runs that printed whitespace kept apart: a cell never spans
    /// two pieces) into `slots` cells. `blanks[k]` is how many blank cells the whitespace before
    /// piece `k` may stand for (`blanks[pieces.count]`: after the last piece); a blank is nil in the
    /// vector and makes the identities it is part of not assessable.
    ///
    /// `blanksCountNothing`: an identity whose total is a number holds with its blank parts counted
    /// as 0 (``CellPlacementSolver``'s reading of blanks); otherwise a blank part leaves it not
    /// assessable. `requireTotals`: only splits whose identities' totals are numbers (the identity
    /// confirmed, not merely not contradicted). `exactBlanks`: `blanks[k]` is exactly how many blank
    /// cells stand before piece `k` (the text marked each blank cell: ``TableToken/marked``).
    static func split(
        pieces: [[UInt8]], blanks: [Int], slots: Int, identities: [RowIdentity], blanksCountNothing: Bool = false, requireTotals: Bool = false,
        exactBlanks: Bool = false
    ) -> Outcome {
        let pieces = pieces.filter { !$0.isEmpty }
        guard slots > 0, !pieces.isEmpty, blanks.count >= pieces.count + 1 else { return .candidates([]) }
        let total = pieces.reduce(0) { $0 + $1.count }
        let blankTotal = blanks.prefix(pieces.count + 1).reduce(0, +)
        guard pieces.count <= slots, total + blankTotal >= slots, total <= slots * maxCellDigits else { return .candidates([]) }
        // Digits left from the start of each piece, for pruning.
        var digitsFrom = [Int](repeating: 0, count: pieces.count + 1)
        var blanksFrom = [Int](repeating: 0, count: pieces.count + 2)
        for k in stride(from: pieces.count - 1, through: 0, by: -1) { digitsFrom[k] = digitsFrom[k + 1] + pieces[k].count }
        for k in stride(from: pieces.count, through: 0, by: -1) { blanksFrom[k] = blanksFrom[k + 1] + blanks[k] }
        // A slot that is the total of an identity whose parts all come before it is forced: its
        // digits must spell the sum. Every identity is checked once the vector is complete.
        var forced = [Int?](repeating: nil, count: slots)
        for (k, id) in identities.enumerated() where id.parts.allSatisfy({ $0 < id.total }) && forced[id.total] == nil {
            forced[id.total] = k
        }
        var isTotal = [Bool](repeating: false, count: slots)
        if requireTotals { for id in identities where id.total < slots { isTotal[id.total] = true } }
        var vector = [Int64?](repeating: nil, count: slots)
        var out: [[Int64?]] = []
        var steps = 0
        var cutOff = false

        @inline(__always) func number(_ x: Int64?) -> Int64? { DigitSplitter.number(x) }

        func spell(_ value: Int64) -> [UInt8] {
            if value == 0 { return [0] }
            var v = value, d: [UInt8] = []
            while v > 0 { d.append(UInt8(v % 10)); v /= 10 }
            return d.reversed()
        }

        // p: piece, j: offset in it, b: blank cells still allowed here (only when j == 0).
        func go(_ slot: Int, _ p: Int, _ j: Int, _ b: Int) {
            if cutOff { return }
            steps += 1
            if steps > maxSteps || out.count > maxCandidates { cutOff = true; return }
            let left = slots - slot
            let digitsLeft = p < pieces.count ? digitsFrom[p] - j : 0
            let piecesLeft = pieces.count - p
            let blanksLeft = b + (p < pieces.count ? blanksFrom[p + 1] : 0)
            if left == 0 {
                guard p == pieces.count, !exactBlanks || b == 0 else { return }
                for id in identities {
                    var sum: Int64 = 0, assessable = true
                    for m in id.parts {
                        if let v = number(vector[m]) { sum += v } else if !(blanksCountNothing && vector[m] == nil) { assessable = false }
                    }
                    if requireTotals && number(vector[id.total]) == nil { return }
                    guard assessable, let t = number(vector[id.total]) else { continue }
                    if sum != t { return }
                }
                out.append(vector)
                return
            }
            guard left >= piecesLeft, left <= digitsLeft + blanksLeft, digitsLeft <= left * (maxCellDigits + 3) else { return }
            if exactBlanks {
                guard left >= piecesLeft + blanksLeft else { return }
                if j == 0 && b > 0 {
                    guard !isTotal[slot] else { return }
                    vector[slot] = nil
                    go(slot + 1, p, 0, b - 1)
                    return
                }
            }
            if j == 0 && b > 0 && !isTotal[slot] {
                vector[slot] = nil
                go(slot + 1, p, 0, b - 1)
                if cutOff { return }
            }
            guard p < pieces.count else { return }
            let piece = pieces[p]
            func next(_ len: Int) {
                if j + len == piece.count { go(slot + 1, p + 1, 0, blanks[p + 1]) } else { go(slot + 1, p, j + len, 0) }
            }
            if piece == markPiece {
                vector[slot] = markValue
                next(1)
                return
            }
            if let k = forced[slot] {
                let id = identities[k]
                if id.parts.allSatisfy({ number(vector[$0]) != nil || (blanksCountNothing && vector[$0] == nil) }) {
                    let sum = id.parts.reduce(Int64(0)) { $0 + (number(vector[$1]) ?? 0) }
                    let d = spell(sum)
                    if !piece.contains(comma) {
                        guard j + d.count <= piece.count, Array(piece[j..<(j + d.count)]) == d else { return }
                        vector[slot] = sum
                        next(d.count)
                        return
                    }
                    for len in d.count...min(d.count + 3, piece.count - j) where cell(piece, j, len) == sum {
                        vector[slot] = sum
                        next(len)
                    }
                    return
                }
            }
            if piece[j] == 0 {
                vector[slot] = 0
                next(1)
                return
            }
            for len in 1...min(maxCellDigits + 3, piece.count - j) {
                guard let value = cell(piece, j, len) else { continue }
                vector[slot] = value
                next(len)
                if cutOff { return }
            }
        }
        go(0, 0, 0, blanks[0])
        return cutOff ? .tooMany : .candidates(out)
    }
}
