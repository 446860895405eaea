/// Places OCR'd rows whose label was misread (`8.导于行政音询事项`, `(七 ) 半`) by the fixed order of
/// the table's rows: a row of values between two recognized rows can only be one of the template
/// rows between them that no other row claimed. It is placed there when its label still looks like
/// that row's (shared characters, Dice coefficient) and no other free row looks as much like it.
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
            let scored = free.map { (spec: $0, score: Self.dice(observed, Self.characters($0.label))) }.sorted { $0.score > $1.score }
            let best = scored[0]
            let alone = free.count == 1 && unplaced.isEmpty
            if alone ? best.score >= aloneThreshold : (best.score >= choiceThreshold && best.score - (scored.count > 1 ? scored[1].score : 0) >= choiceMargin) {
                placed[i] = best.spec.key
                taken.insert(best.spec.key)
                slot[i] = position[best.spec.key]
            }
        }
        return placed
    }

    /// The label's letters and digits (CJK, ASCII digits and full-width forms folded), without
    /// brackets, punctuation or spaces.
    static func characters(_ label: String) -> [Unicode.Scalar: Int] {
        var out: [Unicode.Scalar: Int] = [:]
        for s in TextNormalizer.matchKey(label).unicodeScalars where s.properties.isAlphabetic || ("0"..."9").contains(s) {
            out[s, default: 0] += 1
        }
        return out
    }

    /// 2·|A∩B| / (|A|+|B|) over character counts.
    static func dice(_ a: [Unicode.Scalar: Int], _ b: [Unicode.Scalar: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let common = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        return 2 * Double(common) / Double(total)
    }
}
