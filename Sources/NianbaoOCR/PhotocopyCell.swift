import NianbaoPDF

/// What the three readings of a photocopy's value cell (`CellReader`: the page's, the page model's
/// of the cell alone, the digits model's) say when they are no number: the cell is part of a label
/// a stray ruling cut off, or it holds only the debris of a character.
///
/// On a photocopy the rulings are looked for with breaks bridged, and a vertical stroke in line
/// with a ruling extends it into the next row: `（七）总计` is cut into `（七）总` and a cell whose
/// page reading is `-` (what is left of `计`), `3.其他` into `3.其` and `他`. Read as values, the
/// `-` made the row one value too long (all its values lost, and with them every column identity
/// through it), and the digits model made `3.4` of `3.其`.
enum PhotocopyCell {
    /// The cell holds text, not a value: the page model reads a Chinese character in it on the
    /// page and alone (`3.其`, `3.其1`; `博` and `是` for a piece of hongze's `（五）不予处理`); the
    /// digits model's number (`3.4`, `4`) is no reading of it. One and the same lone character
    /// twice is not enough: a digit misread alike (`所` twice for p02's `6` in Table 四, a row
    /// without a label, which then lost a value).
    static func isText(_ texts: [String]) -> Bool {
        guard texts.count == 3, hasIdeograph(texts[0]), hasIdeograph(texts[1]) else { return false }
        return texts[0] != texts[1] || texts[0].unicodeScalars.count >= 2
    }

    /// The page reading is only marks (`-`, `.`, `，`) and neither reading of the cell alone sees
    /// anything: debris, not a printed dash (the digits model reads a printed `-`).
    static func isDebris(_ texts: [String]) -> Bool {
        guard texts.count == 3, !texts[0].isEmpty, texts[1].isEmpty, texts[2].isEmpty else { return false }
        return texts[0].unicodeScalars.allSatisfy { !$0.properties.isAlphabetic && !("0"..."9").contains($0) }
    }

    private static func hasIdeograph(_ s: String) -> Bool {
        s.unicodeScalars.contains(where: \.isIdeograph)
    }
}
