import CTesseract
import NianbaoCore
import NianbaoPDF

/// Reads the value cells of a page's ruled tables one by one: each cell that holds no label is
/// cropped (inside its lines) and read on its own as one line, by the page's model and by the
/// digits-only model. Over the whole page, tesseract groups the numbers of a row into lines and
/// misreads more of them (`404` for a `0`, `l` for a `1`) than it does in a cell of their own.
///
/// Two readings of a cell that agree on a number replace what the page reading put there; a
/// disagreement keeps the cell's reading with confidence 0, and the identities decide (`vote`).
/// The label cells are read alone too (one block): the page reading runs the lines of a wrapped
/// label into the lines of the cells beside it. On a photocopy they are read from `labelImage`
/// (the smoothed grey page) and the reading holding more of a table label wins.
struct CellReader {
    let text: TesseractEngine
    let digits: TesseractEngine?

    /// A cell read on its own: its box (pixels) and what replaces the page reading in it.
    struct Reading {
        var x0: Int, y0: Int, x1: Int, y1: Int
        var words: [OCRWord]
        /// No words and the page's reading is taken out all the same (`PhotocopyCell.isDebris`).
        var clears = false
    }

    /// Characters of a number in a cell (`.1` and `1.` are specks beside a digit, not numbers; nor
    /// is `01`: a count has no leading zero, and a speck beside a `0` reads as `1`).
    static func isNumber(_ s: String) -> Bool {
        !s.isEmpty && !(s.unicodeScalars.count > 1 && s.unicodeScalars.first == "0" && s.unicodeScalars.dropFirst().first != ".")
            && s.unicodeScalars.allSatisfy { ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "." }
            && s.unicodeScalars.first != "." && s.unicodeScalars.last != "."
            && s.unicodeScalars.contains { $0.value >= 0x30 && $0.value <= 0x39 }
    }

    /// How much more of a table label one reading of a photocopy's label cell must hold than the
    /// other to be chosen regardless of confidence.
    static let labelMargin = 0.15

    private static func text(_ symbols: [OCRSymbol]) -> String {
        String(String.UnicodeScalarView(symbols.flatMap(\.text.unicodeScalars).filter { !$0.properties.isWhitespace }))
    }

    private static func joined(_ words: [OCRWord]) -> String { text(words.flatMap(\.symbols)) }

    /// The cells of the tables that `rulings` (points) draw, read on their own. `words` is the page
    /// reading (cells where it has two Chinese characters or more hold a label: read only when
    /// `readsLabels`); `ink` the page without its lines (a cell without ink and without words is
    /// blank and not read).
    func read(
        _ image: LeptonicaImage, dpi: Double, rulings: [Ruling], words: [OCRWord], ink: InkMap, labels readsLabels: Bool,
        labelImage: LeptonicaImage? = nil
    ) -> [Reading] {
        let scale = dpi / 72
        let inset = max(3, Int(dpi / 50))
        var candidates: [(x0: Int, y0: Int, x1: Int, y1: Int)] = []
        var pageSymbols: [[OCRSymbol]] = []
        var labels: [(x0: Int, y0: Int, x1: Int, y1: Int)] = []
        var labelSymbols: [[OCRSymbol]] = []
        for table in RuledTableFinder.tables(in: rulings) {
            for box in table.cellBoxes {
                let x0 = Int(box.x0 * scale), y0 = Int(box.y0 * scale), x1 = Int(box.x1 * scale), y1 = Int(box.y1 * scale)
                // A number takes one line of a cell: far taller or wider cells are text frames.
                guard x1 - x0 > 2 * inset + 4, y1 - y0 > 2 * inset + 4, y1 - y0 <= Int(dpi), x1 - x0 <= Int(dpi * 4) else { continue }
                let inside = words.flatMap(\.symbols).filter { s in
                    let cx = (s.x0 + s.x1) / 2, cy = (s.y0 + s.y1) / 2
                    return cx >= x0 && cx < x1 && cy >= y0 && cy < y1
                }
                let ideographs = inside.flatMap(\.text.unicodeScalars).count(where: \.isIdeograph)
                if ideographs >= 2 {
                    if readsLabels {
                        labels.append((x0, y0, x1, y1))
                        labelSymbols.append(inside)
                    }
                    continue
                }
                if x1 - x0 > Int(dpi * 2.5) { continue }
                // A digit set against the cell's left line (p02's thin `4` beside `280`) leaves the
                // middle blank: the whole cell inside its lines is looked at too.
                if inside.isEmpty && ink.inkFraction(x0: x0, y0: y0, x1: x1, y1: y1) <= 0.004
                    && ink.share(x0: x0 + inset, y0: y0 + inset, x1: x1 - inset, y1: y1 - inset) <= 0.004
                {
                    continue
                }
                candidates.append((x0, y0, x1, y1))
                pageSymbols.append(inside)
            }
        }
        let d = Int(dpi.rounded())
        var out: [Reading] = []
        // A label alone in its box: the page reading runs the lines of a wrapped label into the
        // lines of the cells beside it (`计二其)人情部分)公入…` for （二）部分公开（区分处理的…）).
        // The cell's reading replaces the page's when the page model is surer of it.
        let labelRects = labels.map { c in (x: c.x0 + inset, y: c.y0 + inset, w: c.x1 - c.x0 - 2 * inset, h: c.y1 - c.y0 - 2 * inset) }
        for (n, read) in text.recognize(labelImage ?? image, dpi: d, rectangles: labelRects, mode: PSM_SINGLE_BLOCK).enumerated() {
            let c = labels[n]
            let symbols = read.flatMap(\.symbols)
            let ideographs = symbols.flatMap(\.text.unicodeScalars).count(where: \.isIdeograph)
            func mean(_ s: [OCRSymbol]) -> Double { s.isEmpty ? 0 : s.map(\.confidence).reduce(0, +) / Double(s.count) }
            var better = ideographs >= 2 && mean(symbols) > mean(labelSymbols[n])
            // On a photocopy the confidences of the two readings are no guide (the page reading of
            // (七)总计 was `(七) 总 -`, surer than the cell's `(七天总计`): the reading that holds
            // clearly more of a table label wins (`LabelVocabulary`), confidence decides the rest.
            if labelImage != nil, ideographs >= 2 {
                let cell = LabelVocabulary.score(Self.joined(read)), page = LabelVocabulary.score(Self.text(labelSymbols[n]))
                if abs(cell - page) >= Self.labelMargin { better = cell > page }
            }
            if better { out.append(Reading(x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, words: read)) }
        }
        return out + readValues(image, dpi: dpi, cells: candidates, pageSymbols: pageSymbols, ink: ink, photocopy: labelImage != nil)
    }

    /// Value cells (pixels, `cells`: boxes inside their lines, or a borderless table's cells as
    /// `BorderlessCellReader` draws them) read on their own and voted on with the page reading
    /// (`pageSymbols`: the page's characters in each cell), one reading for each cell in order.
    /// `photocopy`: the ruled cells of a photocopy, where a ruling bridged through a stroke can cut
    /// a label (`PhotocopyCell`).
    func readValues(
        _ image: LeptonicaImage, dpi: Double, cells candidates: [(x0: Int, y0: Int, x1: Int, y1: Int)], pageSymbols: [[OCRSymbol]], ink: InkMap,
        photocopy: Bool = false
    ) -> [Reading] {
        let inset = max(3, Int(dpi / 50))
        let d = Int(dpi.rounded())
        var out: [Reading] = []
        guard !candidates.isEmpty else { return out }
        let rects = candidates.map { c in (x: c.x0 + inset, y: c.y0 + inset, w: c.x1 - c.x0 - 2 * inset, h: c.y1 - c.y0 - 2 * inset) }
        let first = text.recognize(image, dpi: d, rectangles: rects, mode: PSM_SINGLE_LINE)
        var second = digits?.recognize(image, dpi: d, rectangles: rects, mode: PSM_SINGLE_LINE) ?? rects.map { _ in [] }
        // In one-line mode the digits model reads nothing of some short numbers (`1`, `0`): read
        // as one word, they are read.
        let unread = second.indices.filter { Self.joined(second[$0]).isEmpty }
        if let digits, !unread.isEmpty {
            let again = digits.recognize(image, dpi: d, rectangles: unread.map { rects[$0] }, mode: PSM_SINGLE_WORD)
            for (k, i) in unread.enumerated() { second[i] = again[k] }
            // …and some lone digits (p02's `9` of Table 四) only as one character.
            let still = unread.filter { Self.joined(second[$0]).isEmpty }
            for (k, char) in digits.recognize(image, dpi: d, rectangles: still.map { rects[$0] }, mode: PSM_SINGLE_CHAR).enumerated() {
                second[still[k]] = char
            }
        }
        for (n, c) in candidates.enumerated() {
            // Three readings: the page's (in its line), the cell's by the page model, the cell's by
            // the digits model (`vote`).
            let readings = [[OCRWord(text: "", x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, confidence: 0, symbols: pageSymbols[n])], first[n], second[n]]
            let texts = readings.map(Self.joined)
            let least = readings.map { $0.flatMap(\.symbols).map(\.confidence).min() ?? 0 }
            // One reading for each cell, in order (`BorderlessCellReader` pairs them by index): text
            // gets one without words, which leaves the page's reading in place.
            if photocopy, PhotocopyCell.isText(texts) {
                out.append(Reading(x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, words: []))
                continue
            }
            if photocopy, PhotocopyCell.isDebris(texts) {
                out.append(Reading(x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, words: [], clears: true))
                continue
            }
            var word = Self.vote(texts, least).flatMap { Self.word(readings[$0.reading], confidence: $0.confidence) }
            // Ink beside the number that none of its characters covers: a digit the readings
            // dropped alike (`21` read `2`). The number stays, doubtful, for the identities.
            if let w = word, w.confidence > 0,
                UnreadInk(ink: ink).leavesInk(
                    w, limits: (c.x0 + 2 * inset, c.y0 + inset, c.x1 - 2 * inset, c.y1 - inset),
                    read: w.symbols.map { ($0.x0, $0.y0, $0.x1, $0.y1) }, slack: max(2, d / 100))
            {
                word = Self.word([w], confidence: 0)
            }
            out.append(Reading(x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, words: word.map { [$0] } ?? []))
        }
        return out
    }

    /// Which of three readings of a cell (`texts`: the page's, the page model's of the cell alone,
    /// the digits model's; `least`: the least confidence of each one's characters) gives the cell
    /// its number, and with what confidence; nil when none read a number.
    ///
    /// A number is confident only when two different models read it: the digits model agreeing
    /// with either reading of the page model (the page line runs the numbers of neighbouring cells
    /// together, `4040` for `0`; alone in its cell a lone digit becomes `O`, `b`, `之`) gives it the
    /// better of their confidences. Anything less is one model's opinion and gets confidence 0, for
    /// the identities to decide: the page model twice against the digits model (`21`, `21`, `2`)
    /// or with the digits model silent (a speckled `4` read `.1` on the page and in the cell alike),
    /// one reading alone (a thin `9` read `8` on the page, `外` alone, nothing by the digits model).
    static func vote(_ texts: [String], _ least: [Double]) -> (reading: Int, confidence: Double)? {
        let numbers = texts.indices.filter { isNumber(texts[$0]) }
        if let agreed = numbers.first(where: { i in numbers.contains { $0 != i && texts[$0] == texts[i] } }) {
            let with = numbers.filter { texts[$0] == texts[agreed] }
            return (with.last!, with.contains(2) ? with.map { least[$0] }.max()! : 0)
        }
        return numbers.last.map { ($0, 0) }
    }

    /// One word of the readings' characters (a number is one word), all with `confidence`.
    static func word(_ words: [OCRWord], confidence: Double) -> OCRWord? {
        let symbols = words.flatMap(\.symbols).filter { !$0.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
        guard let f = symbols.first else { return nil }
        var w = OCRWord(text: symbols.map(\.text).joined(), x0: f.x0, y0: f.y0, x1: f.x1, y1: f.y1, confidence: confidence, symbols: [])
        for var s in symbols {
            s.confidence = confidence
            w.symbols.append(s)
            w.x0 = min(w.x0, s.x0); w.y0 = min(w.y0, s.y0); w.x1 = max(w.x1, s.x1); w.y1 = max(w.y1, s.y1)
        }
        return w
    }
}
