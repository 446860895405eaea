import NianbaoCore
/// Page numbers, running headers and footers: text that belongs to the page, not the report.
package enum PDFPageFurniture {
    /// -4-, — 5 —, 第 4 页, 第4页 共5页, 4/5, Page 4 of 5, a bare 4.
    static func isPageNumber(_ text: String) -> Bool {
        var key = TextNormalizer.matchKey(text).lowercased()
        key = String(key.unicodeScalars.filter { !"-~·.,_*|()[]<>".unicodeScalars.contains($0) }.map(Character.init))
        guard !key.isEmpty else { return false }
        func digits(_ s: Substring) -> Bool { !s.isEmpty && s.count <= 4 && s.allSatisfy { $0.isASCII && $0.isNumber } }
        if digits(Substring(key)) { return true }
        if key.hasPrefix("第"), key.hasSuffix("页") {
            // 第4页 or 第4页共5页
            let inner = key.dropFirst().dropLast()
            if digits(inner) { return true }
            if let r = inner.range(of: "页共") { return digits(inner[..<r.lowerBound]) && digits(inner[r.upperBound...]) }
        }
        if key.hasPrefix("共"), let r = key.range(of: "页第"), key.hasSuffix("页") {
            return digits(key[key.index(after: key.startIndex)..<r.lowerBound]) && digits(key[r.upperBound..<key.index(before: key.endIndex)])
        }
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, digits(parts[0]), digits(parts[1]) { return true }
        if key.hasPrefix("page") {
            let rest = key.dropFirst(4)
            if digits(rest) { return true }
            if let r = rest.range(of: "of") { return digits(rest[..<r.lowerBound]) && digits(rest[r.upperBound...]) }
        }
        return false
    }

    /// Removes page numbers and running headers/footers from the pages' prose rows.
    /// Only the top-most and bottom-most prose rows within the page margins are candidates.
    package static func strip(_ pages: inout [PageLayoutResult]) {
        struct Candidate { var page: Int; var row: Int; var key: String; var top: Bool }
        var candidates: [Candidate] = []
        for (p, page) in pages.enumerated() {
            guard !page.rows.isEmpty else { continue }
            // up to two rows from each end, as long as they are prose in the margin band
            for k in 0..<min(2, page.rows.count) {
                let row = page.rows[k]
                guard row.isProse, row.box.y1 < page.height * 0.12 else { break }
                candidates.append(Candidate(page: p, row: k, key: runningKey(row.text), top: true))
            }
            for k in 0..<min(2, page.rows.count) {
                let idx = page.rows.count - 1 - k
                let row = page.rows[idx]
                guard row.isProse, row.box.y0 > page.height * 0.86 else { break }
                candidates.append(Candidate(page: p, row: idx, key: runningKey(row.text), top: false))
            }
        }
        var counts: [String: Set<Int>] = [:]
        for c in candidates { counts[c.key + (c.top ? "^" : "_"), default: []].insert(c.page) }
        var drop: [Int: Set<Int>] = [:]
        for c in candidates {
            let text = pages[c.page].rows[c.row].text
            let repeated = pages.count >= 3 && (counts[c.key + (c.top ? "^" : "_")]?.count ?? 0) >= max(2, pages.count / 2) && !c.key.isEmpty
            if isPageNumber(text) || repeated {
                drop[c.page, default: []].insert(c.row)
            }
        }
        for (p, rows) in drop {
            pages[p].rows = pages[p].rows.enumerated().filter { !rows.contains($0.offset) }.map(\.element)
        }
    }

    /// Running headers differ only in their page numbers.
    private static func runningKey(_ text: String) -> String {
        String(TextNormalizer.matchKey(text).unicodeScalars.filter { !$0.isDigitASCII }.map(Character.init))
    }
}
