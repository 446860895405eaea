/// Page numbers and similar page furniture that extracted text scatters through the document,
/// tables included: `-4-`, `— 5 —`, `第 4 页`, `第4页 共5页`, `4/5`.
enum PageFurniture {
    static func isPageNumber(_ text: String) -> Bool {
        let k = TextNormalizer.matchKey(text)
        guard !k.isEmpty, k.unicodeScalars.count <= 16 else { return false }
        var s = Substring(k)
        let dashes: Set<Character> = ["-", "_", "~", "·", "•"]
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
        if !text.contains(" "), s.count <= 7, let slash = s.firstIndex(of: "/") {
            let a = s[..<slash], b = s[s.index(after: slash)...]
            return !a.isEmpty && !b.isEmpty && a.allSatisfy { $0.isASCII && $0.isNumber } && b.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }
}
