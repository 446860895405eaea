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

    /// The administrative units at the start of a match key and the rest, after brackets are
    /// dropped and `人民政府` is shortened to `政府` (``normalize(_:)``'s steps 1–3, every unit kept).
    static func units(ofKey key: String) -> (units: [String], rest: String) {
        if let split = simpleUnits(ofKey: key) { return split }
        var s = dropBrackets(key)
        s = s.replacingOccurrences(of: "人民政府", with: "政府")
        var chars = Array(s)
        var units: [String] = []
        while let n = leadingUnit(chars) {
            units.append(String(chars[..<n]))
            chars.removeFirst(n)
        }
        return (units, String(chars))
    }

    /// ``units(ofKey:)`` on the scalars of a key made only of printable ASCII and CJK unified
    /// ideographs (an agency name's key nearly always): each such scalar is a Character of its own
    /// and equal only to itself, so the Character steps read the same on scalars, without
    /// Character hashing and Foundation. nil for any other key (``ReaderShortcutTests``).
    static func simpleUnits(ofKey key: String) -> (units: [String], rest: String)? {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(key.utf8.count)
        var depth = 0
        for u in key.unicodeScalars {
            let v = u.value
            guard (v > 0x20 && v < 0x7F) || (v >= 0x4E00 && v <= 0x9FFF) else { return nil }
            // Brackets dropped with what they hold (only the ASCII ones occur in a key).
            if v == 0x28 || v == 0x5B { depth += 1; continue }
            if v == 0x29 || v == 0x5D { depth = max(0, depth - 1); continue }
            if depth == 0 { scalars.append(v) }
        }
        // 人民政府 → 政府, left to right.
        var c: [UInt32] = []
        c.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if i + 4 <= scalars.count && scalars[i] == 0x4EBA && scalars[i + 1] == 0x6C11 && scalars[i + 2] == 0x653F && scalars[i + 3] == 0x5E9C {
                c.append(0x653F)
                c.append(0x5E9C)
                i += 4
                continue
            }
            c.append(scalars[i])
            i += 1
        }
        // The scalars' UTF-8 written by ``TextNormalizer/put(_:into:at:)`` straight into the
        // String's storage (appended one by one to a String.UnicodeScalarView, each cost a few
        // hundred instructions): each is ASCII or U+4E00–U+9FFF, three bytes at most.
        func string(_ s: ArraySlice<UInt32>) -> String {
            String(unsafeUninitializedCapacity: s.count * 3) { out in
                var n = 0
                for v in s { n = TextNormalizer.put(v, into: out, at: n) }
                return n
            }
        }
        var units: [String] = []
        var start = 0
        while let n = leadingUnit(scalars: c, from: start) {
            units.append(string(c[start..<(start + n)]))
            start += n
        }
        return (units, string(c[start...]))
    }

    static let unitSuffixScalars: [[UInt32]] = unitSuffixes.map { $0.unicodeScalars.map(\.value) }
    static let departmentScalars: [UInt32] = departmentChars.map { $0.unicodeScalars.first!.value }
    static let commonWordScalars: [[UInt32]] = commonWords.map { $0.unicodeScalars.map(\.value) }
    static let nonUnitFollowerScalars: [UInt32] = nonUnitFollowers.map { $0.unicodeScalars.first!.value }

    /// The least name length of each of ``unitSuffixes`` (one character for 县 and 旗, two for
    /// the others), as ``leadingUnit(_:)`` asks it.
    static let unitSuffixMinNames: [Int] = unitSuffixes.map { $0 == "县" || $0 == "旗" ? 1 : 2 }

    /// One bit per value modulo 64 of the ``departmentScalars``: a scalar whose bit is clear is
    /// none of them (the list is searched only for the others).
    static let departmentBits: UInt64 = departmentScalars.reduce(0) { $0 | 1 << UInt64($1 & 63) }
    /// One bit per value modulo 64 of the first scalars of ``unitSuffixScalars``: no suffix starts
    /// with a scalar whose bit is clear.
    static let unitSuffixFirstBits: UInt64 = unitSuffixScalars.reduce(0) { $0 | 1 << UInt64($1[0] & 63) }

    /// ``leadingUnit(_:)`` on the scalars `c[from...]` of a simple key (see ``simpleUnits(ofKey:)``).
    /// The suffixes are read by index with their least name lengths (``unitSuffixMinNames``), not
    /// zipped with their Strings and compared with `县` and `旗` at each step, and only at a
    /// scalar that may start one (``unitSuffixFirstBits``); the departments are searched only for
    /// a scalar that may be one (``departmentBits``).
    static func leadingUnit(scalars c: [UInt32], from: Int) -> Int? {
        let maxName = 8
        let count = c.count - from
        let suffixes = unitSuffixScalars
        let minNames = unitSuffixMinNames
        let departments = departmentScalars
        let (departmentBits, firstBits) = (Self.departmentBits, Self.unitSuffixFirstBits)
        var i = 1
        while i < count && i <= maxName + 3 {
            let previous = c[from + i - 1]
            if departmentBits & (1 &<< UInt64(previous & 63)) != 0 && departments.contains(previous) { return nil }
            let first = c[from + i]
            // No suffix starts with a scalar whose bit is clear: none is tried at it.
            if firstBits & (1 &<< UInt64(first & 63)) == 0 {
                i += 1
                continue
            }
            for s in suffixes.indices {
                let sc = suffixes[s]
                // The first scalars compared before the slices (no suffix is empty).
                guard i + sc.count <= count, first == sc[0], c[(from + i)..<(from + i + sc.count)].elementsEqual(sc) else { continue }
                let nameLength = i
                guard nameLength >= minNames[s], nameLength <= maxName else { continue }
                let end = i + sc.count
                guard end < count else { return nil }  // a bare unit name: keep it as the rest
                if commonWordScalars.contains(where: { $0.elementsEqual(c[from..<(from + end)]) }) { continue }
                if nonUnitFollowerScalars.contains(c[from + end]) { continue }
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
