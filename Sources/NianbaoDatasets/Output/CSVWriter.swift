import Nianbao

/// CSV written straight into bytes: the quoting rule of ``CSV`` lives here.
package struct CSVWriter {
    package var bytes: [UInt8] = []
    private var atLineStart = true

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func field(_ s: String) {
        if !atLineStart { bytes.append(0x2C) }
        atLineStart = false
        var s = s
        s.withUTF8 { u in
            guard !u.isEmpty else { return }
            var quote = u.first == 0x20 || u.first == 0x09 || u.last == 0x20 || u.last == 0x09
            if !quote { for b in u where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { quote = true; break } }
            guard quote else { bytes.append(contentsOf: u); return }
            bytes.append(0x22)
            for b in u {
                if b == 0x22 { bytes.append(0x22) }
                bytes.append(b)
            }
            bytes.append(0x22)
        }
    }

    package mutating func endLine() {
        bytes.append(0x0A)
        atLineStart = true
    }
}
