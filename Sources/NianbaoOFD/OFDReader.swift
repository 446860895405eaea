import NianbaoArchive
import NianbaoCore
import NianbaoOffice
import NianbaoPDF

/// Reads an OFD document (GB/T 33190, the national fixed-layout format) into rows of cells
/// through the same page layout as PDF.
///
/// The container (a zip) is read in memory through libarchive; `OFD.xml` names the document
/// (`DocBody/DocRoot`), whose `Pages/Page@BaseLoc` are the pages' `Content.xml`. On each page,
/// the objects of its template pages (`Template@TemplateID` → `CommonData/TemplatePage`) and its
/// own layers are read: each character of a `TextObject`'s `TextCode` becomes a glyph box (from the
/// object's `Boundary`, `CTM`, `Size`, the code's `X`/`Y` and `DeltaX`/`DeltaY`), and the straight
/// axis-aligned segments of `PathObject`s become ruling lines (``OFDPathData``). Units are
/// millimetres, turned into points, so that the PDF thresholds apply. Glyphs and rulings then go
/// through ``PageLayout``, ``PDFPageFurniture`` and ``DocumentAssembler``, shared with the PDF reader.
package struct OFDReader: DocumentReader {
    package init() {}

    /// Points per millimetre.
    static let scale = 72.0 / 25.4

    package func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        let members: [ArchiveMember]
        do {
            members = try ArchiveReader.read(.memory(data)) { $0.lowercased().hasSuffix(".xml") }
        } catch {
            throw ExtractError(.damaged, path: path, "the OFD container cannot be read: \(error.message)")
        }
        var parts: [String: [UInt8]] = [:]
        for m in members { if let d = m.data { parts[m.name] = d } }
        func tree(_ name: String) throws(ExtractError) -> XMLTree {
            guard let bytes = parts[name] ?? parts.first(where: { $0.key.lowercased() == name.lowercased() })?.value else {
                throw ExtractError(.damaged, path: path, "the OFD container has no \(name)")
            }
            do { return try XMLTree.parse(bytes) } catch {
                throw ExtractError(.damaged, path: path, "\(name) in the OFD container is not well-formed XML")
            }
        }
        let ofd = try tree("OFD.xml")
        guard let root = ofd.root, let body = ofd.child(root, "DocBody"), let docRoot = ofd.child(body, "DocRoot") else {
            throw ExtractError(.damaged, path: path, "OFD.xml names no document (DocBody/DocRoot)")
        }
        let documentPath = Self.resolve(ofd.nodes[docRoot].text, relativeTo: "")
        let document = try tree(documentPath)
        guard let docNode = document.root else { throw ExtractError(.damaged, path: path, "\(documentPath) is empty") }
        let docFolder = Self.folder(of: documentPath)

        // Page size and template pages.
        var defaultBox = Box(x0: 0, y0: 0, x1: 210, y1: 297)
        var templates: [String: String] = [:]
        if let common = document.child(docNode, "CommonData") {
            if let area = document.child(common, "PageArea"), let box = Self.physicalBox(document, area) { defaultBox = box }
            for t in document.children(common, "TemplatePage") {
                if let id = document.attribute(t, "ID"), let loc = document.attribute(t, "BaseLoc") {
                    templates[id] = Self.resolve(loc, relativeTo: docFolder)
                }
            }
        }
        guard let pagesNode = document.child(docNode, "Pages") else { throw ExtractError(.damaged, path: path, "\(documentPath) lists no pages") }
        let pageRefs = document.children(pagesNode, "Page").compactMap { document.attribute($0, "BaseLoc") }
        guard !pageRefs.isEmpty else { throw ExtractError(.damaged, path: path, "the OFD document has no pages") }

        var pages: [PageLayoutResult] = []
        var textless: [Int] = []
        var unreadable: [Int] = []
        for (index, ref) in pageRefs.enumerated() {
            let number = index + 1
            let pagePath = Self.resolve(ref, relativeTo: docFolder)
            guard let page = try? tree(pagePath), let pageRoot = page.root else { unreadable.append(number); continue }
            var box = defaultBox
            if let area = page.child(pageRoot, "Area"), let b = Self.physicalBox(page, area) { box = b }
            var content = OFDPageContent()
            for t in page.children(pageRoot, "Template") {
                guard let id = page.attribute(t, "TemplateID"), let tplPath = templates[id],
                    let tpl = try? tree(tplPath), let tplRoot = tpl.root
                else { continue }
                content.add(tpl, tplRoot, origin: box)
            }
            content.add(page, pageRoot, origin: box)
            let glyphs = GlyphExtraction.removeFakeBold(content.glyphs)
            let stats = TextLayerCheck.stats(glyphs)
            if stats.visible == 0 { textless.append(number); continue }
            let rulings = RulingParser.removeGlyphStrokes(content.rulings, glyphs: glyphs)
            pages.append(
                PageLayout.layout(
                    page: number, width: (box.x1 - box.x0) * Self.scale, height: (box.y1 - box.y0) * Self.scale,
                    glyphs: glyphs, rulings: rulings))
        }
        if pages.isEmpty {
            if unreadable.count == pageRefs.count { throw ExtractError(.damaged, path: path, "no page of the OFD document could be read") }
            throw ExtractError(.noTextLayer, path: path, "no text on \(TextLayerCheck.describe(textless + unreadable)) (scanned images?)")
        }
        var diagnostics: [Diagnostic] = []
        if !textless.isEmpty {
            diagnostics.append(Diagnostic(.warning, .noTextLayer, "no text on \(TextLayerCheck.describe(textless)); their content is missing"))
        }
        if !unreadable.isEmpty {
            diagnostics.append(Diagnostic(.warning, .damagedPage, "\(TextLayerCheck.describe(unreadable)) could not be read"))
        }
        PDFPageFurniture.strip(&pages)
        return SourceDocument(
            mediaType: "application/ofd", pages: pageRefs.count, grid: DocumentAssembler.grid(pages),
            diagnostics: diagnostics)
    }

    /// `PhysicalBox` "x y w h" of an area, in millimetres.
    static func physicalBox(_ tree: XMLTree, _ area: Int) -> Box? {
        guard let p = tree.child(area, "PhysicalBox") else { return nil }
        let v = OFDPathData.numbers(tree.nodes[p].text)
        guard v.count == 4, v[2] > 0, v[3] > 0 else { return nil }
        return Box(x0: v[0], y0: v[1], x1: v[0] + v[2], y1: v[1] + v[3])
    }

    /// A `BaseLoc`/`DocRoot` location: absolute from the container root when it starts with `/`,
    /// else relative to the folder of the file that names it.
    static func resolve(_ location: String, relativeTo folder: String) -> String {
        let loc = location.trimmingCharacters(in: .whitespacesAndNewlines)
        var parts: [Substring] = loc.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in loc.split(separator: "/") {
            if piece == "." || piece.isEmpty { continue }
            if piece == ".." { _ = parts.popLast(); continue }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }

    static func folder(of path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }
}

/// The glyphs and rulings of one page's objects (its templates' and its own), in points.
struct OFDPageContent {
    /// A glyph's box above and below its baseline, in ems. OFD gives no font metrics (short of
    /// parsing the embedded fonts); these are what poppler reports for common CJK fonts, whose
    /// boxes are taller than one em, so that the PDF's spacing thresholds (a space is a gap of a
    /// quarter of the glyph height) read the same text.
    static let ascent = 0.9
    static let descent = 0.25

    var glyphs: [Glyph] = []
    var rulings: [Ruling] = []

    /// Adds every `TextObject` and `PathObject` under `root` (layers, page blocks), iteratively.
    mutating func add(_ tree: XMLTree, _ root: Int, origin page: Box) {
        var stack: [Int] = [root]
        while let n = stack.popLast() {
            switch tree.nodes[n].name {
            case "TextObject": text(tree, n, page: page)
            case "PathObject": path(tree, n, page: page)
            case "ImageObject", "CompositeObject", "Template", "Area", "Actions", "Clips": break
            default: stack.append(contentsOf: tree.nodes[n].children.reversed())
            }
        }
    }

    /// The object's `Boundary` origin and `CTM` as one affine map from object space to page
    /// millimetres: x' = a·x + c·y + e + bx, y' = b·x + d·y + f + by.
    private static func transform(_ tree: XMLTree, _ n: Int, page: Box) -> (map: (Double, Double) -> (Double, Double), scale: Double)? {
        let boundary = OFDPathData.numbers(tree.attribute(n, "Boundary") ?? "")
        guard boundary.count == 4 else { return nil }
        var ctm = OFDPathData.numbers(tree.attribute(n, "CTM") ?? "")
        if ctm.count != 6 { ctm = [1, 0, 0, 1, 0, 0] }
        let bx = boundary[0] - page.x0, by = boundary[1] - page.y0
        let m = ctm
        let scale = (abs(m[0] * m[3] - m[1] * m[2])).squareRoot()
        return ({ x, y in (m[0] * x + m[2] * y + m[4] + bx, m[1] * x + m[3] * y + m[5] + by) }, scale == 0 ? 1 : scale)
    }

    private mutating func text(_ tree: XMLTree, _ n: Int, page: Box) {
        guard let (map, ctmScale) = Self.transform(tree, n, page: page) else { return }
        // `size`: easyofd writes the attribute in lower case.
        let size = Double(tree.attribute(n, "Size") ?? tree.attribute(n, "size") ?? "") ?? 3.5
        let k = OFDReader.scale
        var lastX: Double? = nil, lastY: Double? = nil
        for code in tree.children(n, "TextCode") {
            let scalars = Array(tree.nodes[code].text.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            var x = Double(tree.attribute(code, "X") ?? "") ?? lastX ?? 0
            var y = Double(tree.attribute(code, "Y") ?? "") ?? lastY ?? 0
            let dx = OFDPathData.deltas(tree.attribute(code, "DeltaX") ?? "")
            let dy = OFDPathData.deltas(tree.attribute(code, "DeltaY") ?? "")
            for (i, s) in scalars.enumerated() {
                let advance = i < dx.count ? dx[i] : (s.isCJKLike ? size : size * 0.5)
                // The box reaches the next glyph (DeltaX), at most one em; without DeltaX it is the
                // em width (CJK) or half of it.
                let nominal = s.isCJKLike ? size : size * 0.5
                let width = i < dx.count && dx[i] > 0 ? min(dx[i], size) : nominal
                let (x0, top) = map(x, y - size * Self.ascent)
                let (x1, bottom) = map(x + width, y + size * Self.descent)
                let box = Box(x0: min(x0, x1) * k, y0: min(top, bottom) * k, x1: max(x0, x1) * k, y1: max(top, bottom) * k)
                if !(s.properties.isWhitespace || s.value < 0x20 || TextNormalizer.isInvisible(s.value)) {
                    glyphs.append(Glyph(scalar: s, box: box))
                }
                x += i < dx.count ? dx[i] : advance
                if i < dy.count { y += dy[i] }
            }
            lastX = x
            lastY = y
            _ = ctmScale
        }
    }

    private mutating func path(_ tree: XMLTree, _ n: Int, page: Box) {
        guard let (map, ctmScale) = Self.transform(tree, n, page: page),
            let data = tree.child(n, "AbstractData")
        else { return }
        let stroke = (tree.attribute(n, "Stroke") ?? "true") != "false"
        let fill = (tree.attribute(n, "Fill") ?? "false") == "true"
        let lineWidth = (Double(tree.attribute(n, "LineWidth") ?? "") ?? 0.353) * ctmScale
        let k = OFDReader.scale
        for sub in OFDPathData.subpaths(tree.nodes[data].text) where !sub.curved {
            let points = sub.points.map { map($0.0, $0.1) }.map { ($0.0 * k, $0.1 * k) }
            guard points.count >= 2 else { continue }
            var segments: [((Double, Double), (Double, Double))] = zip(points, points.dropFirst()).map { ($0, $1) }
            if sub.closed, let first = points.first, let last = points.last { segments.append((last, first)) }
            if fill, sub.closed || points.count >= 4 {
                // A thin filled rectangle drawn as a line.
                let xs = points.map(\.0), ys = points.map(\.1)
                let w = xs.max()! - xs.min()!, h = ys.max()! - ys.min()!
                if h <= 2.5 && w > 4 {
                    rulings.append(Ruling(axis: .horizontal, position: (ys.max()! + ys.min()!) / 2, from: xs.min()!, to: xs.max()!))
                    continue
                }
                if w <= 2.5 && h > 4 {
                    rulings.append(Ruling(axis: .vertical, position: (xs.max()! + xs.min()!) / 2, from: ys.min()!, to: ys.max()!))
                    continue
                }
            }
            guard stroke, lineWidth * k < 6 else { continue }
            for (a, b) in segments {
                if abs(a.1 - b.1) < 0.5, abs(a.0 - b.0) >= 4 {
                    rulings.append(Ruling(axis: .horizontal, position: (a.1 + b.1) / 2, from: min(a.0, b.0), to: max(a.0, b.0)))
                } else if abs(a.0 - b.0) < 0.5, abs(a.1 - b.1) >= 4 {
                    rulings.append(Ruling(axis: .vertical, position: (a.0 + b.0) / 2, from: min(a.1, b.1), to: max(a.1, b.1)))
                }
            }
        }
    }
}
