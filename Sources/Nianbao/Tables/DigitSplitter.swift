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

    enum Outcome: Sendable, Equatable {
        /// Every valid split (possibly none), each a vector of `slots` integers.
        case candidates([[Int64]])
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

    /// All splits of `digits` into `slots` cells satisfying `identities` (each `total = Σ parts`).
    static func split(_ digits: [UInt8], slots: Int, identities: [RowIdentity]) -> Outcome {
        let n = digits.count
        guard slots > 0, n >= slots, n <= slots * maxCellDigits else { return .candidates([]) }
        // A slot that is the total of an identity whose parts all come before it is forced: its
        // digits must spell the sum. Other identities are checked once the vector is complete.
        var forced = [Int?](repeating: nil, count: slots)   // index into identities
        for (k, id) in identities.enumerated() where id.parts.allSatisfy({ $0 < id.total }) && forced[id.total] == nil {
            forced[id.total] = k
        }
        var vector = [Int64](repeating: 0, count: slots)
        var out: [[Int64]] = []
        var steps = 0
        var cutOff = false

        func spell(_ value: Int64) -> [UInt8] {
            if value == 0 { return [0] }
            var v = value, d: [UInt8] = []
            while v > 0 { d.append(UInt8(v % 10)); v /= 10 }
            return d.reversed()
        }

        func go(_ slot: Int, _ pos: Int) {
            if cutOff { return }
            steps += 1
            if steps > maxSteps || out.count > maxCandidates { cutOff = true; return }
            let left = slots - slot
            if left == 0 {
                guard pos == n else { return }
                for id in identities where id.parts.reduce(Int64(0), { $0 + vector[$1] }) != vector[id.total] { return }
                out.append(vector)
                return
            }
            let remaining = n - pos
            guard remaining >= left, remaining <= left * maxCellDigits else { return }
            if let k = forced[slot] {
                let id = identities[k]
                let sum = id.parts.reduce(Int64(0)) { $0 + vector[$1] }
                let d = spell(sum)
                guard pos + d.count <= n, Array(digits[pos..<(pos + d.count)]) == d else { return }
                vector[slot] = sum
                go(slot + 1, pos + d.count)
                return
            }
            if digits[pos] == 0 {
                vector[slot] = 0
                go(slot + 1, pos + 1)
                return
            }
            var value: Int64 = 0
            let maxLen = min(maxCellDigits, remaining - (left - 1))
            for len in 1...max(1, maxLen) {
                value = value * 10 + Int64(digits[pos + len - 1])
                vector[slot] = value
                go(slot + 1, pos + len)
                if cutOff { return }
            }
        }
        go(0, 0)
        return cutOff ? .tooMany : .candidates(out)
    }
}
