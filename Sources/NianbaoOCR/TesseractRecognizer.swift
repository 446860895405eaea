import CTesseract
import Foundation
import NianbaoCore
import NianbaoPDF

/// OCR of page images with tesseract (LSTM, simplified Chinese): pages are deskewed and binarized,
/// ruling lines found by morphology and taken out of the image, the rest recognized character by
/// character with confidences.
package struct TesseractRecognizer: PageRecognizer {
    package static let language = "chi_sim"

    package var dpi: Double
    package var dataPath: String
    /// Page segmentation: `PSM_SINGLE_BLOCK` (6) read the ruled tables of the test scans best once
    /// their lines are taken out (see README, "Scanned reports").
    package var pageSegmentation: Int

    package init(dataPath: String, dpi: Double = 300, pageSegmentation: Int = 6) {
        self.dataPath = dataPath
        self.dpi = dpi
        self.pageSegmentation = pageSegmentation
    }

    /// The recognizer when the `chi_sim` model is installed (the library is linked, the model is a
    /// separate package: `tesseract-ocr-chi-sim`); nil otherwise.
    package static func available(dpi: Double = 300) -> TesseractRecognizer? {
        dataPath().map { TesseractRecognizer(dataPath: $0, dpi: dpi) }
    }

    /// The folder holding `chi_sim.traineddata`: `TESSDATA_PREFIX`, then the Debian and the
    /// upstream default locations.
    package static func dataPath() -> String? {
        var candidates: [String] = []
        if let prefix = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], !prefix.isEmpty {
            candidates += [prefix, prefix + "/tessdata"]
        }
        candidates += [
            "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
            "/usr/share/tessdata", "/usr/local/share/tessdata",
        ]
        return candidates.first { FileManager.default.isReadableFile(atPath: $0 + "/" + language + ".traineddata") }
    }

    /// How to make OCR work where it does not.
    package static let howToEnable = "install the simplified Chinese OCR model (Debian: apt-get install tesseract-ocr-chi-sim, or set TESSDATA_PREFIX to a folder holding chi_sim.traineddata)"

    package var engine: OCREngine { OCREngine(engine: "tesseract", version: TesseractEngine.version, language: Self.language) }

    package func session() -> (any PageRecognitionSession)? {
        guard
            let engine = TesseractEngine(
                dataPath: dataPath, language: Self.language,
                pageSegmentation: TessPageSegMode(rawValue: UInt32(pageSegmentation)))
        else { return nil }
        // The second reader of numbers: another model (English), digits only, one line.
        let digits =
            FileManager.default.isReadableFile(atPath: dataPath + "/eng.traineddata")
            ? TesseractEngine(dataPath: dataPath, language: "eng", pageSegmentation: PSM_SINGLE_LINE) : nil
        digits?.allow("0123456789.-")
        return TesseractSession(engine: engine, digits: digits)
    }
}

/// One document's recognizer: owns the tesseract engine.
final class TesseractSession: PageRecognitionSession {
    private let engine: TesseractEngine
    private let digits: TesseractEngine?

    init(engine: TesseractEngine, digits: TesseractEngine?) {
        self.engine = engine
        self.digits = digits
    }

    /// A number is reported as read only when a second reading (another model, digits only) of the
    /// same place agrees or reads nothing; otherwise its characters get confidence 0 and the
    /// identities decide.
    /// Without the second model, numbers keep the confidence the first reading gave.
    /// `read`: every word read on the page (ink they cover is not unread).
    private func secondOpinion(_ words: [OCRWord], image: LeptonicaImage, dpi: Int, ink: InkMap, read: [OCRWord]) -> [OCRWord] {
        guard let digits else { return words }
        let numeric = words.indices.filter { i in
            let t = words[i].text
            return t.unicodeScalars.contains { $0.value >= 0x30 && $0.value <= 0x39 } && t.unicodeScalars.count <= 16
        }
        guard !numeric.isEmpty else { return words }
        let pad = max(3, dpi / 30)
        let boxes = numeric.map { i in
            let r = words[i].rectangle(padding: pad, width: image.width, height: image.height)
            return (x: r.x, y: r.y, w: r.w, h: r.h, single: words[i].symbols.count == 1)
        }
        let readings = digits.read(image, dpi: dpi, rectangles: boxes)
        var out = words
        for (n, i) in numeric.enumerated() {
            let first = words[i].text.unicodeScalars.filter { !$0.properties.isWhitespace }
            let second = readings[n].unicodeScalars.filter { !$0.properties.isWhitespace }
            // No reading at all (the digits model often returns nothing for a lone `0`) is no
            // opinion: the first reading keeps its confidence, and the identities still judge it.
            if !second.isEmpty && String(String.UnicodeScalarView(first)) != String(String.UnicodeScalarView(second)) {
                for s in out[i].symbols.indices { out[i].symbols[s].confidence = 0 }
            } else if Self.leavesInk(words[i], among: read, ink: ink, dpi: dpi) {
                for s in out[i].symbols.indices { out[i].symbols[s].confidence = 0 }
            }
        }
        return out
    }

    /// Whether a number outside the ruled cells leaves ink unread within a character's height
    /// either side of it on its line (`UnreadInk`; the characters of every word there count as read).
    static func leavesInk(_ word: OCRWord, among words: [OCRWord], ink: InkMap, dpi: Int) -> Bool {
        let h = word.y1 - word.y0
        let limits = (x0: word.x0 - h, y0: word.y0 - h, x1: word.x1 + h, y1: word.y1 + h)
        let read = words.flatMap(\.symbols).filter { s in
            s.x1 > limits.x0 && s.x0 < limits.x1 && s.y1 > limits.y0 && s.y0 < limits.y1
        }.map { (x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1) }
        return UnreadInk(ink: ink).leavesInk(word, limits: limits, read: read, slack: max(2, dpi / 100))
    }

    /// The page reading with the value cells of its ruled tables read again one by one
    /// (`CellReader`); the numbers left outside such cells get their second reading here.
    /// `labels`: label cells too; `labelImage`: the image they are read from when not `image`
    /// (a photocopy's smoothed grey page).
    private func readCells(
        _ words: [OCRWord], image: LeptonicaImage, dpi: Double, rulings: [Ruling], ink: InkMap, labels: Bool, labelImage: LeptonicaImage? = nil
    ) -> [OCRWord] {
        let cells = CellReader(text: engine, digits: digits).read(
            image, dpi: dpi, rulings: rulings, words: words, ink: ink, labels: labels, labelImage: labelImage
        )
        .filter { !$0.words.isEmpty || $0.clears }
        var kept: [OCRWord] = []
        for var w in words {
            w.symbols.removeAll { s in
                let cx = (s.x0 + s.x1) / 2, cy = (s.y0 + s.y1) / 2
                return cells.contains { cx >= $0.x0 && cx < $0.x1 && cy >= $0.y0 && cy < $0.y1 }
            }
            if !w.symbols.isEmpty {
                w.text = w.symbols.map(\.text).joined()
                kept.append(w)
            }
        }
        let read = cells.flatMap(\.words)
        return secondOpinion(kept, image: image, dpi: Int(dpi.rounded()), ink: ink, read: words + read) + read
    }

    /// The median height (pixels) of the page's Chinese characters; nil with fewer than 20.
    static func ideographHeight(_ words: [OCRWord]) -> Double? {
        var heights: [Int] = []
        for w in words {
            for s in w.symbols where s.text.unicodeScalars.count == 1 && s.text.unicodeScalars.first!.isIdeograph {
                heights.append(s.y1 - s.y0)
            }
        }
        guard heights.count >= 20 else { return nil }
        heights.sort()
        return Double(heights[heights.count / 2])
    }

    func recognize(_ image: PageImage) -> RecognizedPage {
        let empty = RecognizedPage(glyphs: [], rulings: [], width: image.points.width, height: image.points.height)
        guard let gray = LeptonicaImage(gray: image) else { return empty }
        let upright = gray.deskewed() ?? gray
        guard let plain = upright.binary() else { return empty }
        // A photocopy's speckles (and the strokes its uneven toner leaves broken) are read as
        // characters: such a page is median-filtered before it is thresholded, at Otsu's level
        // when that is above the default (faint toner). Clean pages keep their thin strokes: a
        // median takes out the horizontals of small Song-style characters.
        var binary = plain
        var lineImage = plain
        var gaps = 0.01
        var photocopy = false
        // The photocopy's page median-filtered but not thresholded: its labels are read from it.
        var smoothed: LeptonicaImage?
        if plain.speckles() * 1_000_000 > 50 * plain.width * plain.height {
            let threshold = max(150, Int32(OtsuThreshold.of(image.gray)))
            if let smooth = upright.median(3), let text = smooth.binary(threshold: threshold),
                let lines = threshold == 150 ? Optional(plain) : upright.binary(threshold: threshold)
            {
                binary = text
                lineImage = lines
                // Faint toner breaks lines more often and for longer: bridge up to ~1 mm.
                gaps = 0.035
                photocopy = true
                smoothed = smooth
            }
        }
        let lines = RasterRulings.find(in: lineImage, dpi: image.dpi, gaps: gaps)
        let text = lines.mask.flatMap { binary.subtracting($0) } ?? binary
        let ink = text.opened(2, 2)?.bits() ?? text.bits()
        let page = engine.recognize(text, dpi: Int(image.dpi.rounded()))
        // A photocopy's label cells are read alone from the smoothed grey page (tesseract
        // thresholds each crop itself): the page's one threshold breaks the thin strokes of small
        // characters (`5.民上 -类内部吉务信息` for 5.属于三类内部事务信息).
        var words = readCells(page, image: text, dpi: image.dpi, rulings: lines.rulings, ink: ink, labels: true, labelImage: smoothed)
        // A borderless table has no cells to read one by one: its misread zeros are read again.
        if let digits, RuledTableFinder.tables(in: lines.rulings).isEmpty {
            // …and its cells, drawn from where its numbers stand, are read one by one first.
            words = BorderlessCellReader(reader: CellReader(text: engine, digits: digits)).read(words, image: text, dpi: image.dpi, ink: ink)
            words = StrayValueReader(digits: digits).read(words, image: text, dpi: Int(image.dpi.rounded()))
        }
        let scale = 72 / image.dpi
        let em = Self.ideographHeight(words)
        var glyphs: [Glyph] = []
        for word in words {
            for (i, s) in word.symbols.enumerated() {
                // Characters of one word touch: the layout must not split a number at a gap inside it.
                let right = i + 1 < word.symbols.count ? max(s.x1, word.symbols[i + 1].x0) : s.x1
                var y0 = Double(s.y0), y1 = Double(s.y1)
                // Tesseract's box of a character in a wrapped label may reach into the next line
                // (`理` 59 px high among 39 px ones): it joins two lines of the cell into one, their
                // characters interleaved. Chinese characters are square: a box far taller than the
                // page's typical character is cut to that height about its centre. (Short boxes
                // are left: made taller they reach the next line.)
                if let em, s.text.unicodeScalars.count == 1, s.text.unicodeScalars.first!.isIdeograph, y1 - y0 > 1.3 * em {
                    let centre = (y0 + y1) / 2
                    y0 = centre - em / 2
                    y1 = centre + em / 2
                }
                let box = Box(x0: Double(s.x0) * scale, y0: y0 * scale, x1: Double(right) * scale, y1: y1 * scale)
                for scalar in s.text.unicodeScalars where !scalar.properties.isWhitespace {
                    glyphs.append(Glyph(scalar: scalar, box: box, confidence: max(0, min(1, s.confidence))))
                }
            }
        }
        return RecognizedPage(
            glyphs: glyphs, rulings: lines.rulings,
            width: Double(upright.width) * scale, height: Double(upright.height) * scale,
            blankConfidence: { box in
                let f = ink.inkFraction(x0: Int(box.x0 / scale), y0: Int(box.y0 / scale), x1: Int(box.x1 / scale), y1: Int(box.y1 / scale))
                // A digit in a cell covers a few percent of its middle; specks and line remains far less.
                return f > 0.004 ? 0 : 1
            })
    }
}
