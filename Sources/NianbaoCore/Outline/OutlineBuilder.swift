/// Builds the outline from the grid: finds section headings, the title and preface before them,
/// and each section's narrative with its （一） subsections.
struct OutlineBuilder: Sendable {
    var rows: [GridRow]
    var joiner: ParagraphJoiner

    init(rows: [GridRow]) {
        self.rows = rows
        self.joiner = ParagraphJoiner(rows: rows)
    }

    func build(legacy: Bool = false) -> Outline {
        let headings = findHeadings()
        let frontEnd = headings.first?.row ?? rows.count
        let front = 0..<frontEnd
        let titleRows = TitleFinder.titleRows(rows[front])
        var prefaceRows = Array(front)
        if let t = titleRows { prefaceRows.removeAll { t.contains($0) } }
        let preface = joiner.paragraphs(ArraySlice(prefaceRows.map { rows[$0] }))
            .map(\.text).joined(separator: "\n")

        var spans: [Outline.SectionSpan] = []
        for (n, h) in headings.enumerated() {
            let end = n + 1 < headings.count ? headings[n + 1].row : rows.count
            let body = (h.row + 1)..<end
            let isTable = !legacy && [.activeDisclosure, .applications, .reviewLitigation].contains(h.key)
            let (text, subsections) = narrative(body, tableSection: isTable)
            var heading = rows[h.row].text
            var lead = ""
            if heading.scalarCount > 40, let stop = heading.firstIndex(where: { $0 == "。" || $0 == "：" }) {
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
        var seen = Set<Section.Key>()
        var last = 0
        for (i, row) in rows.enumerated() where row.table == nil {
            guard let token = HeadingTokenizer.token(row.text), token.level == .section, !token.rest.isEmpty else { continue }
            if SectionClassifier.isTableRowLabel(token.rest) { continue }
            if let lastCell = row.cells.last, row.cells.count > 1, RowCollector.splitValues(lastCell) != nil { continue }
            var key = SectionClassifier.key(forHeading: token.rest)
            if let k = key, seen.contains(k) { key = nil }
            let continues = token.number == last + 1
            guard continues || key != nil else { continue }
            // A long narrative sentence that happens to start with 一、 is not a heading unless it names a section.
            if key == nil && row.text.scalarCount > 40 { continue }
            if let k = key { seen.insert(k) }
            out.append(Heading(row: i, token: token, key: key))
            last = token.number
        }
        return out
    }

    /// Narrative of a section body: text before the first （一） and the subsections.
    /// In table sections only prose sentences are kept (table rows and headers are not narrative).
    func narrative(_ body: Range<Int>, tableSection: Bool) -> (String, [Subsection]) {
        var paragraphs = joiner.paragraphs(rows[body].filter { $0.table == nil }[...])
        if tableSection {
            paragraphs = paragraphs.filter { p in
                let n = p.text.scalarCount
                // 。 (E3 80 82) has no other canonical spelling: a text ending in it ends in its last byte.
                return n >= 20 && p.text.utf8.last == 0x82 && p.text.hasSuffix("。") && !p.text.includes("勾稽关系")
            }
            return (paragraphs.map(\.text).joined(separator: "\n"), [])
        }
        var text: [String] = []
        var subsections: [Subsection] = []
        var current: (marker: String, heading: String, text: [String])?
        for p in paragraphs {
            if let token = HeadingTokenizer.token(p.text), token.level == .subsection {
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
        // or copied scalar by scalar (the parts are sliced by scalar index, never rounded to Characters).
        let scalars = rest.unicodeScalars
        var i = scalars.startIndex
        var n = 0
        while i < scalars.endIndex && n < 40 {
            let s = scalars[i]
            i = scalars.index(after: i)
            if s == "。" || s == "：" {
                return (String(Substring(scalars[..<i])), String(Substring(scalars[i...])).trimmingLeadingSpaces())
            }
            n += 1
        }
        if rest.scalarCount <= 40 { return (rest, "") }
        return ("", rest)
    }
}
