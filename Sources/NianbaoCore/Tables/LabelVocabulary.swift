/// The words of the fixed tables' row labels, for OCR to tell which of two readings of a label cell
/// reads more like a label (`(七天总计` over `(七) 总 -`). It only chooses between readings: the
/// table readers still recognize rows by their own rules, and no value depends on it.
package enum LabelVocabulary {
    /// Every recognizing keyword and every official row label (its characters, markers and
    /// punctuation left out) of Tables 二, 三 and 四, with the group labels of Table 三.
    static let words: [[Unicode.Scalar]] = {
        let specs =
            ApplicationsLayout.rows2021 + [ApplicationsLayout.otherTotal]
            + (ActiveDisclosureLayout.rows2021 + ActiveDisclosureLayout.rows2019).map(\.spec)
        var texts = specs.flatMap { $0.keywords + [$0.label] }
        texts += ["予以公开", "不予公开", "无法提供", "不予处理", "其他处理", "总计"]
        texts += ReviewLitigationLayout.blockLabels + ReviewLitigationLayout.columnLabels + ApplicationsLayout.columnLabels
        var seen = Set<String>()
        return texts.map { t in
            // `（三）1.属于国家秘密` → 属于国家秘密: the item markers are read alike or not at all.
            TemplateAligner.characters(String(RowSpec.strippingItemMarker(TextNormalizer.matchKey(t))))
        }.filter { $0.count >= 2 && seen.insert(String(String.UnicodeScalarView($0))).inserted }
    }()

    /// How much of some label word `text` holds, in order (0–1): the best over the vocabulary of
    /// the word's characters found in `text` in their order, over the word's length.
    package static func score(_ text: String) -> Double {
        let observed = TemplateAligner.characters(text)
        guard !observed.isEmpty, observed.count <= 400 else { return 0 }
        var best = 0.0
        for word in words {
            best = max(best, Double(TemplateAligner.commonSubsequence(observed, word)) / Double(word.count))
            if best == 1 { break }
        }
        return best
    }
}
