import NianbaoCore

/// What counts as a value cell for the interpreter: numbers and the blank markers.
enum ValueText {
    static func isValueLike(_ text: String) -> Bool {
        let key = TextNormalizer.matchKey(text)
        if key.isEmpty || key == "/" || key == "-" || key == "无" || key == "—" { return true }
        var digits = 0
        for s in key.unicodeScalars {
            if s.isDigitASCII { digits += 1; continue }
            if s == "." || s == "," || s == "-" || s == "+" || s == "%" { continue }
            return false
        }
        return digits > 0
    }
}
