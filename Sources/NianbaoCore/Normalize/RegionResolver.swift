#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the region (GB/T 2260 code) and the administrative level of a report's agency.
///
/// The rule:
/// 1. The agency name is cut into its leading chain of administrative units, as for ``AgencyKey``
///    (`江苏省淮安市洪泽区财政局` → 江苏省, 淮安市, 洪泽区 and the rest 财政局). Units ending in 乡, 镇
///    or 街道 are townships: they are not in the table and only set the level.
/// 2. Each other unit must be a name of ``RegionTable`` (full names only: 淮安市, not 淮安). The
///    candidates of the most specific unit are kept when they lie within a candidate of every unit
///    before it (北京市朝阳区 → 110105, not Changchun's 220104).
/// 3. Several candidates left: the province- and city-level names printed in the title and the
///    preface choose, when they leave exactly one.
/// 4. Anything else is null with a note, never a guess: `region_unknown` (no unit, or a name not in
///    the table: renamed or abolished before the data's date, or misspelt), `region_inconsistent`
///    (泉州市清江浦区: 清江浦区 is not in 泉州市), `region_ambiguous` (朝阳区 alone).
///
/// The level: the people's government (`…人民政府`, `…政府`, a township's `…街道办事处`) of the
/// most specific unit gives that unit's level (province, city, county from the table's code,
/// township); any other agency is a `department`.
///
/// The table is one snapshot (see ``RegionTable``); the year of the report is not used to pick
/// among historical codes because the data has none.
package enum RegionResolver {
    package struct Result: Sendable {
        package var region: Region?
        package var level: AgencyLevel?
        package var diagnostics: [Diagnostic] = []
    }

    static let townshipSuffixes = ["街道", "镇", "乡"]

    package static func resolve(agency: String?, title: String?, preface: String, table: RegionTable = .shared) -> Result {
        guard let agency else { return Result() }
        let (units, rest) = AgencyKey.units(ofKey: TextNormalizer.matchKey(agency))
        let township = units.last.map(isTownship) ?? false
        let isGovernment = rest == "政府" || (township && (rest == "办事处" || rest == "政府办事处"))
        let places = units.filter { !isTownship($0) }
        var result = Result()
        if units.isEmpty {
            result.level = rest.isEmpty ? nil : .department
            result.diagnostics.append(Diagnostic(.note, .regionUnknown, "no administrative unit in the agency name \(agency): no region"))
            return result
        }
        if !isGovernment { result.level = .department }
        guard !places.isEmpty else {
            if township { result.level = isGovernment ? .township : .department }
            result.diagnostics.append(Diagnostic(.note, .regionUnknown, "only a township (\(units.last!)) in the agency name \(agency): no region"))
            return result
        }
        var chain: [[RegionTable.Unit]] = []
        for name in places {
            guard let found = table.byName[name] else {
                if isGovernment { result.level = township ? .township : levelFromSuffix(places.last!) }
                result.diagnostics.append(
                    Diagnostic(
                        .note, .regionUnknown,
                        "\(name) is not an administrative unit of the region table (\(RegionTable.source)): no region"))
                return result
            }
            chain.append(found)
        }
        var candidates = chain.last!.filter { x in chain.dropLast().allSatisfy { level in level.contains { table.contains($0, x) } } }
        if isGovernment {
            // The units of the name are all of one level, or the level is unknown (no set of
            // their levels made for it: a name's units are one or a few).
            let units = chain.last!
            let level = units[0].level
            result.level = township ? .township : (units.allSatisfy { $0.level == level } ? agencyLevel(level) : nil)
        }
        if candidates.isEmpty {
            result.diagnostics.append(
                Diagnostic(
                    .note, .regionInconsistent,
                    "the units of the agency name \(agency) do not nest (\(places.joined(separator: " "))): no region"))
            return result
        }
        if candidates.count > 1 {
            let context = contextUnits(in: (title ?? "") + "\n" + preface, table: table)
            let narrowed = candidates.filter { x in context.contains { table.contains($0, x) && $0 != x } }
            guard narrowed.count == 1 else {
                let codes = candidates.map(\.code).joined(separator: ", ")
                result.diagnostics.append(
                    Diagnostic(
                        .note, .regionAmbiguous,
                        "\(places.last!) is the name of several units (\(codes)) and the title and preface do not tell which: no region"))
                return result
            }
            candidates = narrowed
        }
        result.region = table.region(candidates[0])
        return result
    }

    /// Whether `unit` ends in one of ``townshipSuffixes``: on the bytes for a unit made of CJK
    /// unified ideographs only (an agency name's units as a rule), where each scalar is a
    /// Character of its own, equal only to itself, so `hasSuffix` reads the same on bytes;
    /// through `hasSuffix` for any other unit.
    static func isTownship(_ unit: String) -> Bool {
        let onBytes: Bool? =
            unit.utf8.withContiguousStorageIfAvailable { u in
                guard isIdeographs(u) else { return nil }
                return townshipSuffixes.contains { suffix in
                    suffix.utf8.withContiguousStorageIfAvailable { s in
                        s.count <= u.count && memcmp(u.baseAddress! + (u.count - s.count), s.baseAddress!, s.count) == 0
                    } ?? unit.hasSuffix(suffix)
                }
            } ?? nil
        return onBytes ?? townshipSuffixes.contains { unit.hasSuffix($0) }
    }

    /// Whether valid UTF-8 `b` holds CJK unified ideographs (U+4E00–U+9FFF) only and at least one:
    /// three bytes each (``Swift/UnsafeBufferPointer/isIdeographLead(at:)``).
    static func isIdeographs(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !b.isEmpty, b.count % 3 == 0 else { return false }
        var i = 0
        while i < b.count {
            guard b.isIdeographLead(at: i) else { return false }
            i += 3
        }
        return true
    }

    static func agencyLevel(_ l: RegionTable.Level) -> AgencyLevel {
        switch l {
        case .province: .province
        case .city: .city
        case .county: .county
        }
    }

    static func levelFromSuffix(_ unit: String) -> AgencyLevel? {
        if unit.hasSuffix("省") || unit.hasSuffix("自治区") { return .province }
        if unit.hasSuffix("县") || unit.hasSuffix("旗") || unit.hasSuffix("区") { return .county }
        if unit.hasSuffix("州") || unit.hasSuffix("盟") || unit.hasSuffix("地区") { return .city }
        return nil
    }

    /// Province- and city-level units whose full name (three characters or more) is printed in `text`.
    static func contextUnits(in text: String, table: RegionTable) -> [RegionTable.Unit] {
        let key = TextNormalizer.matchKey(text)
        var out: [RegionTable.Unit] = []
        for (name, units) in table.byName where name.count >= 3 {
            let areas = units.filter { $0.level != .county }
            guard !areas.isEmpty, key.includes(name) else { continue }
            out += areas
        }
        return out
    }
}
