/// Finds the title among the rows before the first heading: the run of short lines ending with the
/// one that says 报告 (the title is often split: 保定市机关事务管理局 / 2023 年政府信息公开工作年度报告).
enum TitleFinder {
    static func titleRows(_ front: ArraySlice<GridRow>) -> Range<Int>? {
        let limit = min(front.endIndex, front.startIndex + 8)
        // Bit k: whether `front[front.startIndex + k]` is title-like, for the rows before `end`:
        // each was asked on the way to it, and the rows the title is extended over are among them.
        var titleLike: UInt8 = 0
        var found: Int?
        for i in front.startIndex..<limit {
            guard isTitleLike(front[i]) else { continue }
            if TextNormalizer.matchKey(front[i].text).includes("报告") {
                found = i
                break
            }
            titleLike |= 1 << UInt8(i - front.startIndex)
        }
        guard let end = found else { return nil }
        var start = end
        while start > front.startIndex, end - start < 2, titleLike & (1 << UInt8(start - 1 - front.startIndex)) != 0 { start -= 1 }
        return start..<(end + 1)
    }

    static func isTitleLike(_ row: GridRow) -> Bool {
        let t = row.text
        // At most 48 scalars: at most 48 bytes surely, more than 192 bytes surely not.
        let bytes = t.utf8.count
        guard bytes <= 48 || (bytes <= 192 && t.scalarCount <= 48) else { return false }
        if let stop = t.utf8.withContiguousStorageIfAvailable(holdsStopOrBreadcrumbMark) {
            // The same tests as below, the byte searches made in one pass.
            return !stop && !HeadingTokenizer.startsWithMarker(t) && !RunTogetherText.isFurniture(t)
        }
        return !t.includes("。") && !t.includes("，") && !t.includes("：") && !t.includesByte(0x3A)
            && !HeadingTokenizer.startsWithMarker(t) && !isBreadcrumb(t)
    }

    /// Whether the bytes hold 。，：`:` (no title holds them) or `>`＞»› (``isBreadcrumb(_:)``):
    /// the byte searches of ``isTitleLike(_:)`` and ``isBreadcrumb(_:)`` (``String/includes(_:)``
    /// compares bytes) in one pass.
    static func holdsStopOrBreadcrumbMark(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            i += 1
            if c < 0xC2 {
                if c == 0x3A || c == 0x3E { return true }
                continue
            }
            // The rest of a mark: two bytes after E3/EF/E2, one after C2.
            if c == 0xC2 {
                if i < n && b[i] == 0xBB { return true }  // » C2 BB
            } else if i + 1 < n {
                let (d, e) = (b[i], b[i + 1])
                if c == 0xE3 && d == 0x80 && e == 0x82 { return true }  // 。
                if c == 0xEF && d == 0xBC && (e == 0x8C || e == 0x9A || e == 0x9E) { return true }  // ，：＞
                if c == 0xE2 && d == 0x80 && e == 0xBA { return true }  // ›
            }
            // The lead byte's continuation bytes (80–BF: neither 3A nor 3E) stepped over, one
            // after C2–DF, two after E0–EF, three after F0–F4 (a String's bytes are valid UTF-8).
            i &+= c >= 0xF0 ? 3 : (c >= 0xE0 ? 2 : 1)
        }
        return false
    }

    /// A web page's path printed above its title (`首页>政务公开>政府信息公开年报`, a page printed
    /// to PDF from the browser): no title holds `>`, `＞`, `»` or `›`, nor starts with 首页.
    static func isBreadcrumb(_ t: String) -> Bool {
        t.includesByte(0x3E) || t.includes("＞") || t.includes("»") || t.includes("›") || RunTogetherText.isFurniture(t)
    }

    /// The title text: rows joined, spaces removed except between ASCII words (2023 年 → 2023年).
    static func title(_ rows: ArraySlice<GridRow>) -> String {
        var out = ""
        for row in rows { out = ParagraphJoiner.join(out, row.text) }
        return removeSpaces(out)
    }

    static func removeSpaces(_ s: String) -> String {
        // On the bytes: a space is the byte 0x20, and an ASCII letter beside it is one byte (any
        // byte of a longer scalar is 0x80 or above), so the scalars beside a space are its bytes.
        let bytes = s.utf8.withContiguousStorageIfAvailable { b -> String in
            guard b.contains(0x20) else { return s }
            @inline(__always) func letter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            for i in b.indices {
                if b[i] == 0x20 {
                    if i > 0, i + 1 < b.count, letter(b[i - 1]), letter(b[i + 1]) { out.append(0x20) }
                    continue
                }
                out.append(b[i])
            }
            return String(decoding: out, as: UTF8.self)
        }
        return bytes ?? removeSpacesOnScalars(s)
    }

    /// The plain reading of ``removeSpaces(_:)``, on the scalars.
    static func removeSpacesOnScalars(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var view = String.UnicodeScalarView()
        let asciiWord: (Unicode.Scalar) -> Bool = { $0.isASCII && $0.properties.isAlphabetic }
        for (i, c) in scalars.enumerated() {
            if c == " " {
                if i > 0, i + 1 < scalars.count, asciiWord(scalars[i - 1]), asciiWord(scalars[i + 1]) { view.append(c) }
                continue
            }
            view.append(c)
        }
        return String(view)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) || l == "）" || l == ")" || l == "》" || l == "”" { s = s.dropLast() }
        return String(s)
    }
}
