#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text a crawler kept of a report's web page: the whole report on one or a few long lines, the
/// section headings inline (`…联系。一、总体情况2021年，…`), the page's furniture around it
/// (`标题:`/`发布时间:` header lines, breadcrumbs, `字号 大 中 小`, `打印 关闭`).
///
/// ``reflow(_:)`` cuts such lines into rows: one per inline section heading (the heading alone, its
/// text on the next row), and drops the furniture. A heading is cut only where it is one of the
/// six standard sections, its number goes up, and it follows a sentence end, a space, a pipe, a
/// number or a unit (never inside a word: `统一、规范`); enumerations (`一是`, `（一）…方面`) are
/// not section markers. Rows of ordinary documents are returned unchanged.
enum RunTogetherText {
    /// Lines shorter than this are ordinary lines.
    static let longLine = 150

    static func reflow(_ rows: [GridRow]) -> [GridRow] {
        guard rows.contains(where: { $0.table == nil && $0.text.utf8.count >= longLine * 3 }) else { return rows }
        var out: [GridRow] = []
        out.reserveCapacity(rows.count + 32)
        var last = 0
        var seenHeading = false
        let header = crawlHeaderEnd(rows)
        for (i, row) in rows.enumerated() {
            if i < header { continue }
            guard row.table == nil, row.text.scalarCount >= longLine else {
                if let t = HeadingTokenizer.token(row.text), t.level == .section, SectionClassifier.key(forHeading: t.rest) != nil {
                    last = max(last, t.number); seenHeading = true
                }
                out.append(row)
                continue
            }
            let pieces = cut(row.text, last: &last)
            // No inline heading: an ordinary long line (or one huge cell), left as it is.
            if pieces.count == 1 { out.append(row); continue }
            for (k, piece) in pieces.enumerated() {
                var texts = [piece.text]
                if !seenHeading && !piece.heading {
                    // Before the first heading: title, preface and page furniture share the line.
                    texts = piece.text.split(separator: " ").map(String.init).filter { !isFurniture($0) }
                } else if !piece.heading {
                    texts = [dropFurnitureEnds(piece.text)]
                }
                if piece.heading { seenHeading = true }
                for t in texts where !t.isEmpty {
                    out.append(
                        GridRow(
                            cells: [GridCell(text: t, at: row.at)], text: t, at: row.at,
                            startsParagraph: k == 0 ? row.startsParagraph : true))
                }
            }
        }
        return out
    }

    struct Piece {
        var text: String
        var heading: Bool
    }

    /// Cuts a line at its inline section headings.
    static func cut(_ text: String, last: inout Int) -> [Piece] {
        let s = Array(text.unicodeScalars)
        var cuts: [(start: Int, headingEnd: Int)] = []
        var i = 0
        while i < s.count {
            guard let n = HeadingTokenizer.numerals[s[i]], n > 0, n <= 6, i + 1 < s.count, s[i + 1] == "、" else { i += 1; continue }
            if i > 0 && !allowedBefore(s[i - 1]) { i += 1; continue }
            if i > 0, HeadingTokenizer.numerals[s[i - 1]] != nil { i += 1; continue }
            guard n > last else { i += 1; continue }
            let end = headingEnd(s, from: i + 2)
            let rest = string(s[(i + 2)..<end])
            if !rest.isEmpty, SectionClassifier.key(forHeading: rest) != nil, !SectionClassifier.isTableRowLabel(rest) {
                cuts.append((i, end))
                last = n
                i = end
                continue
            }
            i += 1
        }
        guard !cuts.isEmpty else { return [Piece(text: text, heading: false)] }
        var out: [Piece] = []
        var pos = 0
        for c in cuts {
            let before = string(s[pos..<c.start]).trimmingSpaces()
            if !before.isEmpty { out.append(Piece(text: before, heading: false)) }
            out.append(Piece(text: string(s[c.start..<c.headingEnd]).trimmingSpaces(), heading: true))
            pos = c.headingEnd
        }
        let tail = string(s[pos...]).trimmingSpaces()
        if !tail.isEmpty { out.append(Piece(text: tail, heading: false)) }
        return out
    }

    /// A section marker may follow a sentence end, a space, markup, a digit or a unit; not a letter
    /// of a word.
    static func allowedBefore(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v >= 0x4E00 && v <= 0x9FFF { return c == "元" || c == "无" }
        return true
    }

    /// The end of an inline heading: through the first 情况 or 事项 within 40 scalars, else at the
    /// first sentence mark, space, digit or opening bracket.
    static func headingEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        let limit = min(s.count, start + 40)
        var j = start
        while j + 1 < limit {
            if (s[j] == "情" && s[j + 1] == "况") || (s[j] == "事" && s[j + 1] == "项") { return j + 2 }
            j += 1
        }
        j = start
        while j < limit {
            let c = s[j]
            if "。，；：:;,. （(|".unicodeScalars.contains(c) || (c.value >= 0x30 && c.value <= 0x39) { break }
            j += 1
        }
        return j
    }

    /// The rows of a crawler's header block (`标题: …`, `发布时间: …`, `==== 正文 ====`), counted from
    /// the top; 0 when the document does not start with one.
    static func crawlHeaderEnd(_ rows: [GridRow]) -> Int {
        let keys = ["标题", "发布时间", "文号", "发布机构", "栏目", "原文链接", "本地目录", "来源", "索引号", "发文日期", "发布日期", "页面链接"]
        var end = 0, fields = 0
        for (i, row) in rows.prefix(16).enumerated() {
            let k = TextNormalizer.matchKey(row.text)
            if keys.contains(where: { k.hasPrefix($0 + ":") || (k.hasPrefix($0) && $0 == "页面链接") }) { fields += 1; end = i + 1; continue }
            if k.hasPrefix("===") { end = i + 1; continue }
            break
        }
        return fields >= 3 ? end : 0
    }

    static let furnitureWords: Set<String> = [
        "微信", "微博", "QQ空间", "全真版", "文字版", "文件下载", "附件下载", "相关链接:", "-->", "<--",
        "字号", "字号:", "大", "中", "小", "打印", "关闭", "打印本页", "关闭窗口", "【打印】", "【关闭】",
        "[打印]", "[关闭]", "分享到:", "分享", "收藏", "扫一扫", "【大", "中", "小】", "[大", "小]",
    ]
    /// A bound on the UTF-8 length of a text equal to a furniture word. String equality is canonical
    /// equivalence, but a text equivalent to one of these words (ASCII, CJK ideographs, 【】) is at
    /// most three times its length (U+212A KELVIN SIGN is K); a longer key is ruled out without
    /// hashing it (hashing normalizes it), with a margin.
    static let furnitureWordsMaxBytes = 4 * furnitureWords.map(\.utf8.count).max()!
    static let furniturePrefixes = ["当前位置", "您的位置", "来源:", "时间:", "发布时间", "发布日期", "字号:", "浏览次数", "点击数", "信息来源", "访问量", "作者:"]

    static func isFurniture(_ segment: String) -> Bool {
        let k = TextNormalizer.matchKey(segment)
        if let decided = k.utf8.withContiguousStorageIfAvailable(isFurnitureKey(plainBytes:)), let answer = decided { return answer }
        return isFurnitureKey(k)
    }

    /// The furniture words and prefixes as UTF-8 bytes, for ``isFurnitureKey(plainBytes:)``.
    static let furnitureWordBytes: [[UInt8]] = furnitureWords.map { Array($0.utf8) }
    static let furnitureWordsLongest = furnitureWordBytes.map(\.count).max()!
    static let furniturePrefixBytes: [[UInt8]] = furniturePrefixes.map { Array($0.utf8) }

    /// ``isFurnitureKey(_:)`` on the bytes of a match key made only of printable ASCII (21–7E),
    /// CJK unified ideographs (U+4E00–U+9FFF) and the punctuation U+3001–U+3007, U+300C–U+300F;
    /// nil for any other key (the Character reading decides). Such a key is in NFC (none of these
    /// scalars decomposes or composes with its neighbour) and each of its scalars is a Character of
    /// its own, so against the words and prefixes (NFC too) String equality and `hasPrefix` are
    /// equality and prefix of the bytes, `contains("。")` is the bytes E3 80 82, and the date test's
    /// Characters are its bytes (`isNumber` on ASCII is a digit).
    static func isFurnitureKey(plainBytes b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = b.count
        if n == 0 { return true }
        var i = 0
        var period = false
        var dateLike = true
        var dateMark = false
        var scalars = 0
        while i < n {
            let (v, next) = b.scalar(at: i)
            i = next
            scalars += 1
            if v < 0x80 {
                guard v > 0x20 && v != 0x7F else { return nil }
                if v == 0x2D || v == 0x3A { dateMark = true } else if !(v == 0x2F || (v >= 0x30 && v <= 0x39)) { dateLike = false }
                continue
            }
            dateLike = false
            guard (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3001 && v <= 0x3007) || (v >= 0x300C && v <= 0x300F) else { return nil }
            if v == 0x3002 { period = true }
        }
        let base = b.baseAddress!
        @inline(__always) func starts(with p: [UInt8]) -> Bool {
            p.count <= n && p.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, p.count) == 0 }
        }
        if n <= furnitureWordsLongest {
            for w in furnitureWordBytes where w.count == n && starts(with: w) { return true }
        }
        for p in furniturePrefixBytes where starts(with: p) { return true }
        // 首页 (E9 A6 96 E9 A1 B5), no 。, fewer than 60 scalars.
        if n >= 6 && base[0] == 0xE9 && base[1] == 0xA6 && base[2] == 0x96 && base[3] == 0xE9 && base[4] == 0xA1 && base[5] == 0xB5,
            !period, scalars < 60
        {
            return true
        }
        return dateLike && dateMark
    }

    /// The reading of ``isFurniture(_:)`` on the match key's Characters.
    static func isFurnitureKey(_ k: String) -> Bool {
        if k.isEmpty || (k.utf8.count <= furnitureWordsMaxBytes && furnitureWords.contains(k)) { return true }
        // The UTF-8 tests first: a match key holds no compatibility ideograph (NFKC maps them), so
        // its Characters can equal these words' only where its bytes hold theirs; the Character
        // tests still decide.
        if furniturePrefixes.contains(where: { k.utf8.starts(with: $0.utf8) && k.hasPrefix($0) }) { return true }
        // A breadcrumb: 首页政务公开… without a sentence.
        if k.utf8.starts(with: "首页".utf8), k.hasPrefix("首页"), !k.contains("。"), k.scalarCount < 60 { return true }
        // A bare date or time: 2022-02-08, 16:34.
        if k.includesByte(0x2D) || k.includesByte(0x3A), k.contains(where: { $0 == "-" || $0 == ":" }), k.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ":" || $0 == "/") }) {
            return true
        }
        return false
    }

    /// Furniture words at the end of a piece (`… 附件下载`, `打印 关闭`).
    static func dropFurnitureEnds(_ text: String) -> String {
        var end = text.endIndex
        // Word by word from the end (a piece can be megabytes long: never split it all).
        while let space = text[..<end].lastIndex(of: " ") {
            let word = text[text.index(after: space)..<end]
            guard word.isEmpty || isFurniture(String(word)) else { break }
            end = space
        }
        var s = text[..<end]
        while s.last == " " { s = s.dropLast() }
        return s.isEmpty ? text : String(s)
    }

    private static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        return String(v)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
