/// Builds the outline from the grid: finds section headings, the title and preface before them,
/// and each section's narrative with its （一） subsections.
struct OutlineBuilder: Sendable {
    var rows: [GridRow]
    var joiner: ParagraphJoiner
    /// `rows[i].text.scalarCount` for the rows outside tables (0 for the others): counted once, asked
    /// by the joiner's widths, its paragraph breaks and the headings' lengths.
    var scalarCounts: [Int]
    /// `HeadingTokenizer.marker(rows[i].text)` for the rows outside tables (nil for the others):
    /// read once, asked by the section headings and, whether there is one, by the paragraph breaks.
    var markers: [(HeadingToken.Level, Int, Int)?]

    init(rows: [GridRow]) {
        self.rows = rows
        var counts = [Int](repeating: 0, count: rows.count)
        var markers = [(HeadingToken.Level, Int, Int)?](repeating: nil, count: rows.count)
        // The rows borrowed through the buffer (their texts not retained), each text's bytes read
        // once for both.
        rows.withUnsafeBufferPointer { rows in
            for i in rows.indices where rows[i].table == nil {
                let read = rows[i].text.utf8.withContiguousStorageIfAvailable { b in (Self.scalarCount(utf8: b), HeadingTokenizer.marker(utf8: b)) }
                let (count, marker) = read ?? (Self.scalarCount(rows[i].text), HeadingTokenizer.marker(rows[i].text))
                counts[i] = count
                markers[i] = marker
            }
        }
        scalarCounts = counts
        self.markers = markers
        self.joiner = ParagraphJoiner(rows: rows, scalarCounts: counts)
    }

    /// `text.scalarCount` (`unicodeScalars.count`), eight bytes at a time: the bytes that are not
    /// continuation bytes (10xxxxxx) each start a scalar.
    static func scalarCount(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable(scalarCount(utf8:)) ?? text.unicodeScalars.count
    }

    /// ``scalarCount(_:)`` of the UTF-8 bytes `b`. The continuation bytes of each eight are
    /// counted at once (``continuationBytes(_:)``), and those of the last few in the last eight
    /// bytes, the ones already counted shifted out (a row is some fifty bytes: a byte loop for
    /// its end, and the lane sums the count was made of before, cost more than its words).
    static func scalarCount(utf8 b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        var continuation = 0
        guard n >= 8 else {
            for byte in b where byte & 0xC0 == 0x80 { continuation &+= 1 }
            return n &- continuation
        }
        let raw = UnsafeRawBufferPointer(b)
        var i = 0
        while i &+ 8 <= n {
            continuation &+= continuationBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i &+= 8
        }
        let left = n &- i
        if left > 0 {
            // The bytes from `n - 8` in memory order (the lowest first): the first `8 - left` of
            // them were counted.
            let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
            continuation &+= continuationBytes(last &>> UInt64((8 &- left) &* 8))
        }
        return n &- continuation
    }

    /// How many of the eight bytes of `w` are continuation bytes (bit 7 set, bit 6 clear): a 1 in
    /// each such byte's lowest bit, summed into the top byte by one multiplication (the target
    /// has no popcount instruction).
    @inline(__always)
    static func continuationBytes(_ w: UInt64) -> Int {
        let ones = (w & ~(w &<< 1) & 0x8080_8080_8080_8080) &>> 7
        return Int(truncatingIfNeeded: (ones &* 0x0101_0101_0101_0101) &>> 56)
    }

    /// Whether `text.scalarCount >= n`: the bytes that are not continuation bytes counted until
    /// there are `n` of them (a table section's paragraph is long, and only its start is read).
    static func hasScalars(_ n: Int, _ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { b -> Bool in
            var count = 0
            for byte in b where byte & 0xC0 != 0x80 {
                count += 1
                if count >= n { return true }
            }
            return count >= n
        }
        return found ?? (text.unicodeScalars.count >= n)
    }

    func build(legacy: Bool = false) -> Outline {
        let headings = findHeadings()
        let frontEnd = headings.first?.row ?? rows.count
        let front = 0..<frontEnd
        let titleRows = TitleFinder.titleRows(rows[front])
        let prefaceRows = front.lazy.filter { titleRows?.contains($0) != true }
        // The paragraphs' texts joined as `joined(separator: "\n")` joins them, into room made for
        // all of them at once, without an array of the texts.
        let paragraphs = joiner.paragraphs(rows, prefaceRows, scalarCounts: scalarCounts, markers: markers)
        var preface = ""
        if !paragraphs.isEmpty {
            var size = paragraphs.count - 1
            for p in paragraphs { size += p.text.utf8.count }
            preface.reserveCapacity(size)
        }
        for i in paragraphs.indices {
            if i > 0 { preface.append("\n") }
            preface.append(paragraphs[i].text)
        }

        var spans: [Outline.SectionSpan] = []
        spans.reserveCapacity(headings.count)
        for (n, h) in headings.enumerated() {
            let end = n + 1 < headings.count ? headings[n + 1].row : rows.count
            let body = (h.row + 1)..<end
            let isTable: Bool
            switch h.key {
            case .activeDisclosure?, .applications?, .reviewLitigation?: isTable = !legacy
            default: isTable = false
            }
            let (text, subsections) = narrative(body, tableSection: isTable)
            var heading = rows[h.row].text
            var lead = ""
            // A heading row is outside tables: its count is known.
            if scalarCounts[h.row] > 40, let stop = heading.firstIndex(where: { $0 == "。" || $0 == "：" }) {
                lead = String(heading[heading.index(after: stop)...]).trimmingTrailingSpaces()
                heading = String(heading[..<stop])
            }
            let section = Section(
                number: h.number, key: h.key, heading: heading,
                text: lead.isEmpty ? text : (text.isEmpty ? lead : lead + "\n" + text),
                subsections: subsections, at: rows[h.row].at)
            spans.append(Outline.SectionSpan(section: section, body: body))
        }
        return Outline(titleRows: titleRows, preface: preface, front: front, spans: spans)
    }

    struct Heading {
        var row: Int
        /// The number of its marker (``HeadingToken/number``).
        var number: Int
        var key: Section.Key?
    }

    /// Section headings in order. A 一、-style line is a heading when it is not a table row, and either
    /// continues the numbering or names a standard section not seen yet.
    func findHeadings() -> [Heading] {
        // Room for the headings of a report as a rule (seven sections at most in the standard
        // outline), not grown 1, 2, 4, 8.
        var out: [Heading] = []
        out.reserveCapacity(8)
        // At most six keys: a list, not a hashed set.
        var seen: [Section.Key] = []
        seen.reserveCapacity(6)
        var last = 0
        // By index: the rows are read in place, not copied out of the array.
        for i in rows.indices where rows[i].table == nil {
            // `HeadingTokenizer.token(rows[i].text, level: .section)`, from the marker read in `init`.
            guard let (level, number, end) = markers[i], level == .section else { continue }
            // Both questions on the heading's words (the token's `rest`, not empty) asked of one
            // match key, made from the row's bytes: the token's Strings are not made.
            guard let (isTableRowLabel, sectionKey) = Self.classifyRest(rows[i].text, end), !isTableRowLabel else { continue }
            let cells = rows[i].cells
            if let lastCell = cells.last, cells.count > 1, RowCollector.splitValues(lastCell) != nil { continue }
            var key = sectionKey
            if let k = key, seen.contains(k) { key = nil }
            let continues = number == last + 1
            guard continues || key != nil else { continue }
            // A long narrative sentence that happens to start with 一、 is not a heading unless it names a section.
            if key == nil && scalarCounts[i] > 40 { continue }
            if let k = key { seen.append(k) }
            out.append(Heading(row: i, number: number, key: key))
            last = number
        }
        return out
    }

    /// For the words after the marker of `end` scalars (``HeadingTokenizer/make(_:_:_:_:)``'s
    /// `rest`) with match key `k`: `SectionClassifier.isTableRowLabel(matchKey: k)` and, when that
    /// is false, `SectionClassifier.key(matchKey: k)` (nil otherwise); nil where the rest is empty.
    /// The key is read on the row's bytes in place: a String is made only when it differs from
    /// the rest (``TextNormalizer/byteMatchKey(_:)``), and neither the marker's nor the rest's.
    static func classifyRest(_ text: String, _ end: Int) -> (isTableRowLabel: Bool, key: Section.Key?)? {
        // The key's byte mask made once for both questions.
        @inline(__always) func classify(_ k: UnsafeBufferPointer<UInt8>) -> (Bool, Section.Key?) {
            let mask = String.byteMask(k)
            if SectionClassifier.isTableRowLabel(matchKeyUTF8: k, mask: mask) { return (true, nil) }
            return (false, SectionClassifier.key(matchKeyUTF8: k, mask: mask))
        }
        let inPlace = text.utf8.withContiguousStorageIfAvailable { b -> (Bool, Section.Key?)? in
            let j = HeadingTokenizer.cut(b, end).restStart
            guard j < b.count else { return nil }
            let rest = UnsafeBufferPointer(rebasing: b[j...])
            switch TextNormalizer.byteMatchKey(rest) {
            case .unchanged: return classify(rest)
            case .folded(var k): return k.withUTF8(classify)
            case .general:
                var k = TextNormalizer.generalMatchKey(String(validUTF8: rest))
                return k.withUTF8(classify)
            }
        }
        if let inPlace { return inPlace }
        let rest = HeadingTokenizer.make(.section, 0, text, end).rest
        guard !rest.isEmpty else { return nil }
        var k = TextNormalizer.matchKey(rest)
        return k.withUTF8(classify)
    }

    /// Narrative of a section body: text before the first （一） and the subsections.
    /// In table sections only prose sentences are kept (table rows and headers are not narrative).
    func narrative(_ body: Range<Int>, tableSection: Bool) -> (String, [Subsection]) {
        // The rows captured by the filter, not the whole builder (its arrays retained with it).
        let rows = self.rows
        let paragraphs = joiner.paragraphs(
            rows, body.lazy.filter { rows[$0].table == nil }, scalarCounts: scalarCounts, markers: markers, endingInFullStop: tableSection)
        if tableSection {
            // The kept paragraphs' texts joined as `joined(separator: "\n")` joins them, without an
            // array of the kept paragraphs and another of their texts. Every paragraph here ends
            // in the byte 0x82, 。's last (`endingInFullStop`: the others were not made): the
            // scalars counted only up to 20 (`scalarCount >= 20`), then the Character test decides.
            var text = ""
            var first = true
            for p in paragraphs where Self.hasScalars(20, p.text) && p.text.hasSuffix("。") && !p.text.includes("勾稽关系") {
                if !first { text.append("\n") }
                text.append(p.text)
                first = false
            }
            return (text, [])
        }
        // The paragraphs before the first subsection and those of each subsection joined as
        // `joined(separator: "\n")` joins them, each appended to its text as it comes (no arrays
        // of texts to join), `parts` counting them.
        var text = ""
        var parts = 0
        var subsections: [Subsection] = []
        var current: (marker: String, heading: String, text: String, parts: Int)?
        // The subsection before moved out of `current` (`take()`), not copied.
        for p in paragraphs {
            if let (marker, heading, rest) = Self.subsection(p.text, marker: paragraphMarker(p)) {
                if let c = current.take() { subsections.append(Subsection(marker: c.marker, heading: c.heading, text: c.text)) }
                // Room for a section's subsections as a rule, made at its first one (not grown 1, 2, 4, 8).
                if subsections.isEmpty { subsections.reserveCapacity(8) }
                current = (marker, heading, rest, rest.isEmpty ? 0 : 1)
            } else if current != nil {
                if current!.parts > 0 { current!.text.append("\n") }
                current!.text.append(p.text)
                current!.parts += 1
            } else {
                if parts > 0 { text.append("\n") }
                text.append(p.text)
                parts += 1
            }
        }
        if let c = current.take() { subsections.append(Subsection(marker: c.marker, heading: c.heading, text: c.text)) }
        return (text, subsections)
    }

    /// `HeadingTokenizer.marker(p.text)`: the marker read in `init` when the paragraph's text is
    /// its first row's (a paragraph's text starts with its first row's, so as many bytes are the
    /// same bytes), for a row outside tables (the rows of a narrative).
    func paragraphMarker(_ p: ParagraphJoiner.Paragraph) -> (HeadingToken.Level, Int, Int)? {
        let first = p.firstRow
        if rows[first].table == nil && p.text.utf8.count == rows[first].text.utf8.count { return markers[first] }
        return HeadingTokenizer.marker(p.text)
    }

    /// The marker, heading and text of a paragraph that starts with a subsection marker
    /// (`（一）持续推进主动公开。严格执行…` → `（一）`, `持续推进主动公开。`, `严格执行…`): the token's
    /// `marker` (``HeadingTokenizer/token(_:level:)`` with `.subsection`) and ``splitSubheading(_:)``
    /// of its `rest`, the rest split on the paragraph's bytes in place (not made a String first).
    static func subsection(_ text: String) -> (marker: String, heading: String, rest: String)? {
        subsection(text, marker: HeadingTokenizer.marker(text))
    }

    /// ``subsection(_:)`` of a text whose marker (``HeadingTokenizer/marker(_:)``) is `marker`.
    static func subsection(_ text: String, marker: (HeadingToken.Level, Int, Int)?) -> (marker: String, heading: String, rest: String)? {
        guard let (level, n, end) = marker, level == .subsection else { return nil }
        let parts = text.utf8.withContiguousStorageIfAvailable { b in
            let (i, j) = HeadingTokenizer.cut(b, end)
            let marker = String(validUTF8: UnsafeBufferPointer(rebasing: b[..<i])).trimmingTrailingSpaces()
            let (heading, rest) = splitSubheading(utf8: UnsafeBufferPointer(rebasing: b[j...]))
            return (marker, heading, rest)
        }
        if let parts { return parts }
        let token = HeadingTokenizer.make(level, n, text, end)
        let (heading, rest) = splitSubheading(token.rest)
        return (token.marker, heading, rest)
    }

    /// `持续推进主动公开。严格执行…` → (`持续推进主动公开。`, `严格执行…`).
    static func splitSubheading(_ rest: String) -> (String, String) {
        var text = rest
        return text.withUTF8(splitSubheading(utf8:))
    }

    /// ``splitSubheading(_:)`` of the text whose valid UTF-8 bytes are `b`.
    static func splitSubheading(utf8 b: UnsafeBufferPointer<UInt8>) -> (String, String) {
        // Only the first 40 scalars can hold the stop: the rest of a long paragraph is not scanned
        // or copied scalar by scalar (the parts are cut at a scalar's bytes, never rounded to Characters).
        if let end = stopEnd(b) {
            let heading = String(validUTF8: UnsafeBufferPointer(rebasing: b[..<end]))
            return (heading, String(validUTF8: UnsafeBufferPointer(rebasing: b[end...])).trimmingLeadingSpaces())
        }
        let rest = String(validUTF8: b)
        if scalarCount(utf8: b) <= 40 { return (rest, "") }
        return ("", rest)
    }

    /// The offset just after the first 。 (U+3002) or ： (U+FF1A) among the first 40 scalars of
    /// valid UTF-8 `b`, decoded in place.
    static func stopEnd(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var n = 0
        while i < b.count && n < 40 {
            let (v, next) = b.scalar(at: i)
            if v == 0x3002 || v == 0xFF1A { return next }
            i = next
            n += 1
        }
        return nil
    }
}
