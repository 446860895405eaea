import NianbaoPDF

/// Reads the value cells of a page's borderless tables one by one, as `CellReader` reads ruled
/// ones: without lines, the cells are drawn from where the numbers stand. Over the whole page
/// tesseract drops a lone `0` between two others, reads `16` as `165` or a `0` as `由`; alone in
/// its cell, by two models, the number is read again and voted on (`CellReader.readValues`).
///
/// A table line holds at least three numbers standing apart (a character's height from any other
/// word on their line), chained left to right by their heights (a page left slightly skewed by the
/// deskew puts a row's numbers 20 px apart in height from end to end). Lines closer than six digit
/// heights form a table; the left edges of their numbers,
/// gathered across lines (closer than 1.5 digit heights: left-aligned or centred numbers of one
/// column), make its columns, each held by at least two lines and two fifths of them. Every line
/// gets a cell in every column, from a digit height left of the column's numbers to one right of
/// them (at most half-way to the next column) and from 0.4 of a digit height above the line's
/// number nearest to the column to 0.4 below (at most half-way to the next line); its reading
/// takes that number's height (a reading's box may reach into the label's next line); a cell is read when the page reading
/// put a number or a short word there or when it holds ink. A cell that would cut a word (a label
/// beside it) is cut back to leave it out, or, when the word reaches into the column's numbers,
/// not read; nor is one that holds two numbers.
struct BorderlessCellReader {
    let reader: CellReader

    /// A cell (pixels), the height of its line's numbers near it, and the indices of the page
    /// words inside it.
    struct Cell: Equatable {
        var x0: Int, y0: Int, x1: Int, y1: Int
        var top: Int, bottom: Int
        var words: [Int]
    }

    /// A table line: its numbers standing apart (word indices, left to right).
    private struct Line {
        var numbers: [Int]
        var y0: Int, y1: Int
    }

    private static func isShort(_ text: String) -> Bool {
        let t = StrayValueReader.compact(text).unicodeScalars
        return !t.isEmpty && t.count <= 3 && t.count(where: \.isIdeograph) <= 1
    }

    private static func isNumber(_ w: OCRWord) -> Bool { CellReader.isNumber(StrayValueReader.compact(w.text)) }

    /// How much two words overlap in height, over the smaller height.
    private static func overlap(_ a: OCRWord, _ b: OCRWord) -> Double {
        let o = min(a.y1, b.y1) - max(a.y0, b.y0)
        return Double(o) / Double(max(1, min(a.y1 - a.y0, b.y1 - b.y0)))
    }

    /// No other word on its line (half its height shared) within its height either side.
    private static func standsApart(_ i: Int, _ words: [OCRWord]) -> Bool {
        let w = words[i], h = w.y1 - w.y0
        return !words.indices.contains { j in
            j != i && overlap(w, words[j]) >= 0.5 && words[j].x1 > w.x0 - h && words[j].x0 < w.x1 + h
        }
    }

    /// The cells of the borderless tables among `words` (a page reading), with `inset` pixels of
    /// margin kept inside each (the reading crops them off); cells without ink or words are left out
    /// when `hasInk` says so.
    static func cells(_ words: [OCRWord], inset: Int, hasInk: (Int, Int, Int, Int) -> Bool) -> [Cell] {
        let numbers = words.indices.filter { isNumber(words[$0]) && standsApart($0, words) }.sorted { words[$0].x0 < words[$1].x0 }
        var chains: [[Int]] = []
        for i in numbers {
            let best = chains.indices.filter { k in
                let last = words[chains[k].last!]
                return last.x1 < words[i].x0 && overlap(last, words[i]) >= 0.5
            }.max { overlap(words[chains[$0].last!], words[i]) < overlap(words[chains[$1].last!], words[i]) }
            if let best { chains[best].append(i) } else { chains.append([i]) }
        }
        var lines = chains.filter { $0.count >= 3 }.map { c in
            Line(numbers: c, y0: c.map { words[$0].y0 }.min()!, y1: c.map { words[$0].y1 }.max()!)
        }
        guard lines.count >= 2 else { return [] }
        let heights = lines.flatMap(\.numbers).map { words[$0].y1 - words[$0].y0 }.sorted()
        let h = heights[heights.count / 2]
        guard h > 0 else { return [] }
        lines.sort { $0.y0 < $1.y0 }
        var tables: [[Line]] = []
        for line in lines {
            if let last = tables.last?.last, line.y0 - last.y1 <= 6 * h {
                tables[tables.count - 1].append(line)
            } else {
                tables.append([line])
            }
        }
        var out: [Cell] = []
        for table in tables where table.count >= 2 {
            out += cells(of: table, words: words, h: h, inset: inset, hasInk: hasInk)
        }
        return out
    }

    private static func cells(of table: [Line], words: [OCRWord], h: Int, inset: Int, hasInk: (Int, Int, Int, Int) -> Bool) -> [Cell] {
        // Columns: the numbers' left edges, gathered across the lines.
        let members = table.indices.flatMap { l in table[l].numbers.map { (line: l, word: $0) } }.sorted { words[$0.word].x0 < words[$1.word].x0 }
        var groups: [[(line: Int, word: Int)]] = []
        for m in members {
            if let last = groups.last?.last, words[m.word].x0 - words[last.word].x0 <= 3 * h / 2 {
                groups[groups.count - 1].append(m)
            } else {
                groups.append([m])
            }
        }
        let needed = max(2, (2 * table.count + 4) / 5)
        let columns = groups.filter { Set($0.map(\.line)).count >= needed }.map { g in
            (x0: g.map { words[$0.word].x0 }.min()!, x1: g.map { words[$0.word].x1 }.max()!)
        }
        guard columns.count >= 3 else { return [] }
        // Columns that overlap are no columns of one table: leave the table to the page reading.
        for k in 1..<columns.count where columns[k].x0 <= columns[k - 1].x1 { return [] }
        /// The height of a line's number nearest to `x`.
        func band(_ line: Line, _ x: Int) -> (y0: Int, y1: Int) {
            let w = words[line.numbers.min { abs((words[$0].x0 + words[$0].x1) / 2 - x) < abs((words[$1].x0 + words[$1].x1) / 2 - x) }!]
            return (w.y0, w.y1)
        }
        var out: [Cell] = []
        for (l, line) in table.enumerated() {
            for (k, column) in columns.enumerated() {
                let own = band(line, (column.x0 + column.x1) / 2)
                var y0 = own.y0 - 2 * h / 5, y1 = own.y1 + 2 * h / 5
                if l > 0 { y0 = max(y0, (band(table[l - 1], (column.x0 + column.x1) / 2).y1 + own.y0) / 2) }
                if l + 1 < table.count { y1 = min(y1, (own.y1 + band(table[l + 1], (column.x0 + column.x1) / 2).y0) / 2) }
                var x0 = column.x0 - h, x1 = column.x1 + h
                if k > 0 { x0 = max(x0, (columns[k - 1].x1 + column.x0) / 2) }
                if k + 1 < columns.count { x1 = min(x1, (column.x1 + columns[k + 1].x0) / 2) }
                var inside: [Int] = []
                var cut = false
                for i in words.indices {
                    let w = words[i]
                    guard w.x1 > x0 - inset, w.x0 < x1 + inset, w.y1 > y0 - inset, w.y0 < y1 + inset else { continue }
                    let contained = w.x0 >= x0 - inset && w.x1 <= x1 + inset && w.y0 >= y0 - inset && w.y1 <= y1 + inset
                    if contained && isShort(w.text) {
                        inside.append(i)
                        continue
                    }
                    // A word the cell would cut: left out beside the column's numbers, else no cell.
                    if w.x1 <= column.x0 {
                        x0 = max(x0, w.x1 + 1)
                    } else if w.x0 >= column.x1 {
                        x1 = min(x1, w.x0 - 1)
                    } else if w.y1 <= own.y0 {
                        y0 = max(y0, w.y1 + 1)
                    } else if w.y0 >= own.y1 {
                        y1 = min(y1, w.y0 - 1)
                    } else {
                        cut = true
                    }
                }
                guard !cut, x1 - x0 >= h, y1 - y0 >= h else { continue }
                inside.removeAll { i in
                    let w = words[i]
                    return !(w.x0 >= x0 - inset && w.x1 <= x1 + inset && w.y0 >= y0 - inset && w.y1 <= y1 + inset)
                }
                if inside.count(where: { isNumber(words[$0]) }) > 1 { continue }
                let cell = Cell(x0: x0 - inset, y0: y0 - inset, x1: x1 + inset, y1: y1 + inset, top: own.y0, bottom: own.y1, words: inside)
                guard !inside.isEmpty || hasInk(cell.x0, cell.y0, cell.x1, cell.y1) else { continue }
                out.append(cell)
            }
        }
        return out
    }

    /// `words` with the cells of borderless tables read again: where the reading of a cell gives
    /// words, they replace the page's there, with the height of the line's numbers and inside the cell.
    func read(_ words: [OCRWord], image: LeptonicaImage, dpi: Double, ink: InkMap) -> [OCRWord] {
        let inset = max(3, Int(dpi / 50))
        let cells = Self.cells(words, inset: inset) { x0, y0, x1, y1 in ink.inkFraction(x0: x0, y0: y0, x1: x1, y1: y1) > 0.004 }
        guard !cells.isEmpty else { return words }
        let readings = reader.readValues(
            image, dpi: dpi, cells: cells.map { (x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1) },
            pageSymbols: cells.map { $0.words.flatMap { words[$0].symbols } }, ink: ink)
        var replaced = Set<Int>()
        var read: [OCRWord] = []
        for (n, r) in readings.enumerated() where !r.words.isEmpty {
            let c = cells[n]
            replaced.formUnion(c.words)
            for var w in r.words {
                for k in w.symbols.indices {
                    w.symbols[k].y0 = c.top
                    w.symbols[k].y1 = c.bottom
                    w.symbols[k].x0 = min(max(w.symbols[k].x0, c.x0), c.x1)
                    w.symbols[k].x1 = min(max(w.symbols[k].x1, w.symbols[k].x0), c.x1)
                }
                w.y0 = c.top
                w.y1 = c.bottom
                w.x0 = w.symbols.map(\.x0).min() ?? w.x0
                w.x1 = w.symbols.map(\.x1).max() ?? w.x1
                read.append(w)
            }
        }
        return words.indices.filter { !replaced.contains($0) }.map { words[$0] } + read
    }
}
