/// Parses JSON text into a ``JSONValue``, keeping numbers exact (as ``DecimalNumber``), so that
/// `JSONParser.parse(value.serialized())` serializes back to the same bytes. Used by the batch
/// engine to read its per-input state files.
package enum JSONParser {
    package struct ParseError: Error, CustomStringConvertible {
        package var offset: Int
        package var description: String { "invalid JSON at byte \(offset)" }
    }

    package static func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> JSONValue {
        let buf = Array(bytes)
        var p = Parser(b: buf, i: 0)
        let v = try p.value()
        p.skipWhitespace()
        guard p.i == buf.count else { throw ParseError(offset: p.i) }
        return v
    }

    struct Parser {
        let b: [UInt8]
        var i: Int

        mutating func skipWhitespace() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }

        mutating func expect(_ word: String) throws(ParseError) {
            for c in word.utf8 {
                guard i < b.count, b[i] == c else { throw ParseError(offset: i) }
                i += 1
            }
        }

        mutating func value() throws(ParseError) -> JSONValue {
            skipWhitespace()
            guard i < b.count else { throw ParseError(offset: i) }
            switch b[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [String: JSONValue] = [:]
                skipWhitespace()
                if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                while true {
                    skipWhitespace()
                    guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw ParseError(offset: i) }
                    let key = try string()
                    skipWhitespace()
                    try expect(":")
                    members[key] = try value()
                    skipWhitespace()
                    guard i < b.count else { throw ParseError(offset: i) }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                    throw ParseError(offset: i)
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [JSONValue] = []
                skipWhitespace()
                if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipWhitespace()
                    guard i < b.count else { throw ParseError(offset: i) }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                    throw ParseError(offset: i)
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "n"): try expect("null"); return .null
            default: return try number()
            }
        }

        mutating func number() throws(ParseError) -> JSONValue {
            let start = i
            var negative = false
            if i < b.count, b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            var units: Int64 = 0
            var scale = 0
            var digits = 0
            var overflow = false
            func add(_ d: UInt8) {
                let (m, o1) = units.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(d - 0x30))
                if o1 || o2 { overflow = true } else { units = s }
            }
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { add(b[i]); digits += 1; i += 1 }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { add(b[i]); scale += 1; digits += 1; i += 1 }
            }
            var exponent = 0
            if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
                i += 1
                var expNegative = false
                if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { expNegative = b[i] == UInt8(ascii: "-"); i += 1 }
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { exponent = min(exponent * 10 + Int(b[i] - 0x30), 400); i += 1 }
                if expNegative { exponent = -exponent }
            }
            guard digits > 0, !overflow else { throw ParseError(offset: start) }
            scale -= exponent
            while scale < 0 {
                let (m, o) = units.multipliedReportingOverflow(by: 10)
                if o { throw ParseError(offset: start) }
                units = m; scale += 1
            }
            return .number(DecimalNumber(units: negative ? -units : units, scale: scale))
        }

        mutating func hex4() throws(ParseError) -> UInt32 {
            guard i + 4 <= b.count else { throw ParseError(offset: i) }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = b[i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw ParseError(offset: i)
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }

        mutating func string() throws(ParseError) -> String {
            i += 1  // opening quote
            var out: [UInt8] = []
            while true {
                guard i < b.count else { throw ParseError(offset: i) }
                let c = b[i]
                if c == UInt8(ascii: "\"") { i += 1; break }
                if c == UInt8(ascii: "\\") {
                    i += 1
                    guard i < b.count else { throw ParseError(offset: i) }
                    let e = b[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar), i + 6 <= b.count, b[i] == 0x5C, b[i + 1] == UInt8(ascii: "u") {
                            i += 2
                            let low = try hex4()
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00) & 0x3FF
                        }
                        let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                        out.append(contentsOf: String(Character(u)).utf8)
                    default: throw ParseError(offset: i - 1)
                    }
                } else {
                    out.append(c)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

extension JSONValue {
    /// The member of an object (nil for other values or a missing key).
    package subscript(key: String) -> JSONValue? {
        switch self {
        case .object(let m): return m[key]
        case .fields(let pairs): return pairs.first { $0.0 == key }?.1
        default: return nil
        }
    }

    /// The members of an object, whichever way it was built.
    package var objectMembers: [String: JSONValue]? {
        switch self {
        case .object(let m): return m
        case .fields(let pairs): return Dictionary(pairs, uniquingKeysWith: { a, _ in a })
        default: return nil
        }
    }

    package var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    package var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// A number as an exact decimal (`.int` and `.fixed1` included).
    package var decimalValue: DecimalNumber? {
        switch self {
        case .number(let d): return d
        case .int(let n): return DecimalNumber(n)
        case .fixed1(let x): return DecimalNumber(units: Int64((x * 10).rounded()), scale: 1).canonical
        default: return nil
        }
    }

    package var intValue: Int? {
        guard let d = decimalValue?.canonical, d.scale == 0 else { return nil }
        return Int(d.units)
    }

    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
