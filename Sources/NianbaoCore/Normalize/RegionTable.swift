/// The administrative divisions nianbao knows: GB/T 2260 codes and names of provinces,
/// prefecture-level and county-level units, from the generated ``RegionTable/data``
/// (`Scripts/generate-regions`, one snapshot: see ``RegionTable/source``).
package struct RegionTable: Sendable {
    package enum Level: Int, Sendable, Comparable {
        case province, city, county
        package static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    package struct Unit: Sendable, Hashable {
        package let code: String
        package let name: String
        /// Read from the code once, when the table is made (…0000 a province, …00 a city, a
        /// county otherwise): it is asked of every unit a name is checked against.
        package let level: Level

        init(code: String, name: String) {
            self.code = code
            self.name = name
            level = code.hasSuffix("0000") ? .province : (code.hasSuffix("00") ? .city : .county)
        }
    }

    /// code → unit; name → units (a name can be several units: 朝阳区 of Beijing and of Changchun).
    package let byCode: [String: Unit]
    package let byName: [String: [Unit]]

    package static let shared = RegionTable()

    init() {
        var byCode: [String: Unit] = [:]
        var byName: [String: [Unit]] = [:]
        for line in Self.data.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let unit = Unit(code: String(line[..<space]), name: String(line[line.index(after: space)...]))
            byCode[unit.code] = unit
            byName[unit.name, default: []].append(unit)
        }
        self.byCode = byCode
        self.byName = byName
    }

    /// The province of a unit (the unit itself for a province).
    package func province(of u: Unit) -> Unit? { byCode[String(u.code.prefix(2)) + "0000"] }

    /// The prefecture-level city of a county-level unit, when there is one (not for the districts of
    /// a municipality nor for counties directly under a province, such as 仙桃市).
    package func city(of u: Unit) -> Unit? {
        guard u.level == .county else { return u.level == .city ? u : nil }
        return byCode[String(u.code.prefix(4)) + "00"]
    }

    /// Whether `u` lies within `area` (or is it).
    package func contains(_ area: Unit, _ u: Unit) -> Bool {
        switch area.level {
        case .province: return u.code.prefix(2) == area.code.prefix(2)
        case .city: return u.code.prefix(4) == area.code.prefix(4)
        case .county: return u.code == area.code
        }
    }

    package func region(_ u: Unit) -> Region {
        let p = province(of: u)
        let c = city(of: u)
        return Region(code: u.code, province: p?.name, city: c?.name, county: u.level == .county ? u.name : nil)
    }
}
