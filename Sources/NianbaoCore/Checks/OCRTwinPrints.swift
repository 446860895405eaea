/// Rows that hold as `x = x` (one non-zero part equal to the total: two prints of one number).
///
/// OCR misreads two prints of a number alike (`21 … | 21` read `2 … | 2` on hongze's 150 dpi JPEG
/// scan, both confident), so such a row does not confirm its two numbers by itself. When another
/// identity (a column's) confirms one of them, that print is the number, and the row's identity
/// then confirms the other print: it is a third reading that agrees.
enum OCRTwinPrints {
    /// The twin of a confirmed print: for each pair of `twins`, when one key is in `confirmed`, not
    /// in `doubtful` and not in `failing`, the other (when not doubtful) is confirmed too; repeated
    /// until nothing changes. Returns the keys confirmed so.
    static func confirmed(_ twins: [(String, String)], confirmed: Set<String>, doubtful: Set<String>, failing: Set<String>) -> Set<String> {
        var known = confirmed
        var added = Set<String>()
        var progress = true
        while progress {
            progress = false
            for (a, b) in twins {
                for (anchor, other) in [(a, b), (b, a)] where !known.contains(other) {
                    guard known.contains(anchor), !doubtful.contains(anchor), !failing.contains(anchor), !doubtful.contains(other) else { continue }
                    known.insert(other)
                    added.insert(other)
                    progress = true
                }
            }
        }
        return added
    }
}
