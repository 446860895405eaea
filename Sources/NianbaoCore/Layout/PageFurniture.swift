/// Page numbers and similar page furniture that extracted text scatters through the document,
/// tables included: `-4-`, `— 5 —`, `第 4 页`, `第4页 共5页`, `4/5`.
enum PageFurniture {
    /// The dashes around a page number (`-4-`, `— 5 —` in match form).
    private static let dashes: Set<Character> = ["-", "_", "~", "·", "•"]

    static func isPageNumber(_ text: String) -> Bool {
        // Quick rejection: page furniture is short and starts with a dash, 第, a digit or Page.
        guard text.utf8.count <= 40, let first = text.unicodeScalars.first else { return false }
        let v = first.value
        let plausible =
            v == 0x2D || v == 0x5F || v == 0x7E || v == 0xB7 || v == 0x2022 || (v >= 0x2010 && v <= 0x2015)
            || v == 0xFF0D || v == 0x7B2C || (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19) || v == 0x2212
        guard plausible else { return false }
        let k = TextNormalizer.matchKey(text)
        guard !k.isEmpty, k.scalarCount <= 16 else { return false }
        var s = Substring(k)
        // -4- and — 5 —
        if let f = s.first, dashes.contains(f), let l = s.last, dashes.contains(l) {
            s = s.drop(while: { dashes.contains($0) })
            while let l = s.last, dashes.contains(l) { s = s.dropLast() }
            return !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber }
        }
        // 第4页 / 第4页共5页 / 4/5
        if s.hasPrefix("第") && s.contains("页") {
            return s.allSatisfy { $0 == "第" || $0 == "页" || $0 == "共" || ($0.isASCII && $0.isNumber) || $0 == "," }
        }
        if s.count <= 7, let slash = s.firstIndex(of: "/"), !text.contains(" ") {
            let a = s[..<slash], b = s[s.index(after: slash)...]
            return !a.isEmpty && !b.isEmpty && a.allSatisfy { $0.isASCII && $0.isNumber } && b.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }
}
