/// Builds the outline from the grid: finds section headings, the title and preface before them,
/// and each section's narrative with its （一） subsections.
struct OutlineBuilder: Sendable {
    var rows: [GridRow]
    var joiner: ParagraphJoiner
    /// `rows[i].text.scalarCount` for the rows outside tables (0 for the others): counted once, asked
    /// by the joiner's widths, its paragraph breaks and the headings' lengths.
    var scalarCounts: [Int]
    /// `HeadingTokenizer.marker(rows[i].text)` for the rows outside tables (nil for the others):
    /// read once, asked by the section headings and, as ``hasMarker``, by the paragraph breaks.
    var markers: [(HeadingToken.Level, Int, Int)?]
    /// Whether `rows[i].text` starts with a heading marker, for the rows outside tables (nil for
    /// the others: not read here).
    var hasMarker: [Bool?]

    init(rows: [GridRow]) {
        self.rows = rows
        var counts = [Int](repeating: 0, count: rows.count)
        var markers = [(HeadingToken.Level, Int, Int)?](repeating: nil, count: rows.count)
        var hasMarker = [Bool?](repeating: nil, count: rows.count)
        // The rows borrowed through the buffer (their texts not retained), each text's bytes read
        // once for both.
        rows.withUnsafeBufferPointer { rows in
            for i in rows.indices where rows[i].table == nil {
                let read = rows[i].text.utf8.withContiguousStorageIfAvailable { b in (Self.scalarCount(utf8: b), HeadingTokenizer.marker(utf8: b)) }
                let (count, marker) = read ?? (Self.scalarCount(rows[i].text), HeadingTokenizer.marker(rows[i].text))
                counts[i] = count
                markers[i] = marker
                hasMarker[i] = marker != nil
            }
        }
        scalarCounts = counts
        self.markers = markers
        self.hasMarker = hasMarker
        self.joiner = ParagraphJoiner(rows: rows, scalarCounts: counts)
    }

    /// `text.scalarCount` (`unicodeScalars.count`), eight bytes at a time: the bytes that are not
    /// continuation bytes (10xxxxxx) each start a scalar. The continuation bytes of a word are
    /// added up per byte lane (a 1 in each lane that holds one) and the lanes summed once per 255
    /// words, where a lane is full: the target has no popcount instruction, and a counted word
    /// cost twice the bytes' own test.
    static func scalarCount(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable(scalarCount(utf8:)) ?? text.unicodeScalars.count
    }

    /// ``scalarCount(_:)`` of the UTF-8 bytes `b`.
    static func scalarCount(utf8 b: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawBufferPointer(b)
        var continuation = 0
        var i = 0
        while i &+ 8 <= b.count {
            var lanes: UInt64 = 0
            var words = 0
            while i &+ 8 <= b.count && words < 255 {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Bit 7 set and bit 6 clear, per byte, moved to the byte's bit 0.
                lanes &+= (w & ~(w << 1) & 0x8080_8080_8080_8080) >> 7
                i &+= 8
                words &+= 1
            }
            // The eight lanes (at most 255 each) added in pairs into four 16-bit lanes, and
            // those by one multiplication into the top 16 bits.
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
            continuation &+= Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        while i < b.count {
            if b[i] & 0xC0 == 0x80 { continuation += 1 }
            i += 1
        }
        return b.count - continuation
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
        let preface = joiner.paragraphs(rows, prefaceRows, scalarCounts: scalarCounts, hasMarker: hasMarker)
            .map(\.text).joined(separator: "\n")

        var spans: [Outline.SectionSpan] = []
        for (n, h) in headings.enumerated() {
            let end = n + 1 < headings.count ? headings[n + 1].row : rows.count
            let body = (h.row + 1)..<end
            let isTable = !legacy && [.activeDisclosure, .applications, .reviewLitigation].contains(h.key)
            let (text, subsections) = narrative(body, tableSection: isTable)
            var heading = rows[h.row].text
            var lead = ""
            // A heading row is outside tables: its count is known.
            if scalarCounts[h.row] > 40, let stop = heading.firstIndex(where: { $0 == "。" || $0 == "：" }) {
                lead = String(heading[heading.index(after: stop)...]).trimmingTrailingSpaces()
                heading = String(heading[..<stop])
            }
            let section = Section(
                number: h.token.number, key: h.key, heading: heading,
                text: lead.isEmpty ? text : (text.isEmpty ? lead : lead + "\n" + text),
                subsections: subsections, at: rows[h.row].at)
            spans.append(Outline.SectionSpan(section: section, body: body))
        }
        return Outline(titleRows: titleRows, preface: preface, front: front, spans: spans)
    }

    struct Heading {
        var row: Int
        var token: HeadingToken
        var key: Section.Key?
    }

    /// Section headings in order. A 一、-style line is a heading when it is not a table row, and either
    /// continues the numbering or names a standard section not seen yet.
    func findHeadings() -> [Heading] {
        var out: [Heading] = []
        // At most six keys: a list, not a hashed set.
        var seen: [Section.Key] = []
        var last = 0
        // By index: the rows are read in place, not copied out of the array.
        for i in rows.indices where rows[i].table == nil {
            // `HeadingTokenizer.token(rows[i].text, level: .section)`, from the marker read in `init`.
            guard let (level, n, end) = markers[i], level == .section else { continue }
            let token = HeadingTokenizer.make(level, n, rows[i].text, end)
            guard !token.rest.isEmpty else { continue }
            // One match key for both questions on the heading's words.
            let matchKey = TextNormalizer.matchKey(token.rest)
            if SectionClassifier.isTableRowLabel(matchKey: matchKey) { continue }
            let cells = rows[i].cells
            if let lastCell = cells.last, cells.count > 1, RowCollector.splitValues(lastCell) != nil { continue }
            var key = SectionClassifier.key(matchKey: matchKey)
            if let k = key, seen.contains(k) { key = nil }
            let continues = token.number == last + 1
            guard continues || key != nil else { continue }
            // A long narrative sentence that happens to start with 一、 is not a heading unless it names a section.
            if key == nil && scalarCounts[i] > 40 { continue }
            if let k = key { seen.append(k) }
            out.append(Heading(row: i, token: token, key: key))
            last = token.number
        }
        return out
    }

    /// Narrative of a section body: text before the first （一） and the subsections.
    /// In table sections only prose sentences are kept (table rows and headers are not narrative).
    func narrative(_ body: Range<Int>, tableSection: Bool) -> (String, [Subsection]) {
        var paragraphs = joiner.paragraphs(
            rows, body.lazy.filter { rows[$0].table == nil }, scalarCounts: scalarCounts, hasMarker: hasMarker, endingInFullStop: tableSection)
        if tableSection {
            paragraphs = paragraphs.filter { p in
                // Every paragraph here ends in the byte 0x82, 。's last (`endingInFullStop`: the
                // others were not made): the scalars counted only up to 20 (`scalarCount >= 20`),
                // then the Character test decides.
                Self.hasScalars(20, p.text) && p.text.hasSuffix("。") && !p.text.includes("勾稽关系")
            }
            return (paragraphs.map(\.text).joined(separator: "\n"), [])
        }
        var text: [String] = []
        var subsections: [Subsection] = []
        var current: (marker: String, heading: String, text: [String])?
        for p in paragraphs {
            if let token = HeadingTokenizer.token(p.text, level: .subsection) {
                if let c = current { subsections.append(Subsection(marker: c.marker, heading: c.heading, text: c.text.joined(separator: "\n"))) }
                let (heading, rest) = Self.splitSubheading(token.rest)
                current = (token.marker, heading, rest.isEmpty ? [] : [rest])
            } else if current != nil {
                current!.text.append(p.text)
            } else {
                text.append(p.text)
            }
        }
        if let c = current { subsections.append(Subsection(marker: c.marker, heading: c.heading, text: c.text.joined(separator: "\n"))) }
        return (text.joined(separator: "\n"), subsections)
    }

    /// `持续推进主动公开。严格执行…` → (`持续推进主动公开。`, `严格执行…`).
    static func splitSubheading(_ rest: String) -> (String, String) {
        // Only the first 40 scalars can hold the stop: the rest of a long paragraph is not scanned
        // or copied scalar by scalar (the parts are cut at a scalar's bytes, never rounded to Characters).
        var text = rest
        let split: (String, String)? = text.withUTF8 { b in
            guard let end = stopEnd(b) else { return nil }
            let heading = String(validUTF8: UnsafeBufferPointer(rebasing: b[..<end]))
            return (heading, String(validUTF8: UnsafeBufferPointer(rebasing: b[end...])).trimmingLeadingSpaces())
        }
        if let split { return split }
        if rest.scalarCount <= 40 { return (rest, "") }
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
