/// Joins wrapped lines into paragraphs. A paragraph starts where the reader saw one (blank line,
/// indent, block element), at a heading marker, or after a short line ending a sentence.
struct ParagraphJoiner: Sendable {
    /// Lines at least this long (in scalars) are taken as wrapped, whatever they end with.
    var wrapWidth: Int

    init(rows: [GridRow]) {
        self.init(rows: rows, scalarCounts: rows.map { $0.table == nil ? $0.text.scalarCount : 0 })
    }

    /// With `scalarCounts[i]`, the scalar count of `rows[i].text` for every row outside a table
    /// and 0 for a row in one (counted once by the caller, which asks for them again). The widths
    /// are read from the counts alone: a row in a table counts 0, below the least width, so the
    /// rows themselves are not read again.
    init(rows: [GridRow], scalarCounts: [Int]) {
        precondition(scalarCounts.count == rows.count, "a count for each row")
        var widths: [Int] = []
        widths.reserveCapacity(rows.count)
        for count in scalarCounts where count >= 10 { widths.append(count) }
        wrapWidth = widths.isEmpty ? Int.max : max(10, Self.orderStatistic(&widths, (widths.count * 9) / 10) - 3)
    }

    /// `values.sorted()[k]`, found by selection (partitions around a middle value, only the part
    /// holding index `k` read on) instead of sorting them all; `values` is left reordered.
    static func orderStatistic(_ values: inout [Int], _ k: Int) -> Int {
        precondition(k >= 0 && k < values.count)
        return values.withUnsafeMutableBufferPointer { v in
            var lo = 0
            var hi = v.count - 1
            while lo < hi {
                let pivot = v[(lo + hi) / 2]
                var i = lo
                var j = hi
                // Afterwards v[lo...j] <= pivot, v[i...hi] >= pivot, and any between equal it.
                while i <= j {
                    while v[i] < pivot { i += 1 }
                    while v[j] > pivot { j -= 1 }
                    if i <= j {
                        v.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j {
                    hi = j
                } else if k >= i {
                    lo = i
                } else {
                    return v[k]
                }
            }
            return v[k]
        }
    }

    struct Paragraph: Sendable {
        var text: String
        /// The index in `rows` of its first row.
        var firstRow: Int
    }

    /// The paragraphs of `rows[i]` for `i` in `indices` (in order), with `scalarCounts` as in
    /// ``init(rows:scalarCounts:)``. The rows are read in place (not copied out of the array), and
    /// each row's heading marker is looked for once (it is asked again as the previous row's);
    /// `markers[i]`, for a row outside tables, is `HeadingTokenizer.marker(rows[i].text)` already
    /// read (``OutlineBuilder/markers``). The indices are distinct (each row read once).
    ///
    /// A paragraph's rows are gathered first and its text made once it ends, in a String of the
    /// size it needs (appended row by row, it was copied out of its first row's and grown again as
    /// it went). `endingInFullStop`: only the paragraphs whose text ends in the byte 0x82 (the last
    /// byte of 。, which a table section keeps, ``OutlineBuilder/narrative(_:tableSection:)``),
    /// the others not made at all (a table section's rows join into long paragraphs it drops):
    /// a paragraph's text ends in the last byte of its last row with any text, as
    /// ``append(_:to:)`` appends nothing else after it.
    func paragraphs<S: Sequence<Int>>(
        _ rows: [GridRow], _ indices: S, scalarCounts: [Int], markers: [(HeadingToken.Level, Int, Int)?]? = nil, endingInFullStop: Bool = false
    ) -> [Paragraph] {
        var out: [Paragraph] = []
        // A section's paragraphs are a few as a rule: room for them at once, not grown 1, 2, 4, 8.
        out.reserveCapacity(16)
        // A paragraph holds at most every row once.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: rows.count) { run in
            var count = 0  // rows of the current paragraph, in `run[0..<count]`
            var previous: (index: Int, marker: Bool)?
            for index in indices {
                var marker: Bool?
                let joins =
                    if let prev = previous, count > 0 {
                        !startsNew(rows, index, after: prev.index, prevMarker: prev.marker, marker: &marker, scalarCounts, markers)
                    } else {
                        false
                    }
                if !joins {
                    if count > 0 { Self.close(UnsafeBufferPointer(rebasing: run[0..<count]), rows, endingInFullStop, into: &out) }
                    count = 0
                }
                // Distinct indices of `rows` fit; a list that does not stops here.
                precondition(count < run.count, "a row listed twice, or not a row")
                run[count] = index
                count += 1
                previous = (index, marker ?? Self.startsWithMarker(rows, index, markers))
            }
            if count > 0 { Self.close(UnsafeBufferPointer(rebasing: run[0..<count]), rows, endingInFullStop, into: &out) }
            return out
        }
    }

    /// Appends the paragraph of the rows `run` to `out` (with `endingInFullStop` as in
    /// ``paragraphs(_:_:scalarCounts:markers:endingInFullStop:)``): a row's own text when it is
    /// alone, else the rows joined by ``append(_:to:)`` into a String reserved for all of them
    /// (their bytes and a space between each two at most).
    private static func close(_ run: UnsafeBufferPointer<Int>, _ rows: [GridRow], _ endingInFullStop: Bool, into out: inout [Paragraph]) {
        if endingInFullStop {
            var last: UInt8?
            for i in run.reversed() {
                last = Self.lastByte(rows[i].text)
                if last != nil { break }
            }
            guard last == 0x82 else { return }
        }
        if run.count == 1 {
            out.append(Paragraph(text: rows[run[0]].text, firstRow: run[0]))
            return
        }
        var size = run.count - 1
        for i in run { size += rows[i].text.utf8.count }
        var text = ""
        text.reserveCapacity(size)
        for i in run { append(rows[i].text, to: &text) }
        out.append(Paragraph(text: text, firstRow: run[0]))
    }

    /// `HeadingTokenizer.startsWithMarker(rows[i].text)`, from `markers` where it is known (for
    /// a row outside tables).
    @inline(__always)
    private static func startsWithMarker(_ rows: [GridRow], _ i: Int, _ markers: [(HeadingToken.Level, Int, Int)?]?) -> Bool {
        if let markers, rows[i].table == nil { return markers[i] != nil }
        return HeadingTokenizer.startsWithMarker(rows[i].text)
    }

    /// ``startsNew(_:after:)`` for `rows[i]` after `rows[p]`; `prevMarker` is whether the previous
    /// row starts with a heading marker, and `marker` is set when this row's is looked for.
    @inline(__always)
    private func startsNew(
        _ rows: [GridRow], _ i: Int, after p: Int, prevMarker: Bool, marker: inout Bool?, _ scalarCounts: [Int], _ markers: [(HeadingToken.Level, Int, Int)?]?
    ) -> Bool {
        // The rows' members read in place (no row copied).
        if rows[i].startsParagraph || rows[i].table != nil || rows[p].table != nil { return true }
        let m = Self.startsWithMarker(rows, i, markers)
        marker = m
        if m { return true }
        // Both rows are outside tables here: their counts are known.
        let prevCount = scalarCounts[p]
        if prevCount < wrapWidth, let last = Self.lastScalar(rows[p].text), Self.endsSentence(last) { return true }
        // A heading line (short, its own marker) stands alone.
        if prevMarker && prevCount < wrapWidth / 2 { return true }
        return false
    }

    func startsNew(_ row: GridRow, after prev: GridRow) -> Bool {
        if row.startsParagraph || row.table != nil || prev.table != nil { return true }
        if HeadingTokenizer.token(row.text) != nil { return true }
        let ends = prev.text.unicodeScalars.last.map { "。！？：；!?:;".unicodeScalars.contains($0) } ?? false
        if ends && prev.text.scalarCount < wrapWidth { return true }
        // A heading line (short, its own marker) stands alone.
        if HeadingTokenizer.token(prev.text) != nil && prev.text.scalarCount < wrapWidth / 2 { return true }
        return false
    }

    /// `text.utf8.last`, read in the String's bytes in place (the collection's `last` stepped its
    /// index back for it, some 75 instructions a row).
    @inline(__always)
    static func lastByte(_ text: String) -> UInt8? {
        text.utf8.withContiguousStorageIfAvailable { $0.last } ?? text.utf8.last
    }

    /// `text.unicodeScalars.last`, decoded from the String's last bytes in place: the last byte
    /// that is no continuation byte (10xxxxxx) starts it (a String's bytes are valid UTF-8).
    static func lastScalar(_ text: String) -> Unicode.Scalar? {
        let found = text.utf8.withContiguousStorageIfAvailable { b -> Unicode.Scalar? in
            guard var i = b.indices.last else { return nil }
            while i > 0 && b[i] & 0xC0 == 0x80 { i -= 1 }
            return Unicode.Scalar(b.scalar(at: i).value)
        }
        return found ?? text.unicodeScalars.last
    }

    /// One of `。！？：；!?:;`.
    @inline(__always)
    static func endsSentence(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "。", "！", "？", "：", "；", "!", "?", ":", ";": return true
        default: return false
        }
    }

    /// Joins two wrapped pieces: no space between CJK text, one space between ASCII words.
    static func join(_ a: String, _ b: String) -> String {
        var s = a
        append(b, to: &s)
        return s
    }

    /// Appends in place (linear over a long paragraph, where `a + b` would be quadratic).
    static func append(_ b: String, to a: inout String) {
        // `a`'s last and `b`'s first scalar (``isASCIIWord(_:)``) by their bytes: a scalar is ASCII
        // exactly when its UTF-8 is one byte below 0x80, and a last or first byte below 0x80 is
        // such a scalar (the bytes of longer ones are all 0x80 and above).
        // (``lastByte(_:)``: read in place.)
        if let last = lastByte(a), let first = b.utf8.first, isASCIIWord(byte: last), isASCIIWord(byte: first) {
            a.append(" ")
        }
        a.append(b)
    }

    /// ``isASCIIWord(_:)`` of the scalar whose UTF-8 ends (or starts) with `byte`.
    @inline(__always)
    static func isASCIIWord(byte b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    @inline(__always)
    static func isASCIIWord(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9"))
    }
}
