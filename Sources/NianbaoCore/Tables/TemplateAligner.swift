/// Places OCR'd rows whose label was misread (`8.导于行政音询事项`, `(七 ) 半`) by the fixed order of
/// the table's rows: a row of values between two recognized rows can only be one of the template
/// rows between them that no other row claimed. It is placed there when its label still looks like
/// that row's (characters in the same order) and no other free row looks as much like it.
///
/// Only rows of scans are placed this way: OCR garbles characters but keeps the table's ruled
/// order; on text, an unrecognized row is more often a row of another table. Values placed here go
/// through the same identity checks and OCR proof-reading as any other.
struct TemplateAligner: Sendable {
    /// The template rows in printed order.
    var template: [RowSpec]
    /// Least similarity when the row is the only free one between its neighbours.
    var aloneThreshold = 0.3
    /// Least similarity, and lead over the next candidate, when several template rows are free.
    var choiceThreshold = 0.5
    var choiceMargin = 0.15

    /// `matched[i]`: the template key of logical row i if recognized. Returns the keys of the rows
    /// placed by order, by index (only rows with `candidate[i]` true are considered).
    func align(labels: [String], matched: [String?], candidate: [Bool]) -> [Int: String] {
        let position = Dictionary(uniqueKeysWithValues: template.enumerated().map { ($0.element.key, $0.offset) })
        var taken = Set(matched.compactMap { $0 })
        var slot: [Int?] = matched.map { $0.flatMap { position[$0] } }
        var placed: [Int: String] = [:]
        // Between two recognized rows (or the table's ends), as many misread rows as free template
        // rows: the order pairs them one to one, each label need only not contradict its row.
        var i = 0
        while i < labels.count {
            guard slot[i] == nil else {
                i += 1
                continue
            }
            var j = i
            while j < labels.count && slot[j] == nil { j += 1 }
            let before = slot[..<i].last { $0 != nil }.flatMap { $0 } ?? -1
            let after = j < labels.count ? slot[j]! : template.count
            var rows = (i..<j).filter { candidate[$0] }
            let free = before < after ? template[(before + 1)..<after].filter { !taken.contains($0.key) } : []
            // Before the first recognized row (after the last) the region may still hold rows of
            // what precedes the table (follows it) when its heading was misread: the rows nearest
            // the table are its own.
            if before == -1 && rows.count > free.count { rows = Array(rows.suffix(free.count)) }
            if after == template.count && rows.count > free.count { rows = Array(rows.prefix(free.count)) }
            if before < after, rows.count >= 2 {
                let pairs = zip(rows, free).map { (row: $0, spec: $1) }
                if free.count == rows.count,
                    pairs.allSatisfy({ p in
                        let observed = Self.characters(labels[p.row]), expected = Self.characters(p.spec.label)
                        return max(Self.similarity(observed, expected), Self.dice(observed, expected)) >= aloneThreshold
                    })
                {
                    for p in pairs {
                        placed[p.row] = p.spec.key
                        taken.insert(p.spec.key)
                        slot[p.row] = position[p.spec.key]
                    }
                }
            }
            i = j
        }
        for i in labels.indices where slot[i] == nil && candidate[i] {
            let before = slot[..<i].last { $0 != nil }.flatMap { $0 } ?? -1
            let after = slot[(i + 1)...].first { $0 != nil }.flatMap { $0 } ?? template.count
            guard before < after else { continue }
            let free = template[(before + 1)..<after].filter { !taken.contains($0.key) }
            guard !free.isEmpty else { continue }
            let unplaced = (labels.indices).filter { j in
                slot[j] == nil && candidate[j] && j != i
                    && (slot[..<j].last { $0 != nil }.flatMap { $0 } ?? -1) == before
                    && (slot[(j + 1)...].first { $0 != nil }.flatMap { $0 } ?? template.count) == after
            }
            let observed = Self.characters(labels[i])
            let scored = free.map { (spec: $0, score: Self.similarity(observed, Self.characters($0.label))) }.sorted { $0.score > $1.score }
            let best = scored[0]
            let margin = best.score - (scored.count > 1 ? scored[1].score : 0)
            // Alone, the order decides and the label need only not contradict it (characters in any
            // order: OCR reversed `3.危及“三安全一稳定”` once); among several free rows the label decides.
            let alone = free.count == 1 && unplaced.isEmpty
            let accepted =
                alone
                ? max(best.score, Self.dice(observed, Self.characters(best.spec.label))) >= aloneThreshold
                : best.score >= choiceThreshold && margin >= choiceMargin
            if accepted {
                placed[i] = best.spec.key
                taken.insert(best.spec.key)
                slot[i] = position[best.spec.key]
            }
        }
        return placed
    }

    /// The label's letters and digits in order (full-width forms folded), without brackets,
    /// punctuation or spaces.
    static func characters(_ label: String) -> [Unicode.Scalar] {
        TextNormalizer.matchKey(label).unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// 2·|A∩B| / (|A|+|B|) over the characters, in any order.
    static func dice(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        var counts: [Unicode.Scalar: Int] = [:]
        for x in b { counts[x, default: 0] += 1 }
        var common = 0
        for x in a where (counts[x] ?? 0) > 0 {
            counts[x]! -= 1
            common += 1
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }

    /// Longest common subsequence over the longer length: OCR keeps most characters in their order
    /// (`六其他处班` is 0.8 like `六其他处理`, 0.6 like `六3其他`).
    static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        guard !a.isEmpty, !b.isEmpty, a.count <= 400, b.count <= 400 else { return 0 }
        return Double(commonSubsequence(a, b)) / Double(max(a.count, b.count))
    }

    /// The length of the longest common subsequence of `a` and `b`.
    static func commonSubsequence(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() { current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j]) }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
