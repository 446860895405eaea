/// Finds which row a label names. Rows are tried in priority order (specific sub-rows before the
/// group rows whose words they contain); label cells are tried right to left (the rightmost cell is
/// the most specific: `（三）不予公开 | 1.属于国家秘密`); then the wrapped label from the rows above.
///
/// One label cell that names two rows of the table (`（一）予以公开、（二）部分公开（区分处理的…` where a
/// borderless reading put the first line of the next row's wrapped label beside this row's values)
/// does not say whose values follow: no row is claimed, and the rows stay missing (null with a
/// diagnostic) rather than taking each other's numbers. Group rows listed in ``groups`` (`（六）其他处理`)
/// may share a cell with their sub-rows; the sub-row, earlier in ``priority``, wins as before.
struct LabelMatcher: Sendable {
    var priority: [RowSpec] {
        didSet {
            (masks, maskSpecs) = Self.masks(priority)
            isGroup = Self.isGroup(priority, groups)
            (keywordBytes, keywordEnds, specKeywordEnds) = Self.keywords(priority)
            wholeLabels = priority.map(\.wholeLabel)
        }
    }
    /// Keys of group rows whose label is printed in the same cell as a sub-row's.
    var groups: Set<String> = [] {
        didSet { isGroup = Self.isGroup(priority, groups) }
    }
    /// Per spec in ``priority``: whether its key is in ``groups`` (no hashing per label).
    private var isGroup: [Bool]
    /// The ``String/byteMask`` of each keyword (and of the whole label) of every spec in
    /// ``priority``, spec after spec in one array (no inner array retained per spec tried);
    /// ``maskSpecs`` holds the spec of each. A spec whose masks all have a byte the label lacks
    /// cannot match it (``RowSpec/matches(_:)`` finds keywords as byte substrings), so it is not
    /// tried: most specs for most labels. (A mask of byte pairs let fewer specs through, but
    /// making it cost more than the searches it saved.)
    private var masks: [UInt64]
    /// Per entry of ``masks``: the index in ``priority`` of its spec (ascending: a spec's masks
    /// follow one another).
    private var maskSpecs: [Int]
    /// The UTF-8 bytes of the keywords of every spec in ``priority``, keyword after keyword and
    /// spec after spec in one array (``keywordEnds``: where each keyword's end;
    /// ``specKeywordEnds``: where each spec's keywords end in ``keywordEnds``), and per spec its
    /// whole label: apart from the spec (reading them through `priority[i]` copied the whole
    /// RowSpec: four retains and releases per spec tried), and as bytes, not an array of
    /// Strings per spec (each spec's array was retained and released when it was tried, and
    /// each keyword when it was searched for).
    private var keywordBytes: [UInt8]
    private var keywordEnds: [Int]
    private var specKeywordEnds: [Int]
    private var wholeLabels: [String?]

    init(priority: [RowSpec], groups: Set<String> = []) {
        self.priority = priority
        self.groups = groups
        (self.masks, self.maskSpecs) = Self.masks(priority)
        self.isGroup = Self.isGroup(priority, groups)
        (self.keywordBytes, self.keywordEnds, self.specKeywordEnds) = Self.keywords(priority)
        self.wholeLabels = priority.map(\.wholeLabel)
    }

    private static func keywords(_ priority: [RowSpec]) -> (bytes: [UInt8], ends: [Int], specEnds: [Int]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var specEnds: [Int] = []
        for spec in priority {
            for keyword in spec.keywords {
                bytes += keyword.utf8
                ends.append(bytes.count)
            }
            specEnds.append(ends.count)
        }
        return (bytes, ends, specEnds)
    }

    private static func isGroup(_ priority: [RowSpec], _ groups: Set<String>) -> [Bool] {
        priority.map { groups.contains($0.key) }
    }

    private static func masks(_ priority: [RowSpec]) -> ([UInt64], [Int]) {
        // The whole label (`其他`) is compared after stripping a prefix: when it matches, the key
        // ends with its bytes (no other scalar decomposes canonically to 其 or 他, so the equal
        // Substring holds the same scalars), so its mask is a necessary condition as well.
        var masks: [UInt64] = []
        var specs: [Int] = []
        for (i, spec) in priority.enumerated() {
            masks += spec.keywords.map(\.byteMask) + (spec.wholeLabel.map { [$0.byteMask] } ?? [])
            specs += repeatElement(i, count: masks.count - specs.count)
        }
        return (masks, specs)
    }

    /// Calls `body` with each spec, in ``priority`` order, that can match a key with this
    /// ``String/byteMask`` (a necessary condition: one of its masks has no byte the key lacks),
    /// until it returns true; each spec once. One pass over ``masks``, a spec taken at its first
    /// mask that passes (a loop per spec over its own masks cost some twenty instructions a
    /// spec, for every spec, most of which no mask lets through).
    @inline(__always)
    private func forEachCandidate(_ keyMask: UInt64, _ body: (Int) -> Bool) {
        masks.withUnsafeBufferPointer { m in
            maskSpecs.withUnsafeBufferPointer { specs in
                precondition(specs.count == m.count)
                var last = -1
                for j in m.indices where m[j] & ~keyMask == 0 && specs[j] != last {
                    last = specs[j]
                    if body(last) { return }
                }
            }
        }
    }

    /// `priority[i].matches(key)` (``RowSpec/matches(_:keywords:wholeLabel:)``), without copying
    /// the spec or its keywords: each keyword's bytes are searched for in the key's (as
    /// ``String/includes(_:)`` searches them), in place.
    @inline(__always)
    private func matches(_ i: Int, _ key: String) -> Bool {
        RowSpec.matches(key, wholeLabel: wholeLabels[i]) { key in
            if let inPlace = key.utf8.withContiguousStorageIfAvailable({ holdsKeyword(i, $0) }) { return inPlace }
            var key = key
            return key.withUTF8 { holdsKeyword(i, $0) }
        }
    }

    /// Whether the bytes of a key hold a keyword of spec `i` (in ``priority``).
    @inline(__always)
    private func holdsKeyword(_ i: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        keywordBytes.withUnsafeBufferPointer { bytes in
            keywordEnds.withUnsafeBufferPointer { ends in
                specKeywordEnds.withUnsafeBufferPointer { specEnds in
                    let first = i == 0 ? 0 : specEnds[i - 1]
                    for j in first..<specEnds[i] {
                        let start = j == 0 ? 0 : ends[j - 1]
                        if String.includes(key, UnsafeBufferPointer(rebasing: bytes[start..<ends[j]])) { return true }
                    }
                    return false
                }
            }
        }
    }

    /// The first spec in priority order that matches `key`, as `priority.first { $0.matches(key) }`.
    func firstMatch(_ key: String) -> RowSpec? {
        firstMatchIndex(key).map { priority[$0] }
    }

    /// ``firstMatch(_:)`` as an index into ``priority``.
    func firstMatchIndex(_ key: String) -> Int? {
        var found: Int? = nil
        forEachCandidate(key.byteMask) { i in
            guard matches(i, key) else { return false }
            found = i
            return true
        }
        return found
    }

    /// Whether any spec matches `key`, as `priority.contains { $0.matches(key) }`.
    func matchesAny(_ key: String) -> Bool {
        // The index, not the spec: the spec was copied out (its strings and arrays retained) to
        // be thrown away.
        firstMatchIndex(key) != nil
    }

    func match(_ row: LogicalRow) -> RowSpec? {
        matchIndex(row).map { priority[$0] }
    }

    /// ``match(_:)`` as an index into ``priority``.
    func matchIndex(_ row: LogicalRow) -> Int? {
        switch ownLabelMatch(row.labelKeys) {
        case .named(let i): return i
        case .ambiguous: return nil
        case .unnamed: return contextMatchIndex(row)
        }
    }

    /// ``matchIndex(_:)`` of row `i` of a buffer: the row's own label keys are read from their
    /// field, and the row is passed whole (copied: a retain and a release of each of its arrays
    /// and strings) only when they name no row.
    func matchIndex(_ rows: UnsafeBufferPointer<LogicalRow>, _ i: Int) -> Int? {
        switch ownLabelMatch(rows[i].labelKeys) {
        case .named(let found): return found
        case .ambiguous: return nil
        case .unnamed: return contextMatchIndex(rows[i])
        }
    }

    /// What a row's own label cells say (``matchIndex(_:)``'s first test).
    private enum OwnLabel {
        /// The rightmost cell naming a row names this one (in ``priority``).
        case named(Int)
        /// The rightmost cell naming a row names two rows (not groups of one another).
        case ambiguous
        case unnamed
    }

    /// The label cells tried right to left: the first that names a row decides.
    private func ownLabelMatch(_ labelKeys: [String]) -> OwnLabel {
        for key in labelKeys.reversed() {
            var first: Int?
            var rowsNamed = 0
            // By index: binding each RowSpec copied it (four retains and releases per spec and label).
            forEachCandidate(key.byteMask) { i in
                guard matches(i, key) else { return false }
                if first == nil { first = i }
                if !isGroup[i] { rowsNamed += 1 }
                return false
            }
            if rowsNamed > 1 { return .ambiguous }
            if let first { return .named(first) }
        }
        return .unnamed
    }

    /// ``matchIndex(_:)`` of a row whose own label cells name no row: by the labels around it.
    private func contextMatchIndex(_ row: LogicalRow) -> Int? {
        // A row of blanks only claims a row by its own label: header rows end in blank cells too.
        guard RowCollector.holds(row.values, { $0.isNumberOrMark }) else { return nil }
        // On a scan, a row with a label of its own that names no row is a row OCR misread (行政处前),
        // not the wrapped tail of the label above: it must not take that label (the 行政许可 row
        // above, whose own value was unreadable, would get 行政处罚's number).
        if row.isScanned, !row.labelKeys.isEmpty { return nil }
        let joined = row.pendingKey + row.labelKeys.joined()
        if !joined.isEmpty, let found = firstMatchIndex(joined) {
            // The keys compared, not the specs copied (their strings and arrays retained).
            let key = priority[found].key
            // Label-only rows around a row of values: when those above name two rows, or those
            // below name another item row (`2.…`) whose own values never come, the values could be
            // either's (PDF reading order puts a value line between two labels): not placed.
            // (One piece or none names at most one row.) Two rows named: a key other than the
            // first named (as a Set of the keys named, made and hashed per row, counted more than one).
            if row.pendingPieces.count > 1 {
                var first: String? = nil
                for p in row.pendingPieces {
                    guard let i = firstMatchIndex(p) else { continue }
                    if let first {
                        if priority[i].key != first { return nil }
                    } else {
                        first = priority[i].key
                    }
                }
            }
            if row.labelKeys.isEmpty {
                // Joined once (``LogicalRow/followingKey`` is joined when read).
                let following = row.followingKey
                if following.first?.isASCII == true, following.first?.isNumber == true, let next = firstMatchIndex(following), priority[next].key != key {
                    return nil
                }
            }
            return found
        }
        return nil
    }
}
