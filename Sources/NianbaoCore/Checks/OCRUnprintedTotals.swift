/// Blank total cells of a scan that are no zeros.
///
/// The proof-reader counts a blank, inkless ruled cell as 0 (p02 prints blanks for zeros). A total
/// left blank while its parts are not all zero (p02: `401 | 2 | | | | 2 | ` for （一）予以公开) is a
/// total the document did not print, as the text path reads it (null, its identities not
/// assessable), not a zero that makes them fail: a failing identity puts every cell of it in doubt.
enum OCRUnprintedTotals {
    /// The keys of `blank` (cells counted 0) that total a passing or failing sum identity (I2, I3,
    /// I4: its first key) whose other cells are not all zero.
    static func keys(_ checks: [Check], blank: Set<String>) -> Set<String> {
        var out = Set<String>()
        for c in checks where c.status != .notAssessable && (c.id.hasPrefix("I2.") || c.id.hasPrefix("I3.") || c.id.hasPrefix("I4.")) {
            guard let total = c.keys.first, blank.contains(total), let parts = c.rhs, parts != DecimalNumber(0) else { continue }
            out.insert(total)
        }
        return out
    }
}
