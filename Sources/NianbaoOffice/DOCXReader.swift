import NianbaoArchive
import NianbaoCore
import NianbaoHTML

/// Reads a Word document (Office Open XML, `.docx`) into rows of cells, the same grid the HTML
/// reader produces.
///
/// - Container: the zip is read in memory through libarchive (``ArchiveReader``); the main part is
///   the `officeDocument` relationship of `_rels/.rels` (normally `word/document.xml`), parsed with
///   libxml2 (``XMLTree``), with `numbering.xml` and `styles.xml` beside it.
/// - Prose: one row per paragraph (`w:p`), or per line where a paragraph holds `w:br`; one cell;
///   `startsParagraph` at each paragraph; `at: .line(n)` with n the 1-based paragraph number.
///   Runs are concatenated; deleted revisions, field instructions and the fallback copies of
///   drawings are left out. A paragraph numbered by Word (`w:numPr`, directly or through its
///   style) starts with its label as Word prints it (`一、`, `（一）`, `1.`), see ``WordNumbering``.
/// - Tables: each `w:tbl` without a table inside and with a row of two or more cells is a data
///   table: one row per `w:tr`, each cell once in the row where it starts (`w:vMerge` continuations
///   are the rows a merged cell spans), `column` = its first grid column after `w:gridBefore` and
///   `w:gridSpan`, `at: .table(t, row: r, column: c)`. Paragraphs inside a cell are joined by one
///   space. Tables holding tables, and one-column tables, are layout: their content flows as prose.
///   A section heading typed into a table's first row is emitted as prose (as in HTML).
package struct DOCXReader: DocumentReader {
    package static let mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    package init() {}

    /// What the container told besides the text.
    package struct Result: Sendable {
        package var document: SourceDocument
        /// `docProps/app.xml` `Application`, e.g. `LibreOffice/7.4.7.2$Linux_X86_64 …`.
        package var application: String?
    }

    package func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        try readWithProperties(data: data, path: path).document
    }

    package func readWithProperties(data: [UInt8], path: String) throws(ExtractError) -> Result {
        let members: [ArchiveMember]
        do {
            members = try ArchiveReader.read(.memory(data)) { name in
                name == "_rels/.rels" || name == "docProps/app.xml" || (name.hasSuffix(".xml") && !name.hasPrefix("customXml/") && !name.hasPrefix("docProps/"))
            }
        } catch {
            throw ExtractError(.damaged, path: path, "the Word (.docx) container cannot be read: \(error.message)")
        }
        var parts: [String: [UInt8]] = [:]
        for m in members {
            if let d = m.data {
                parts[m.name] = d
            } else if let p = m.problem, m.name.hasPrefix("word/") {
                throw ExtractError(.damaged, path: path, "the Word part \(m.name) cannot be read: \(p)")
            }
        }
        var main = "word/document.xml"
        if let rels = parts["_rels/.rels"], let tree = try? XMLTree.parse(rels), let root = tree.root {
            for r in tree.children(root, "Relationship") where (tree.attribute(r, "Type") ?? "").hasSuffix("/officeDocument") {
                if let target = tree.attribute(r, "Target") { main = target.hasPrefix("/") ? String(target.dropFirst()) : target }
            }
        }
        guard let body = parts[main] else {
            throw ExtractError(.damaged, path: path, "the Word container has no main document part (\(main))")
        }
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let prefix = folder.isEmpty ? "" : folder + "/"
        let tree: XMLTree
        do { tree = try XMLTree.parse(body) } catch {
            throw ExtractError(.damaged, path: path, "\(main) is not well-formed XML")
        }
        var numbering = WordNumbering()
        if let n = parts[prefix + "numbering.xml"], let t = try? XMLTree.parse(n) { numbering = WordNumbering(t) }
        var styles = WordStyles()
        if let s = parts[prefix + "styles.xml"], let t = try? XMLTree.parse(s) { styles = WordStyles(t) }
        var flattener = DOCXFlattener(tree: tree, numbering: numbering, styles: styles)
        guard let root = tree.root, let bodyNode = tree.child(root, "body") else {
            throw ExtractError(.damaged, path: path, "\(main) has no w:body")
        }
        flattener.run(bodyNode)
        if flattener.rows.isEmpty { throw ExtractError(.empty, path: path, "the Word document holds no text") }
        var application: String? = nil
        if let app = parts["docProps/app.xml"], let t = try? XMLTree.parse(app), let r = t.root, let a = t.child(r, "Application") {
            application = t.nodes[a].text
        }
        let document = SourceDocument(
            mediaType: Self.mediaType, grid: Grid(rows: flattener.rows),
            diagnostics: flattener.diagnostics)
        return Result(document: document, application: application)
    }
}

/// Paragraph styles that carry numbering (`w:pPr/w:numPr`), following `w:basedOn`.
struct WordStyles {
    private var numbering: [String: (numId: String?, level: Int?)] = [:]
    private var basedOn: [String: String] = [:]

    init() {}

    init(_ tree: XMLTree) {
        guard let root = tree.root else { return }
        for s in tree.children(root, "style") {
            guard let id = tree.attribute(s, "styleId") else { continue }
            if let b = tree.child(s, "basedOn"), let v = tree.attribute(b, "val") { basedOn[id] = v }
            if let p = tree.child(s, "pPr"), let n = tree.child(p, "numPr") {
                numbering[id] = (
                    tree.child(n, "numId").flatMap { tree.attribute($0, "val") },
                    tree.child(n, "ilvl").flatMap { tree.attribute($0, "val") }.flatMap(Int.init)
                )
            }
        }
    }

    /// The numbering a style gives (nearest style in the `basedOn` chain that has one).
    func numbering(of style: String) -> (numId: String?, level: Int?)? {
        var s: String? = style
        var seen = Set<String>()
        while let id = s, !seen.contains(id) {
            seen.insert(id)
            if let n = numbering[id] { return n }
            s = basedOn[id]
        }
        return nil
    }
}

/// Walks `w:body` and lays it out as grid rows.
struct DOCXFlattener {
    let tree: XMLTree
    var numbering: WordNumbering
    let styles: WordStyles
    private(set) var rows: [GridRow] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var paragraphCount = 0
    private var tableCount = 0

    init(tree: XMLTree, numbering: WordNumbering, styles: WordStyles) {
        self.tree = tree
        self.numbering = numbering
        self.styles = styles
    }

    /// Lays out the block content (paragraphs, tables, content controls) of a container element.
    mutating func run(_ container: Int) {
        // An explicit stack of block lists: no recursion however deep tables nest.
        var stack: [(items: [Int], next: Int)] = [(tree.nodes[container].children, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].items.count else { stack.removeLast(); continue }
            let node = stack[top].items[stack[top].next]
            stack[top].next += 1
            switch tree.nodes[node].name {
            case "p":
                paragraph(node)
            case "tbl":
                if isDataTable(node) {
                    table(node)
                } else {
                    // Layout table: its cells' blocks flow in order.
                    var blocks: [Int] = []
                    for tr in tree.children(node, "tr") { for tc in cellsOf(tr) { blocks.append(contentsOf: tree.nodes[tc].children) } }
                    stack.append((blocks, 0))
                }
            case "sdt":
                if let content = tree.child(node, "sdtContent") { stack.append((tree.nodes[content].children, 0)) }
            case "customXml", "smartTag", "ins", "sdtContent":
                stack.append((tree.nodes[node].children, 0))
            default:
                break
            }
        }
    }

    /// Cells of a row, looking through content controls around them.
    private func cellsOf(_ tr: Int) -> [Int] {
        var out: [Int] = []
        for c in tree.nodes[tr].children {
            switch tree.nodes[c].name {
            case "tc": out.append(c)
            case "sdt", "customXml":
                out.append(contentsOf: tree.descendants(tree.child(c, "sdtContent") ?? c, "tc"))
            default: break
            }
        }
        return out
    }

    private func isDataTable(_ tbl: Int) -> Bool {
        if tree.descendant(tbl, "tbl") != nil { return false }
        return tree.children(tbl, "tr").contains { cellsOf($0).count >= 2 }
    }

    // MARK: - Paragraphs

    private mutating func paragraph(_ p: Int) {
        paragraphCount += 1
        let lines = paragraphLines(p, numbered: true)
        let at = Location.line(paragraphCount)
        var first = true
        for line in lines {
            let text = TextNormalizer.display(line)
            guard !text.isEmpty else { continue }
            rows.append(GridRow(cells: [GridCell(text: text, at: at)], text: text, at: at, startsParagraph: first))
            first = false
        }
    }

    /// The text of a paragraph, split at its line breaks; with its numbering label first.
    private mutating func paragraphLines(_ p: Int, numbered: Bool) -> [String] {
        var lines: [String] = [""]
        if numbered, let (label, separator) = numberLabel(p) { lines[0] = label + separator }
        var stack: [Int] = tree.nodes[p].children.reversed()
        while let n = stack.popLast() {
            let node = tree.nodes[n]
            switch node.name {
            case "pPr", "rPr", "delText", "instrText", "del", "Fallback", "fldData", "moveFrom", "commentReference", "footnoteReference", "endnoteReference":
                continue
            case "t":
                lines[lines.count - 1] += node.text
            case "tab", "ptab":
                lines[lines.count - 1] += " "
            case "br", "cr":
                lines.append("")
            case "noBreakHyphen", "softHyphen":
                if node.name == "noBreakHyphen" { lines[lines.count - 1] += "-" }
            case "p":
                // A paragraph inside a text box: its own line.
                lines.append("")
                stack.append(contentsOf: node.children.reversed())
            default:
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return lines
    }

    /// The numbering label of a paragraph: its own `w:numPr`, else its style's.
    private mutating func numberLabel(_ p: Int) -> (String, String)? {
        guard let pPr = tree.child(p, "pPr") else { return nil }
        var numId: String? = nil
        var level: Int? = nil
        if let numPr = tree.child(pPr, "numPr") {
            numId = tree.child(numPr, "numId").flatMap { tree.attribute($0, "val") }
            level = tree.child(numPr, "ilvl").flatMap { tree.attribute($0, "val") }.flatMap(Int.init)
        }
        if numId == nil || level == nil, let s = tree.child(pPr, "pStyle").flatMap({ tree.attribute($0, "val") }),
            let fromStyle = styles.numbering(of: s)
        {
            numId = numId ?? fromStyle.numId
            level = level ?? fromStyle.level
        }
        guard let numId else { return nil }
        return numbering.label(numId: numId, level: level ?? 0)
    }

    // MARK: - Tables

    private mutating func table(_ tbl: Int) {
        let id = tableCount
        tableCount += 1
        var first = true
        for (r, tr) in tree.children(tbl, "tr").enumerated() {
            var column = 0
            if let trPr = tree.child(tr, "trPr"), let before = tree.child(trPr, "gridBefore"),
                let v = tree.attribute(before, "val").flatMap(Int.init)
            {
                column = max(0, v)
            }
            var cells: [GridCell] = []
            for tc in cellsOf(tr) {
                var span = 1
                var continuation = false
                if let tcPr = tree.child(tc, "tcPr") {
                    if let g = tree.child(tcPr, "gridSpan"), let v = tree.attribute(g, "val").flatMap(Int.init) { span = min(max(1, v), 1000) }
                    if let v = tree.child(tcPr, "vMerge") { continuation = (tree.attribute(v, "val") ?? "continue") == "continue" }
                    // Legacy horizontal merge: continuation cells are part of the cell on their left.
                    if let h = tree.child(tcPr, "hMerge"), (tree.attribute(h, "val") ?? "continue") == "continue" { column += span; continue }
                }
                if !continuation {
                    cells.append(GridCell(text: cellText(tc), at: .table(id, row: r, column: column), column: column))
                }
                column += span
            }
            guard !cells.isEmpty else { continue }
            let text = cells.lazy.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            if first, cells.filter({ !$0.text.isEmpty }).count == 1, HTMLFlattener.isSectionHeading(text) {
                let at = Location.table(id, row: r, column: 0)
                rows.append(GridRow(cells: [GridCell(text: text, at: at)], text: text, at: at, startsParagraph: true))
                continue
            }
            rows.append(GridRow(cells: cells, text: text, at: .table(id, row: r, column: 0), startsParagraph: first, table: id))
            first = false
        }
        if first { tableCount -= 1 }
    }

    /// A cell's text: its paragraphs (and lines) joined by one space.
    private mutating func cellText(_ tc: Int) -> String {
        var pieces: [String] = []
        for p in tree.descendants(tc, "p") {
            for line in paragraphLines(p, numbered: true) where !line.isEmpty { pieces.append(line) }
        }
        return TextNormalizer.display(pieces.joined(separator: " "))
    }
}
