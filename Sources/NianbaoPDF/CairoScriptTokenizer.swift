/// Splits the text of a cairo script (what ``CairoScriptRecorder`` records of a rendered page) into
/// the tokens ``RulingParser`` interprets: numbers, operator words, array brackets and dictionary
/// openings. Strings (`( … )` with escapes and nesting) and binary blobs (`<~ … ~>`, `<| … ~>`) are
/// skipped whole, so the bytes of an embedded font or image never look like operators.
struct CairoScriptTokenizer: IteratorProtocol {
    enum Token: Equatable {
        case number(Double)
        /// An operator or name, e.g. `m`, `stroke`, `set-matrix`.
        case word(ArraySlice<UInt8>)
        case arrayOpen, arrayClose
        /// `<` not opening a blob (each `<` of `<<`): what came before is not an operand any more.
        case dictionaryOpen
    }

    private let script: [UInt8]
    private var i = 0

    init(_ script: [UInt8]) {
        self.script = script
    }

    @inline(__always) private static func isDelimiter(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x5B || c == 0x5D || c == 0x28 || c == 0x3C || c == 0x3E || c == 0x7B || c == 0x7D
    }

    /// Powers of ten that are exact doubles.
    private static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// The value of `-?digits[.digits]` (how cairo writes numbers) when it is exact in a few
    /// operations: at most 15 significant digits and 22 decimals, so the digits and the power of
    /// ten are exact doubles and one IEEE division rounds the quotient correctly, giving the same
    /// double as `Double(String)`. Nil for anything else (the caller then parses the text).
    static func plainDecimal(_ token: ArraySlice<UInt8>) -> Double? {
        var i = token.startIndex
        let end = token.endIndex
        var negative = false
        if i < end && token[i] == 0x2D { negative = true; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, decimals = 0
        var sawPoint = false
        while i < end {
            let c = token[i]
            if c >= 0x30 && c <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(c &- 0x30)
                digits += 1
                if sawPoint { decimals += 1 }
            } else if c == 0x2E && !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, digits <= 15, decimals <= 22 else { return nil }
        let magnitude = decimals == 0 ? Double(mantissa) : Double(mantissa) / exactPowersOfTen[decimals]
        return negative ? -magnitude : magnitude
    }

    mutating func next() -> Token? {
        let n = script.count
        while i < n {
            let c = script[i]
            switch c {
            case 0x20, 0x0A, 0x0D, 0x09, 0x3E, 0x7B, 0x7D:
                i += 1
            case 0x28:  // ( string ) with escapes and nesting
                var depth = 1
                i += 1
                while i < n && depth > 0 {
                    let d = script[i]
                    if d == 0x5C { i += 2; continue }
                    if d == 0x28 { depth += 1 } else if d == 0x29 { depth -= 1 }
                    i += 1
                }
            case 0x3C:  // <~ … ~>, <| … ~>, or << dictionary
                if i + 1 < n && (script[i + 1] == 0x7E || script[i + 1] == 0x7C) {
                    i += 2
                    while i + 1 < n && !(script[i] == 0x7E && script[i + 1] == 0x3E) { i += 1 }
                    i += 2
                } else {
                    i += 1
                    return .dictionaryOpen
                }
            case 0x5B:
                i += 1
                return .arrayOpen
            case 0x5D:
                i += 1
                return .arrayClose
            default:
                let start = i
                while i < n && !Self.isDelimiter(script[i]) { i += 1 }
                let token = script[start..<i]
                if let first = token.first, first == 0x2D || first == 0x2E || (first >= 0x30 && first <= 0x39) {
                    // A number; one that does not parse is dropped, as cairo would reject it.
                    if let v = Self.plainDecimal(token) ?? Double(String(decoding: token, as: UTF8.self)) { return .number(v) }
                    continue
                }
                return .word(token)
            }
        }
        return nil
    }
}
