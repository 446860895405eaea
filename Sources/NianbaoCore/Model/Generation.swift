/// Which fixed format a report (or table) follows.
public enum Generation: String, Sendable, Hashable {
    /// 国办公开办函〔2021〕30号, reports of 2021 onward.
    case g2021 = "2021"
    /// 国办公开办函〔2019〕60号, reports of 2019 and 2020.
    case g2019 = "2019"
    /// Free-form reports of 2008–2018.
    case legacy
    case unknown
}
