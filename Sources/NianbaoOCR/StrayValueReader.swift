import CTesseract
import NianbaoPDF

/// Reads again, with the digits model, the words of a page without ruled tables that sit among
/// the numbers of a table line but read as no number: on a borderless table tesseract reads a lone
/// `0` as `由`, `如`, `旭`, `品` or `D`, and the row then has cells no identity can solve.
///
/// A word is read again when its line holds at least three numbers and it lies right of the first,
/// among numbers and other such words, apart from its neighbours as table cells are (a character's
/// height at least), with at most two characters and at most one Chinese character. When the
/// digits model reads a number there, the word becomes that number with confidence 0: one model
/// against another, so the identities decide (confirmed → reported as printed; otherwise null).
struct StrayValueReader {
    let digits: TesseractEngine

    /// Indices of the words to read again.
    static func strays(_ words: [OCRWord]) -> [Int] {
        var out: [Int] = []
        for line in lines(words) {
            let sorted = line.sorted { words[$0].x0 < words[$1].x0 }
            let isNumber = sorted.map { CellReader.isNumber(Self.compact(words[$0].text)) }
            guard isNumber.count(where: { $0 }) >= 3 else { continue }
            // A cell of the row stands apart from its neighbours (a character's height at least:
            // the characters of a label, `2 其他法律…`, or of a date in prose, `1 月 1 日`, touch)
            // and is short; it lies right of the row's first number, among numbers and such cells.
            let apart = sorted.indices.map { k -> Bool in
                let w = words[sorted[k]], h = w.y1 - w.y0
                let t = Self.compact(w.text).unicodeScalars
                return !t.isEmpty && t.count <= 2 && t.count(where: \.isIdeograph) <= 1
                    && (k == 0 || w.x0 - words[sorted[k - 1]].x1 >= h)
                    && (k + 1 == sorted.count || words[sorted[k + 1]].x0 - w.x1 >= h)
            }
            guard let first = isNumber.firstIndex(of: true) else { continue }
            for k in (first + 1)..<sorted.count where !isNumber[k] && apart[k] {
                let neighbours = [k - 1, k + 1].filter { $0 < sorted.count }
                if neighbours.allSatisfy({ isNumber[$0] || apart[$0] }) { out.append(sorted[k]) }
            }
        }
        return out.sorted()
    }

    /// The words (indices) grouped into lines: a word whose vertical centre lies in a line's band
    /// (the first word's top to bottom) joins it.
    static func lines(_ words: [OCRWord]) -> [[Int]] {
        var lines: [[Int]] = []
        var bands: [(y0: Int, y1: Int)] = []
        for i in words.indices.sorted(by: { words[$0].y0 < words[$1].y0 }) {
            let cy = (words[i].y0 + words[i].y1) / 2
            if let k = bands.indices.last(where: { cy >= bands[$0].y0 && cy <= bands[$0].y1 }) {
                lines[k].append(i)
            } else {
                lines.append([i])
                bands.append((words[i].y0, words[i].y1))
            }
        }
        return lines
    }

    static func compact(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    /// `words` with the strays the digits model reads as a number replaced by that number.
    func read(_ words: [OCRWord], image: LeptonicaImage, dpi: Int) -> [OCRWord] {
        let strays = Self.strays(words)
        guard !strays.isEmpty else { return words }
        let pad = max(3, dpi / 12)
        let rects = strays.map { words[$0].rectangle(padding: pad, width: image.width, height: image.height) }
        var readings = digits.recognize(image, dpi: dpi, rectangles: rects, mode: PSM_SINGLE_WORD)
        // As one word the digits model reads nothing of some lone `0`s; as one character it does.
        let unread = readings.indices.filter { readings[$0].allSatisfy { $0.symbols.isEmpty } }
        for (k, again) in digits.recognize(image, dpi: dpi, rectangles: unread.map { rects[$0] }, mode: PSM_SINGLE_CHAR).enumerated() {
            readings[unread[k]] = again
        }
        var out = words
        for (n, i) in strays.enumerated() {
            if let word = CellReader.word(readings[n], confidence: 0), CellReader.isNumber(word.text) { out[i] = word }
        }
        return out
    }
}
