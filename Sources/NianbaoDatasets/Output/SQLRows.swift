import Nianbao
/// Rows for the SQLite dataset, encoded as bytes: prepared where a report is converted (in parallel,
/// and kept in the batch state), inserted later by ``SQLiteDataset`` without parsing the report again.
///
/// Encoding, per row: table (1 byte), value count (1 byte), then per value a tag byte: 0 null,
/// 1 integer (8 bytes little-endian), 2 real (8 bytes, IEEE 754 bit pattern), 3 text (4-byte length,
/// UTF-8), 4 the report's own JSON (stored once beside the rows, not repeated here).
package struct SQLRows: Sendable, Equatable {
    package enum Table: UInt8, CaseIterable, Sendable {
        case reports, cells, checks, diagnostics, errors

        var columns: Int {
            switch self {
            case .reports: return 17
            case .cells: return 14
            case .checks: return 7
            case .diagnostics: return 6
            case .errors: return 5
            }
        }

        var insert: String {
            switch self {
            case .reports: return "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            case .cells: return "INSERT INTO cells VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            case .checks: return "INSERT INTO checks VALUES (?,?,?,?,?,?,?)"
            case .diagnostics: return "INSERT INTO diagnostics VALUES (?,?,?,?,?,?)"
            case .errors: return "INSERT INTO errors VALUES (?,?,?,?,?)"
            }
        }
    }

    package enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        /// The report JSON (compact) that goes with these rows.
        case reportJSON
    }

    package private(set) var bytes: [UInt8] = []
    package private(set) var count = 0

    package init() {}

    package init?(bytes: [UInt8]) {
        self.bytes = bytes
        var n = 0
        guard (try? forEach({ _, _ in n += 1 })) != nil else { return nil }
        count = n
    }

    package mutating func append(_ table: Table, _ values: [Value]) {
        precondition(values.count == table.columns)
        bytes.append(table.rawValue)
        bytes.append(UInt8(values.count))
        for v in values {
            switch v {
            case .null: bytes.append(0)
            case .integer(let i): bytes.append(1); appendWord(UInt64(bitPattern: i))
            case .real(let d): bytes.append(2); appendWord(d.bitPattern)
            case .text(let s):
                bytes.append(3)
                let u = s.utf8
                let n = UInt32(u.count)
                for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: n >> (8 * k))) }
                bytes.append(contentsOf: u)
            case .reportJSON: bytes.append(4)
            }
        }
        count += 1
    }

    package mutating func append(contentsOf other: SQLRows) {
        bytes += other.bytes
        count += other.count
    }

    private mutating func appendWord(_ w: UInt64) {
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: w >> (8 * k))) }
    }

    struct Malformed: Error {}

    /// A decoded value; text as a slice of ``bytes`` (no copy).
    enum Field {
        case null, integer(Int64), real(Double), text(Range<Int>), reportJSON
    }

    /// Calls `body` with each row's table and fields (the field array is reused between rows).
    func forEach(_ body: (Table, [Field]) throws -> Void) throws {
        var i = 0
        var fields: [Field] = []
        fields.reserveCapacity(17)
        func word(_ at: Int) throws -> UInt64 {
            guard at + 8 <= bytes.count else { throw Malformed() }
            var w: UInt64 = 0
            for k in 0..<8 { w |= UInt64(bytes[at + k]) << (8 * k) }
            return w
        }
        while i < bytes.count {
            guard i + 2 <= bytes.count, let table = Table(rawValue: bytes[i]), Int(bytes[i + 1]) == table.columns else { throw Malformed() }
            i += 2
            fields.removeAll(keepingCapacity: true)
            for _ in 0..<table.columns {
                guard i < bytes.count else { throw Malformed() }
                let tag = bytes[i]
                i += 1
                switch tag {
                case 0: fields.append(.null)
                case 1: fields.append(.integer(Int64(bitPattern: try word(i)))); i += 8
                case 2: fields.append(.real(Double(bitPattern: try word(i)))); i += 8
                case 3:
                    guard i + 4 <= bytes.count else { throw Malformed() }
                    var n = 0
                    for k in 0..<4 { n |= Int(bytes[i + k]) << (8 * k) }
                    i += 4
                    guard i + n <= bytes.count else { throw Malformed() }
                    fields.append(.text(i..<(i + n)))
                    i += n
                case 4: fields.append(.reportJSON)
                default: throw Malformed()
                }
            }
            try body(table, fields)
        }
    }
}
