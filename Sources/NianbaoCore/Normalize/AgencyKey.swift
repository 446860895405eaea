/// A normalized agency name, so that the reports of one agency match across years although the
/// title names it differently (洪泽区人民政府 / 淮安市洪泽区人民政府 / 淮安市洪泽区政府).
///
/// The rule, in order:
/// 1. Display normalization (full-width → ASCII, Kangxi radicals → ideographs), all whitespace
///    removed, bracketed notes dropped: `（区政府研究室）`, `(…)`, `【…】`.
/// 2. `人民政府` → `政府`.
/// 3. The leading chain of administrative units is cut to its most specific unit. A unit is a name
///    of at least two characters (one for 县/旗: 沛县) ending in 省, 自治区, 市, 自治州, 州, 盟,
///    地区, 自治县, 县, 自治旗, 旗, 区, 镇, 乡 or 街道, whose name has none of the characters that
///    mark a department (和 与 及 局 委 厅 办 部 院 会 所 站 队 处 科 司 管) and is not a common word
///    (城市, 城乡, 社区, 园区, 景区, 辖区, 市区…) nor followed by 场/域/级/村/民/委/长/直 (市场, 区域, 县级, 市委…).
///    `江苏省淮安市洪泽区财政局` → units 江苏省, 淮安市, 洪泽区 → `洪泽区财政局`.
/// 4. What is left is the key: the most specific unit and the department name
///    (`洪泽区政府`, `保定市机关事务管理局`, `潍坊市市场监督管理局`).
///
/// Two different agencies can share a key only if they share the most specific place name and the
/// department (two 朝阳区 in different cities); the cross-year checks then see several reports of one
/// key and year and use the first in path order, with a note.
package enum AgencyKey {
    static let unitSuffixes = ["自治区", "自治州", "自治县", "自治旗", "街道", "地区", "省", "市", "州", "盟", "县", "旗", "区", "镇", "乡"]
    /// ``unitSuffixes`` as Characters, made once (``leadingUnit(_:)`` compares them at every position).
    static let unitSuffixCharacters: [[Character]] = unitSuffixes.map { Array($0) }
    static let departmentChars: Set<Character> = ["和", "与", "及", "局", "委", "厅", "办", "部", "院", "会", "所", "站", "队", "处", "科", "司", "管", "中", "心"]
    static let commonWords: Set<String> = ["城市", "城乡", "社区", "园区", "景区", "辖区", "市区", "都市", "郊区", "山区", "林区", "牧区", "矿区", "老区"]
    static let nonUnitFollowers: Set<Character> = ["场", "域", "级", "村", "民", "委", "长", "直"]

    package static func normalize(_ name: String) -> String? {
        var s = TextNormalizer.matchKey(name)
        s = dropBrackets(s)
        s = s.replacingOccurrences(of: "人民政府", with: "政府")
        guard !s.isEmpty else { return nil }
        var chars = Array(s)
        var lastUnit: [Character]? = nil
        while let unit = leadingUnit(chars) {
            lastUnit = Array(chars[..<unit])
            chars.removeFirst(unit)
        }
        let rest = String(chars)
        if let lastUnit { return String(lastUnit) + rest }
        return rest.isEmpty ? nil : rest
    }

    /// Length of an administrative unit at the start of `c`, if there is one (and something follows it).
    static func leadingUnit(_ c: [Character]) -> Int? {
        let maxName = 8
        var i = 1
        while i < c.count && i <= maxName + 3 {
            if departmentChars.contains(c[i - 1]) { return nil }
            for (suffix, sc) in zip(unitSuffixes, unitSuffixCharacters) {
                guard i + sc.count <= c.count, c[i..<(i + sc.count)].elementsEqual(sc) else { continue }
                let nameLength = i
                let minName = (suffix == "县" || suffix == "旗") ? 1 : 2
                guard nameLength >= minName, nameLength <= maxName else { continue }
                let end = i + sc.count
                guard end < c.count else { return nil }  // a bare unit name: keep it as the rest
                if commonWords.contains(String(c[0..<end])) { continue }
                if nonUnitFollowers.contains(c[end]) { continue }
                return end
            }
            i += 1
        }
        return nil
    }

    static func dropBrackets(_ s: String) -> String {
        var out = ""
        var depth = 0
        for ch in s {
            if ch == "(" || ch == "（" || ch == "【" || ch == "[" { depth += 1; continue }
            if ch == ")" || ch == "）" || ch == "】" || ch == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        return out
    }
}
