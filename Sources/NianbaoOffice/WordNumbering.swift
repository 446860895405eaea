/// Word's automatic numbering (`word/numbering.xml`): the printed label of a paragraph with
/// `w:numPr`, such as `一、` (`chineseCounting`, `%1、`) or `（一）` (`（%2）`).
///
/// Counters follow Word: one sequence per abstract numbering shared by the `w:num` instances that
/// use it, except that an instance with a `w:startOverride` counts on its own; a level restarts
/// when a higher level advances.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
        /// `w:suff`: what follows the label (`tab`, `space`, `nothing`).
        var suffix = "tab"
        /// `w:isLgl`: every level shown as decimal.
        var legal = false
    }

    struct Instance {
        var abstract: String
        var levels: [Int: Level]
        /// Counts on its own (has a start override).
        var own: Bool
    }

    private var instances: [String: Instance] = [:]
    private var counters: [String: [Int?]] = [:]

    init() {}

    /// Reads `numbering.xml`.
    init(_ tree: XMLTree) {
        guard let root = tree.root else { return }
        var abstracts: [String: [Int: Level]] = [:]
        for a in tree.children(root, "abstractNum") {
            guard let id = tree.attribute(a, "abstractNumId") else { continue }
            var levels: [Int: Level] = [:]
            for l in tree.children(a, "lvl") {
                guard let i = tree.attribute(l, "ilvl").flatMap(Int.init) else { continue }
                levels[i] = Self.level(tree, l, base: Level())
            }
            abstracts[id] = levels
        }
        for n in tree.children(root, "num") {
            guard let id = tree.attribute(n, "numId"), let a = tree.child(n, "abstractNumId"),
                let abstract = tree.attribute(a, "val")
            else { continue }
            var levels = abstracts[abstract] ?? [:]
            var own = false
            for o in tree.children(n, "lvlOverride") {
                guard let i = tree.attribute(o, "ilvl").flatMap(Int.init) else { continue }
                if let l = tree.child(o, "lvl") { levels[i] = Self.level(tree, l, base: levels[i] ?? Level()) }
                if let s = tree.child(o, "startOverride"), let v = tree.attribute(s, "val").flatMap(Int.init) {
                    levels[i, default: Level()].start = v
                    own = true
                }
            }
            instances[id] = Instance(abstract: abstract, levels: levels, own: own)
        }
    }

    private static func level(_ tree: XMLTree, _ l: Int, base: Level) -> Level {
        var level = base
        if let s = tree.child(l, "start"), let v = tree.attribute(s, "val").flatMap(Int.init) { level.start = v }
        if let f = tree.child(l, "numFmt"), let v = tree.attribute(f, "val") { level.format = v }
        if let t = tree.child(l, "lvlText"), let v = tree.attribute(t, "val") { level.text = v }
        if let s = tree.child(l, "suff"), let v = tree.attribute(s, "val") { level.suffix = v }
        if let g = tree.child(l, "isLgl") { level.legal = tree.attribute(g, "val").map { $0 != "0" && $0 != "false" } ?? true }
        return level
    }

    /// Advances the counter of (numId, level) and returns the label as printed, with the text
    /// that separates it from the paragraph (`""` or `" "`). Nil for numId 0 or an unknown list.
    mutating func label(numId: String, level: Int) -> (label: String, separator: String)? {
        guard numId != "0", let instance = instances[numId], level >= 0, level < 9 else { return nil }
        let key = instance.own ? "num:" + numId : "abs:" + instance.abstract
        var counts = counters[key] ?? Array(repeating: nil, count: 9)
        let current = instance.levels[level] ?? Level()
        counts[level] = (counts[level] ?? (current.start - 1)) + 1
        for deeper in (level + 1)..<9 { counts[deeper] = nil }
        counters[key] = counts
        if current.format == "none" { return nil }
        var label = ""
        var rest = Substring(current.text)
        while let i = rest.firstIndex(of: "%") {
            label += rest[..<i]
            let after = rest.index(after: i)
            if after < rest.endIndex, let d = rest[after].wholeNumberValue, d >= 1, d <= 9 {
                let l = d - 1
                let lv = instance.levels[l] ?? Level()
                let n = counts[l] ?? lv.start
                label += Self.format(n, current.legal && l < level ? "decimal" : lv.format)
                rest = rest[rest.index(after: after)...]
            } else {
                label += "%"
                rest = rest[after...]
            }
        }
        label += rest
        if current.format == "bullet" { return nil }
        let separator: String
        if current.suffix == "nothing" {
            separator = ""
        } else if let last = label.unicodeScalars.last, last.value >= 0x2E80 {
            separator = ""
        }  // 、 ） and other CJK punctuation
        else {
            separator = " "
        }
        return (label, separator)
    }

    /// A number in one of Word's `w:numFmt` formats.
    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
            "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting":
            return chineseCounting(n, legal: format == "chineseLegalSimplified")
        case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
            let digits = Array("〇一二三四五六七八九")
            return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return n >= 1 && n <= 10 ? String(stems[n - 1]) : String(n)
        case "ideographZodiac":
            let branches = Array("子丑寅卯辰巳午未申酉戌亥")
            return n >= 1 && n <= 12 ? String(branches[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return n >= 1 && n <= 20 ? String(Unicode.Scalar(0x2460 + UInt32(n - 1))!) : String(n)
        case "decimalEnclosedParen": return "(\(n))"
        case "decimalEnclosedFullstop": return "\(n)."
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "lowerLetter", "upperLetter":
            guard n >= 1 else { return String(n) }
            let letter = Character(Unicode.Scalar(UInt8(0x61 + (n - 1) % 26)))
            let s = String(repeating: letter, count: (n - 1) / 26 + 1)
            return format == "upperLetter" ? s.uppercased() : s
        case "lowerRoman", "upperRoman":
            let s = roman(n)
            return format == "upperRoman" ? s.uppercased() : s
        default:
            return String(n)
        }
    }

    static func chineseCounting(_ n: Int, legal: Bool) -> String {
        let digits = legal ? Array("零壹贰叁肆伍陆柒捌玖") : Array("零一二三四五六七八九")
        let ten: Character = legal ? "拾" : "十", hundred: Character = legal ? "佰" : "百"
        guard n > 0, n < 1000 else { return String(n) }
        var out = ""
        let h = n / 100, t = (n / 10) % 10, u = n % 10
        if h > 0 { out.append(digits[h]); out.append(hundred) }
        if t > 0 {
            if !(h == 0 && t == 1) || legal { out.append(digits[t]) }
            out.append(ten)
        } else if h > 0 && u > 0 {
            out.append(digits[0])
        }
        if u > 0 { out.append(digits[u]) }
        return out
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }
}
