/// Where a report's agency sits: a unit of the administrative divisions (GB/T 2260), read from the
/// agency name, the title and the preface by ``RegionResolver``.
public struct Region: Sendable, Hashable {
    /// Six-digit GB/T 2260 code of the most specific unit known (province `320000`, city `320800`,
    /// county `320813`).
    public var code: String
    /// Names of the units above and at the code (nil where the level does not apply: a province's
    /// region has no city; a district of a municipality such as 北京市朝阳区 has province 北京市 and no city).
    public var province: String?
    public var city: String?
    public var county: String?

    package init(code: String, province: String?, city: String?, county: String?) {
        self.code = code
        self.province = province
        self.city = city
        self.county = county
    }
}

/// The administrative level of the publishing agency.
public enum AgencyLevel: String, Sendable, Hashable, CaseIterable {
    /// The people's government of a province, city (prefecture level), county (county level) or
    /// township (乡, 镇, 街道).
    case province, city, county, township
    /// Any other agency: a department, office, bureau or commission (财政局, 人民政府办公室, 海关总署).
    case department
}
