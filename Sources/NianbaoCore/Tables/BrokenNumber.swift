/// A number a converter broke over two lines: `pdftotext` without `-layout` prints the full-width
/// digits of one cell (`１２`, spaced wide) one per line, so the row has one value more than its
/// cells and none of them is the printed number.
///
/// Two consecutive values are joined only when both are full-width digit runs on different lines
/// (half-width digits of a cell stay on one line), the row holds exactly one value more than its
/// cells, every value a separate clean value (hard boundaries: each on its own line or cell), and
/// the joined number has no leading zero. Each such join is a candidate when every row identity
/// is assessable and holds; the caller keeps a candidate only when it is the only one left after
/// the table's column identities (``DigitTableSolver``), as for digit runs.
enum BrokenNumber {
    static func fullWidth(_ t: TableToken) -> Bool {
        t.kind == .number && !t.text.isEmpty && t.text.unicodeScalars.allSatisfy { $0.value >= 0xFF10 && $0.value <= 0xFF19 }
    }

    /// Whether two neighbouring values may be one full-width number broken over two lines.
    static func mayJoin(_ a: TableToken, _ b: TableToken) -> Bool {
        fullWidth(a) && fullWidth(b) && a.at != b.at
    }

    /// The readings of `tokens` with one broken number joined whose row identities hold (possibly
    /// none); nil when the tokens are not a row with one number broken over two lines.
    static func candidates(_ tokens: [TableToken], slots: Int, identities: [RowIdentity]) -> [[Int64?]]? {
        guard slots >= 2, tokens.count == slots + 1, !identities.isEmpty,
            tokens.allSatisfy({ $0.gap == nil && !$0.marked && $0.kind != .text && TokenTableReader.clean($0) })
        else { return nil }
        let joins = (0..<(tokens.count - 1)).filter { i in mayJoin(tokens[i], tokens[i + 1]) }
        guard !joins.isEmpty else { return nil }
        var out: [[Int64?]] = []
        for i in joins {
            guard let digits = DigitSplitter.digits(tokens[i].text + tokens[i + 1].text), digits.count <= DigitSplitter.maxCellDigits,
                let joined = DigitSplitter.cell(digits, 0, digits.count)
            else { continue }
            var vector: [Int64?] = []
            var readable = true
            for (k, t) in tokens.enumerated() where k != i + 1 {
                if k == i { vector.append(joined); continue }
                switch t.kind {
                case .mark: vector.append(DigitSplitter.markValue)
                case .blank: vector.append(nil)
                default:
                    guard let v = CellReading.read(t.text).value, v.isInteger, v.scale == 0, v.units >= 0 else { readable = false; break }
                    vector.append(v.units)
                }
            }
            guard readable, vector.count == slots else { continue }
            if identities.allSatisfy({ $0.holds(on: vector) == true }) { out.append(vector) }
        }
        return out
    }
}
