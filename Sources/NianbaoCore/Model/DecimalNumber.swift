/// An exact decimal as printed: `units × 10^-scale`. Counts have scale 0; 万元 amounts like 7730.28 have scale 2.
/// Kept exact so that the JSON shows the printed number and sums in checks never round.
public struct DecimalNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var units: Int64
    public var scale: Int

    public init(units: Int64, scale: Int = 0) {
        self.units = units
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(units: Int64(integer), scale: 0)
    }

    public var isInteger: Bool { scale == 0 }

    /// The value with trailing fractional zeros removed (12.50 → 12.5, 5.00 → 5).
    public var canonical: DecimalNumber {
        var u = units, s = scale
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        return DecimalNumber(units: u, scale: s)
    }

    private static func pow10(_ n: Int) -> Int64 {
        var r: Int64 = 1
        for _ in 0..<n { r = r &* 10 }
        return r
    }

    /// Both numbers at the same scale (nil on overflow).
    private static func aligned(_ a: DecimalNumber, _ b: DecimalNumber) -> (Int64, Int64, Int)? {
        let s = max(a.scale, b.scale)
        let (x, o1) = a.units.multipliedReportingOverflow(by: pow10(s - a.scale))
        let (y, o2) = b.units.multipliedReportingOverflow(by: pow10(s - b.scale))
        if o1 || o2 { return nil }
        return (x, y, s)
    }

    /// The exact sum, or nil when it does not fit (the units overflow 64 bits at the common scale).
    public func adding(_ b: DecimalNumber) -> DecimalNumber? {
        guard let (x, y, s) = Self.aligned(self, b) else { return nil }
        let (r, o) = x.addingReportingOverflow(y)
        return o ? nil : DecimalNumber(units: r, scale: s).canonical
    }

    /// The exact sum of `values` (0 for none), or nil when it does not fit: a check over such values
    /// is not assessable, never a pass.
    public static func sum<S: Sequence>(_ values: S) -> DecimalNumber? where S.Element == DecimalNumber {
        var total = DecimalNumber(0)
        for v in values {
            guard let t = total.adding(v) else { return nil }
            total = t
        }
        return total
    }

    /// The sum; on overflow the left operand (use ``adding(_:)`` or ``sum(_:)`` where an overflow
    /// must be noticed, as the identity checks do).
    public static func + (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        guard let (x, y, s) = aligned(a, b) else { return a }
        let (r, o) = x.addingReportingOverflow(y)
        return o ? a : DecimalNumber(units: r, scale: s).canonical
    }

    public static func - (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        a + DecimalNumber(units: -b.units, scale: b.scale)
    }

    public static func == (a: DecimalNumber, b: DecimalNumber) -> Bool {
        guard let (x, y, _) = aligned(a, b) else { return false }
        return x == y
    }

    public func hash(into hasher: inout Hasher) {
        let c = canonical
        hasher.combine(c.units)
        hasher.combine(c.scale)
    }

    public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool {
        guard let (x, y, _) = aligned(a, b) else { return false }
        return x < y
    }

    public var isNegative: Bool { units < 0 }

    /// The JSON number literal: `7730.28`, `-3`, `0`.
    public var description: String {
        let c = canonical
        if c.scale == 0 { return String(c.units) }
        let negative = c.units < 0
        var digits = String(c.units.magnitude)
        if digits.count <= c.scale {
            digits = String(repeating: "0", count: c.scale - digits.count + 1) + digits
        }
        let cut = digits.index(digits.endIndex, offsetBy: -c.scale)
        return (negative ? "-" : "") + digits[..<cut] + "." + digits[cut...]
    }
}
