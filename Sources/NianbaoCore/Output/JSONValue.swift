/// A JSON value with exact numbers, written with sorted keys and stable bytes:
/// the same report always gives the same output, byte for byte.
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// An exact decimal, written as its literal (`7730.28`).
    case number(DecimalNumber)
    /// A fixed-point double written with one decimal (PDF coordinates).
    case fixed1(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    /// An object whose members are already in key order (byte order of UTF-8): written as given,
    /// without hashing or sorting. Built by ``JSONValue/fields(_:)``.
    case fields([(String, JSONValue)])

    /// A PDF coordinate as written in the JSON: rounded to one decimal. CSV and SQLite use the same
    /// value, so every output shows the same box.
    package static func fixed1Decimal(_ x: Double) -> DecimalNumber {
        DecimalNumber(units: Int64((x * 10).rounded()), scale: 1)
    }

    /// An object from members in any order: sorted once here.
    package static func fields(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        var pairs = members.map { ($0.key, $0.value) }
        pairs.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        return .fields(pairs)
    }

    package static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.fixed1(x), .fixed1(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x == y
        case let (.fields(x), .fields(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Compact JSON (`pretty: false`) or two-space indented JSON with a trailing newline.
    package func serialized(pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        write(into: &out, indent: pretty ? 0 : -1)
        if pretty { out.append(0x0A) }
        return out
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        guard indent >= 0 else { return }
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): Self.writeInteger(Int64(i), into: &out)
        case .number(let d):
            if d.scale == 0 { Self.writeInteger(d.units, into: &out) } else { out.append(contentsOf: d.description.utf8) }
        case .fixed1(let x):
            out.append(contentsOf: Self.fixed1Decimal(x).description.utf8)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent >= 0 ? indent + 1 : -1)
                item.write(into: &out, indent: indent >= 0 ? indent + 1 : -1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            // Byte order of the UTF-8 keys: stable, locale-free, and the same as code point order.
            for (i, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent >= 0 ? indent + 1 : -1)
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent >= 0 { out.append(0x20) }
                members[key]!.write(into: &out, indent: indent >= 0 ? indent + 1 : -1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        case .fields(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent >= 0 ? indent + 1 : -1)
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent >= 0 { out.append(0x20) }
                value.write(into: &out, indent: indent >= 0 ? indent + 1 : -1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Decimal digits of an integer, without making a String.
    static func writeInteger(_ value: Int64, into out: inout [UInt8]) {
        if value == 0 { out.append(0x30); return }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var m = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while m > 0 { buf[n] = UInt8(m % 10) + 0x30; m /= 10; n += 1 }
            for i in stride(from: n - 1, through: 0, by: -1) { out.append(buf[i]) }
        }
    }

    package static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether the bytes hold one that JSON escapes (below 0x20, `"` or `\`), eight bytes at a
    /// time: the "has a byte less than n" and "has a zero byte" tests of Bit Twiddling Hacks, which
    /// never miss such a byte (a false alarm would only take the byte-by-byte path).
    @inline(__always)
    static func needsEscape(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(buf)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= raw.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let below = (w &- ones &* 0x20) & ~w & highs
            let q = w ^ (ones &* 0x22)
            let b = w ^ (ones &* 0x5C)
            if below | ((q &- ones) & ~q & highs) | ((b &- ones) & ~b & highs) != 0 { return true }
            i += 8
        }
        while i < raw.count {
            let byte = raw[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            i += 1
        }
        return false
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let utf8 = s.utf8
        let plain: Bool? = utf8.withContiguousStorageIfAvailable { buf in
            if needsEscape(buf) { return false }
            out.append(contentsOf: buf)
            return true
        }
        if plain == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
