/// The growable byte buffer ``ReportJSONWriter`` writes into: bytes stored through a pointer, so
/// appending a run is one capacity test and a copy (an `[UInt8]` append goes through the generic
/// sequence path, which cost more than the bytes written). Noncopyable: the storage has one owner,
/// freed by `deinit`; ``array`` copies the bytes out once at the end. It can also start in storage
/// it does not own (an array's, being made): while the bytes fit there, nothing is copied.
struct JSONByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Whether ``base`` was allocated here (else it is the storage given to `init(storage:)`).
    private(set) var owned: Bool

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        owned = true
    }

    /// Writes into `storage` until it is full, then into storage of its own (the bytes copied there).
    init(storage: UnsafeMutableBufferPointer<UInt8>) {
        if let b = storage.baseAddress, storage.count >= 64 {
            base = b
            capacity = storage.count
            owned = false
        } else {
            capacity = 64
            base = .allocate(capacity: capacity)
            owned = true
        }
    }

    deinit { if owned { base.deallocate() } }

    /// The bytes written so far, copied as one block (an array made from the buffer pointer
    /// copies element by element).
    var array: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let target = buffer.baseAddress, count > 0 {
                UnsafeMutableRawPointer(target).copyMemory(from: base, byteCount: count)
            }
            initialized = count
        }
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if n > capacity &- count { grow(n) }
    }

    @inline(never)
    private mutating func grow(_ n: Int) {
        let newCapacity = max(capacity * 2, count + n)
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        UnsafeMutableRawPointer(p).copyMemory(from: base, byteCount: count)
        if owned { base.deallocate() }
        owned = true
        base = p
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count n: Int) {
        reserve(n)
        UnsafeMutableRawPointer(base + count).copyMemory(from: bytes, byteCount: n)
        count &+= n
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let p = bytes.baseAddress else { return }
        append(p, count: bytes.count)
    }

    /// A constant run (a StaticString: no array to retain, no lazy global to check).
    @inline(__always)
    mutating func append(_ s: StaticString) {
        append(s.utf8Start, count: s.utf8CodeUnitCount)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Decimal digits of an integer, as ``JSONValue/writeInteger(_:into:)`` writes them.
    mutating func integer(_ value: Int64) {
        reserve(20)
        if value == 0 {
            base[count] = 0x30
            count &+= 1
            return
        }
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count &+= 1
        }
        var m = value.magnitude
        // The number of digits: line numbers and cell values are short, so compared, not divided.
        var digits: Int
        if m < 10 {
            digits = 1
        } else if m < 100 {
            digits = 2
        } else if m < 1000 {
            digits = 3
        } else if m < 10000 {
            digits = 4
        } else {
            digits = 4
            var t = m / 10000
            while t > 0 { digits &+= 1; t /= 10 }
        }
        var i = count &+ digits
        count = i
        // Two digits at a time, copied from the table of pairs.
        let pairs = Self.digitPairs.utf8Start
        while m >= 100 {
            let q = m / 100
            let r = Int(truncatingIfNeeded: m &- q &* 100) &* 2
            i &-= 2
            base[i] = pairs[r]
            base[i &+ 1] = pairs[r &+ 1]
            m = q
        }
        if m >= 10 {
            let r = Int(truncatingIfNeeded: m) &* 2
            base[i &- 2] = pairs[r]
            base[i &- 1] = pairs[r &+ 1]
        } else {
            base[i &- 1] = UInt8(truncatingIfNeeded: m) &+ 0x30
        }
    }

    /// The JSON number literal of `d`, the bytes of ``DecimalNumber/description``: written in
    /// place, where the description makes a String (and the caller an array of its bytes) for
    /// every value with decimals. A scale of 1 to 18 (an Int64's digits) is written here; any
    /// other scale through the description itself.
    mutating func decimal(_ d: DecimalNumber) {
        guard d.scale > 0 && d.scale <= 18 else {
            append(Array(d.description.utf8))
            return
        }
        // As the description writes it: canonical, the trailing fractional zeros dropped.
        let c = d.canonical
        let units = c.units, scale = c.scale
        if scale == 0 {
            integer(units)
            return
        }
        var m = units.magnitude
        var digits = 1
        var t = m / 10
        while t > 0 { digits &+= 1; t /= 10 }
        // As the description pads them: at least one digit before the point.
        let length = (units < 0 ? 1 : 0) + max(digits, scale + 1) + 1
        reserve(length)
        var i = count &+ length
        for _ in 0..<scale {
            i &-= 1
            base[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
            m /= 10
        }
        i &-= 1
        base[i] = 0x2E
        repeat {
            i &-= 1
            base[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
            m /= 10
        } while m > 0
        if units < 0 {
            i &-= 1
            base[i] = 0x2D
        }
        count &+= length
    }

    /// `00` to `99`, the pair of digits of `n` at `2 * n`.
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// A JSON string with its quotes, as ``JSONValue/writeString(_:into:)`` writes it.
    @inline(__always)
    mutating func string(_ s: String) {
        append(0x22)
        stringBody(s)
        append(0x22)
    }

    /// ``string(_:)`` for a string that is short as a rule (a cell's raw text: a few digits): up
    /// to 16 bytes read in place one by one (no call per run, no eight-byte scan), each escaped or
    /// copied as ``escaped(_:)`` does; a longer one through ``string(_:)``.
    @inline(__always)
    mutating func shortString(_ s: String) {
        let written: Bool? = s.utf8.withContiguousStorageIfAvailable { src in
            let n = src.count
            guard n <= 16 else { return false }
            // Room for the quotes and every byte copied (an escaped byte makes its own room).
            reserve(n &+ 2)
            base[count] = 0x22
            count &+= 1
            for byte in src {
                if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    escaped(byte)
                    reserve(n &+ 1)
                } else {
                    base[count] = byte
                    count &+= 1
                }
            }
            base[count] = 0x22
            count &+= 1
            return true
        }
        if written != true { string(s) }
    }

    /// The bytes ``JSONValue/writeString(_:into:)`` writes for `s` between its quotes: runs that
    /// need no escaping copied whole, found eight bytes at a time.
    mutating func stringBody(_ s: String) {
        let done: Bool? = s.utf8.withContiguousStorageIfAvailable { src in
            escaped(src)
            return true
        }
        if done == nil {
            for byte in s.utf8 { escaped(byte) }
        }
    }

    private mutating func escaped(_ src: UnsafeBufferPointer<UInt8>) {
        guard let start = src.baseAddress else { return }
        let n = src.count
        var i = 0
        while i < n {
            let j = Self.nextEscape(start, from: i, count: n)
            if j > i { append(start + i, count: j &- i) }
            if j == n { return }
            escaped(start[j])
            i = j &+ 1
        }
    }

    /// The index of the first byte at or after `from` that JSON escapes (below 0x20, `"` or `\`),
    /// or `n`: eight bytes at a time with the tests of ``JSONValue/needsEscape(_:)`` (which never
    /// miss such a byte), the word that may hold one read byte by byte. A word of bytes that all
    /// have the high bit set (Chinese text: lead and continuation bytes) holds none of them and is
    /// passed on that one test.
    @inline(__always)
    private static func nextEscape(_ p: UnsafePointer<UInt8>, from: Int, count n: Int) -> Int {
        let raw = UnsafeRawPointer(p)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always)
        func flagged(_ at: Int) -> Bool {
            let w = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            if w & highs == highs { return false }
            let below = (w &- ones &* 0x20) & ~w & highs
            let q = w ^ (ones &* 0x22)
            let b = w ^ (ones &* 0x5C)
            return below | ((q &- ones) & ~q & highs) | ((b &- ones) & ~b & highs) != 0
        }
        var i = from
        while i < n {
            while i &+ 8 <= n {
                if flagged(i) { break }
                i &+= 8
            }
            // Fewer than eight bytes left: the last eight hold them all; none flagged, none is
            // escaped (a byte before `i` that is flagged only sends the tail to the loop below).
            if i &+ 8 > n && n >= 8 && !flagged(n &- 8) { return n }
            let end = min(i &+ 8, n)
            while i < end {
                let byte = p[i]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C { return i }
                i &+= 1
            }
        }
        return n
    }

    /// One byte as ``JSONValue/writeString(_:into:)`` writes it.
    @inline(__always)
    private mutating func escaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0..<0x20:
            append("\\u00")
            append(JSONValue.hex[Int(byte >> 4)])
            append(JSONValue.hex[Int(byte & 0xF)])
        default: append(byte)
        }
    }
}
