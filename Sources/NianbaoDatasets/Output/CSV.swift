import Nianbao

/// CSV fields as pandas, R (`read.csv`), Stata (`import delimited`) and Excel read them without
/// options: comma separated, `\n` line ends, a field quoted only when it holds a comma, a quote, a
/// line break or leading/trailing spaces (so numbers are never quoted), empty for null.
package enum CSV {
    package static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    package static func field(_ s: String) -> String {
        var w = CSVWriter()
        w.field(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    package static func line(_ fields: [String]) -> String {
        var w = CSVWriter()
        for f in fields { w.field(f) }
        w.endLine()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
