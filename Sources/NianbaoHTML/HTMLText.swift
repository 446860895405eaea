import NianbaoCore
/// Whitespace handling for text taken from HTML, before the display normalization.
enum HTMLText {
    /// A hard line break inside a table cell (`<br>` or a block boundary). Display turns it into one space.
    static let cellBreak: Character = "\u{2028}"

    /// Collapses HTML whitespace as a browser does and returns the display form.
    ///
    /// Runs of ASCII whitespace become one space, except that a run holding a line break between
    /// two East Asian characters disappears (the CSS segment-break rule): Word and CMS exports wrap
    /// long Chinese lines in the source, and those wraps are not spaces in the rendered page.
    /// NBSP (`&nbsp;`) is not collapsible in HTML, but the display form turns it into a space and
    /// trims it, so a cell of only `&nbsp;` becomes "".
    static func clean(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var runHasBreak = false
        var inRun = false
        var lastNonSpace: UInt32 = 0
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0C || v == 0x0D {
                inRun = true
                if v == 0x0A || v == 0x0D { runHasBreak = true }
                continue
            }
            if inRun {
                if !(runHasBreak && isWide(lastNonSpace) && isWide(v)) { out.append(" ") }
                inRun = false
                runHasBreak = false
            }
            out.append(scalar)
            lastNonSpace = v
        }
        return TextNormalizer.display(String(out))
    }

    /// East Asian wide characters: CJK ideographs, radicals, kana, CJK and full-width punctuation.
    @inline(__always)
    static func isWide(_ v: UInt32) -> Bool {
        (v >= 0x2E80 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x20000 && v <= 0x3FFFF)
    }
}
