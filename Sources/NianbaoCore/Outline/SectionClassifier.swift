/// Names the six standard sections from their heading words, and tells table-row labels
/// (四、结转下年度继续办理) from real section headings.
enum SectionClassifier {
    static let keywords: [(Section.Key, [String])] = [
        (.overview, ["总体情况", "概述", "总体概况", "基本情况"]),
        (.activeDisclosure, ["主动公开"]),
        (.applications, ["收到和处理", "依申请公开", "申请情况", "收到处理"]),
        (.reviewLitigation, ["行政复议", "行政诉讼", "复议", "诉讼"]),
        (.problems, ["问题", "改进"]),
        (.other, ["其他需要报告", "其他事项", "需要报告"]),
    ]

    static func key(forHeading rest: String) -> Section.Key? {
        key(matchKey: TextNormalizer.matchKey(rest))
    }

    /// ``key(forHeading:)`` of a heading whose match key is `k` (made once for both questions).
    static func key(matchKey k: String) -> Section.Key? {
        var k = k
        return k.withUTF8(key(matchKeyUTF8:))
    }

    /// ``key(matchKey:)`` of the match key whose UTF-8 bytes are `k`, searched in place. A word
    /// whose byte mask has a bit the key's lacks is not in it (``String/byteMask``): only the
    /// others are searched for.
    static func key(matchKeyUTF8 k: UnsafeBufferPointer<UInt8>) -> Section.Key? {
        key(matchKeyUTF8: k, mask: String.byteMask(k))
    }

    /// ``key(matchKeyUTF8:)`` with `mask` the key's byte mask.
    static func key(matchKeyUTF8 k: UnsafeBufferPointer<UInt8>, mask: UInt64) -> Section.Key? {
        for (key, words) in keywordMasks where words.contains(where: { $0.mask & ~mask == 0 && includes(k, $0.word) }) { return key }
        return nil
    }

    /// ``keywords`` with each word's UTF-8 bytes and byte mask.
    private static let keywordMasks: [(Section.Key, [(word: [UInt8], mask: UInt64)])] = keywords.map { key, words in
        (key, words.map { (Array($0.utf8), $0.byteMask) })
    }

    /// Table 三 row labels that start like section headings.
    static let tableRowWords = ["本年新收", "上年结转", "本年度办", "办理结果", "结转下年", "继续办理", "新收政府信息公开申请"]

    static func isTableRowLabel(_ rest: String) -> Bool {
        isTableRowLabel(matchKey: TextNormalizer.matchKey(rest))
    }

    /// ``isTableRowLabel(_:)`` of a text whose match key is `k`.
    static func isTableRowLabel(matchKey k: String) -> Bool {
        var k = k
        return k.withUTF8(isTableRowLabel(matchKeyUTF8:))
    }

    /// ``isTableRowLabel(matchKey:)`` of the match key whose UTF-8 bytes are `k`, searched in place.
    static func isTableRowLabel(matchKeyUTF8 k: UnsafeBufferPointer<UInt8>) -> Bool {
        isTableRowLabel(matchKeyUTF8: k, mask: String.byteMask(k))
    }

    /// ``isTableRowLabel(matchKeyUTF8:)`` with `mask` the key's byte mask.
    static func isTableRowLabel(matchKeyUTF8 k: UnsafeBufferPointer<UInt8>, mask: UInt64) -> Bool {
        tableRowWordMasks.contains { $0.mask & ~mask == 0 && includes(k, $0.word) }
    }

    /// ``tableRowWords`` with each word's UTF-8 bytes and byte mask.
    private static let tableRowWordMasks: [(word: [UInt8], mask: UInt64)] = tableRowWords.map { (Array($0.utf8), $0.byteMask) }

    /// ``String/includes(_:)`` of the bytes `k` and `word`.
    @inline(__always)
    private static func includes(_ k: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { String.includes(k, $0) }
    }
}
