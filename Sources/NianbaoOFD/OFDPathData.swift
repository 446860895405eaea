import NianbaoArchive
import NianbaoCore
import NianbaoOffice
import NianbaoPDF

/// The number lists of OFD attributes and the path language of `AbstractData` (GB/T 33190 §9.3):
/// `S`/`M` x y start a subpath, `L` x y a line, `Q` and `B` quadratic and cubic curves, `A` an
/// arc, `C` closes the subpath.
enum OFDPathData {
    struct Subpath {
        var points: [(Double, Double)] = []
        var curved = false
        var closed = false
    }

    /// Space-separated numbers (`Boundary`, `CTM`, `PhysicalBox`); non-numbers are skipped.
    static func numbers(_ text: String) -> [Double] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" || $0 == "\r" }).compactMap { Double($0) }
    }

    /// `DeltaX`/`DeltaY`: numbers, where `g N v` stands for N times v.
    static func deltas(_ text: String) -> [Double] {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        var out: [Double] = []
        var i = 0
        while i < tokens.count {
            if tokens[i] == "g", i + 2 < tokens.count, let n = Int(tokens[i + 1]), let v = Double(tokens[i + 2]) {
                out.append(contentsOf: repeatElement(v, count: max(0, min(n, 100_000))))
                i += 3
            } else {
                if let v = Double(tokens[i]) { out.append(v) }
                i += 1
            }
        }
        return out
    }

    static func subpaths(_ text: String) -> [Subpath] {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "," })
        var out: [Subpath] = []
        var current = Subpath()
        var i = 0
        func number() -> Double? {
            guard i < tokens.count, let v = Double(tokens[i]) else { return nil }
            i += 1
            return v
        }
        func finish() {
            if current.points.count >= 2 { out.append(current) }
            current = Subpath()
        }
        while i < tokens.count {
            let op = tokens[i]
            i += 1
            switch op {
            case "S", "M":
                finish()
                if let x = number(), let y = number() { current.points = [(x, y)] }
            case "L":
                if let x = number(), let y = number() { current.points.append((x, y)) }
            case "Q":
                for _ in 0..<2 { _ = number(); _ = number() }
                current.curved = true
            case "B":
                for _ in 0..<3 { _ = number(); _ = number() }
                current.curved = true
            case "A":
                for _ in 0..<7 { _ = number() }
                current.curved = true
            case "C":
                current.closed = true
                let start = current.points.first
                finish()
                if let start { current.points = [start] }
            default:
                break  // a stray number or an unknown operator
            }
        }
        finish()
        return out
    }
}
