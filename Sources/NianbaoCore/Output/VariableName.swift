/// Short variable names for Stata and SPSS (at most 32 characters, letters, digits and `_`), from a
/// fixed scheme so that they are the same in every dataset and version:
///
/// `<table>_<segment>_<segment>…` where the table is `ad` (二、主动公开), `ap` (三、申请) or `rl`
/// (四、复议诉讼), and each further segment of the flat key is written as the first three letters
/// of each of its words: `applications.denied.third_party_rights.social_welfare_organization` →
/// `ap_den_thiparrig_socwelorg`. The codebook lists every name (`extract schema`); a test checks
/// they are unique and short enough. A kind column (`--kinds`) is the name with `_k`.
package enum VariableName {
    static let tables = ["active_disclosure": "ad", "applications": "ap", "review_litigation": "rl"]

    package static func short(_ key: String) -> String {
        let segments = key.split(separator: ".").map(String.init)
        guard let first = segments.first else { return key }
        var parts = [tables[first] ?? String(first.prefix(3))]
        for s in segments.dropFirst() {
            parts.append(s.split(separator: "_").map { String($0.prefix(3)) }.joined())
        }
        return parts.joined(separator: "_")
    }

    /// The kind column of a key (`--kinds`).
    package static func kind(_ key: String) -> String { short(key) + "_k" }
}
