/// Reads agency and year from the title, falling back to the statistical-period sentence of the preface.
enum MetadataReader {
    /// Position and value of the first `2023年` / `2023 年` (19xx or 20xx) in the text.
    static func firstYear(_ text: String) -> (year: Int, start: String.Index, end: String.Index)? {
        let s = text
        var i = s.startIndex
        while i < s.endIndex {
            if let d = s[i].wholeNumberValue, d == 1 || d == 2, s[i].isASCII || s[i].unicodeScalars.first!.value >= 0xFF10 {
                var j = i
                var value = 0
                var count = 0
                while j < s.endIndex, count < 4, let v = s[j].wholeNumberValue { value = value * 10 + v; count += 1; j = s.index(after: j) }
                let afterDigits = j
                if count == 4, j < s.endIndex, s[j].wholeNumberValue == nil {
                    while j < s.endIndex, s[j] == " " { j = s.index(after: j) }
                    if j < s.endIndex, s[j] == "年", (1990...2100).contains(value) {
                        return (value, i, s.index(after: j))
                    }
                }
                i = afterDigits > i ? afterDigits : s.index(after: i)
                continue
            }
            i = s.index(after: i)
        }
        return nil
    }

    static func agencyAndYear(title: String?) -> (agency: String?, year: Int?) {
        guard let title, let y = firstYear(title) else { return (nil, nil) }
        var agency = String(title[..<y.start])
        for prefix in ["关于"] where agency.hasPrefix(prefix) { agency.removeFirst(prefix.count) }
        agency = agency.trimmingCharacters(in: "（(《“\"")
        if agency.isEmpty {
            // 2023年度保定市某某局政府信息公开工作年度报告
            var rest = title[y.end...]
            if rest.hasPrefix("度") { rest = rest.dropFirst() }
            if let r = rest.range(of: "政府信息公开") { agency = String(rest[..<r.lowerBound]) }
        }
        if agency.hasSuffix("的") { agency.removeLast() }
        return (agency.isEmpty ? nil : agency, y.year)
    }

    /// Year from the statistical period: 统计期限为2023年1月1日至12月31日, or the first year named.
    static func year(fromPreface preface: String) -> Int? {
        if let r = preface.range(of: "统计") ?? preface.range(of: "期限"), let y = firstYear(String(preface[r.lowerBound...])) {
            return y.year
        }
        return firstYear(preface)?.year
    }
}
