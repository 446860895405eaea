import NianbaoCore
import CLibXML2
import CXMLAllocation

/// An HTML document parsed by libxml2 and copied into plain Swift values.
///
/// Nodes live in one array in document (pre-)order, linked by indices, so that no walk
/// needs recursion and dropping a 20,000-deep tree does not recurse either.
/// This is the only type that sees libxml2; the `xmlDoc` is freed before `parse` returns.
struct HTMLTree: Sendable {
    struct Node: Sendable {
        enum Kind: Sendable { case element, text }
        var kind: Kind
        /// Lowercased element name (`""` for text).
        var name: String
        /// Text content (text nodes only).
        var text: String
        var parent: Int
        var firstChild: Int = -1
        var nextSibling: Int = -1
        /// One past the last node of this node's subtree (pre-order), so `i..<end` is the subtree.
        var end: Int = 0
        /// 1-based source line, 0 when unknown.
        var line: Int
        var colspan: Int = 1
        var rowspan: Int = 1
        /// `display:none` or the `hidden` attribute.
        var hidden: Bool = false
        /// Nearest `<table>` ancestor (or -1).
        var tableAncestor: Int = -1
        /// Nearest `<tr>` ancestor (or -1).
        var rowAncestor: Int = -1
        /// Nearest `<td>`/`<th>` ancestor (or -1).
        var cellAncestor: Int = -1
    }

    var nodes: [Node]
    /// The `<body>` element, or the root element when there is none, or -1 for an empty tree.
    var body: Int

    func isAncestor(_ a: Int, of b: Int) -> Bool {
        a <= b && b < nodes[a].end
    }

    /// `outOfMemory`: libxml2 could not allocate (an address-space limit, `--memory-limit` in a
    /// batch): with `HTML_PARSE_RECOVER` it then hands back no document or a cut one, which is no
    /// reading of the page (not a damaged page either).
    enum Failure: Error { case noDocument, outOfMemory }

    /// The text of the document's `<title>` element, cleaned, or nil.
    var documentTitle: String? {
        guard let t = nodes.firstIndex(where: { $0.kind == .element && $0.name == "title" }) else { return nil }
        var raw = ""
        for k in (t + 1)..<nodes[t].end where nodes[k].kind == .text { raw += nodes[k].text }
        let text = HTMLText.clean(raw)
        return text.isEmpty ? nil : text
    }

    /// Parses UTF-8 HTML. Errors of the page are recovered from, never printed.
    static func parse(utf8 text: String, url: String) throws(Failure) -> HTMLTree {
        _ = libxmlReady
        xmlSetStructuredErrorFunc(nil, { _, _ in })
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x20] }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        // The thread's last error (libxml2 keeps it per thread) says whether an allocation failed.
        xmlResetLastError()
        let failuresBefore = nianbao_xml_allocation_failures()
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlReadMemory(chars, Int32(clamping: buffer.count), url, "UTF-8", options)
            }
        }
        if nianbao_xml_allocation_failures() != failuresBefore || xmlGetLastError().map({ $0.pointee.code == Int32(XML_ERR_NO_MEMORY.rawValue) }) == true {
            if let doc { xmlFreeDoc(doc) }
            throw .outOfMemory
        }
        guard let doc else { throw .noDocument }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw .noDocument }
        return build(root: root)
    }

    /// libxml2 must be initialised once before it is used from several threads.
    private static let libxmlReady: Bool = {
        // Before the parser's first allocation: every later one goes through the counting functions.
        xmlMemSetup(nianbao_xml_free, nianbao_xml_malloc, nianbao_xml_realloc, nianbao_xml_strdup)
        xmlInitParser()
        return true
    }()

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    /// Copies the tree under `root` into an array, iteratively.
    private static func build(root: xmlNodePtr) -> HTMLTree {
        var nodes: [Node] = []
        var body = -1
        var lastChild: [Int: Int] = [:]  // parent index → its last child so far
        var openIndex: [Int] = []  // Swift indices of the elements we descended into
        var cur: xmlNodePtr? = root
        while let node = cur {
            let parent = openIndex.last ?? -1
            var added = -1
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = string(node.pointee.name).lowercased()
                var n = Node(kind: .element, name: name, text: "", parent: parent, line: Int(xmlGetLineNo(node)))
                readAttributes(node, into: &n)
                added = append(&nodes, n, parent: parent, lastChild: &lastChild)
                if name == "body" && body < 0 { body = added }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                var text = string(node.pointee.content)
                if text.contains("<![") { text = stripDownlevelConditionals(text) }
                let n = Node(kind: .text, name: "", text: text, parent: parent, line: Int(xmlGetLineNo(node)))
                added = append(&nodes, n, parent: parent, lastChild: &lastChild)
            default:
                break  // comments, processing instructions, DTD: not content
            }
            if added >= 0, nodes[added].kind == .element, let child = node.pointee.children {
                openIndex.append(added)
                cur = child
                continue
            }
            // Advance to the next sibling, closing the elements we climb out of.
            var m = node
            while true {
                if m == root { cur = nil; break }
                if let next = m.pointee.next { cur = next; break }
                guard let p = m.pointee.parent else { cur = nil; break }
                if let closed = openIndex.popLast() { nodes[closed].end = nodes.count }
                m = p
            }
        }
        while let closed = openIndex.popLast() { nodes[closed].end = nodes.count }
        return HTMLTree(nodes: nodes, body: body >= 0 ? body : (nodes.isEmpty ? -1 : 0))
    }

    /// Word's downlevel-revealed conditionals (`<![if !supportLists]>` … `<![endif]>`) are not
    /// HTML; libxml2 hands them over as text. The content between them is kept, the markers dropped.
    static func stripDownlevelConditionals(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<![") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            let lower = after.prefix(6).lowercased()
            guard lower.hasPrefix("if") || lower.hasPrefix("endif"), let close = after.range(of: "]>") else {
                out += "<!["
                rest = after
                continue
            }
            rest = after[close.upperBound...]
        }
        return out + rest
    }

    private static func append(_ nodes: inout [Node], _ node: Node, parent: Int, lastChild: inout [Int: Int]) -> Int {
        var node = node
        let index = nodes.count
        node.end = index + 1
        if parent >= 0 {
            let p = nodes[parent]
            node.tableAncestor = p.name == "table" ? parent : p.tableAncestor
            node.rowAncestor = p.name == "tr" ? parent : (p.name == "table" ? -1 : p.rowAncestor)
            node.cellAncestor =
                (p.name == "td" || p.name == "th")
                ? parent
                : ((p.name == "table" || p.name == "tr") ? -1 : p.cellAncestor)
            if let last = lastChild[parent] {
                nodes[last].nextSibling = index
            } else {
                nodes[parent].firstChild = index
            }
            lastChild[parent] = index
        }
        nodes.append(node)
        return index
    }

    private static func readAttributes(_ node: xmlNodePtr, into n: inout Node) {
        var attr = node.pointee.properties
        while let a = attr {
            let name = string(a.pointee.name).lowercased()
            var value = ""
            var child = a.pointee.children
            while let c = child {
                value += string(c.pointee.content)
                child = c.pointee.next
            }
            switch name {
            case "colspan": n.colspan = spanValue(value, max: 1000)
            case "rowspan": n.rowspan = spanValue(value, max: 65534)
            case "hidden": n.hidden = true
            case "style":
                let compact = value.lowercased().filter { !$0.isWhitespace }
                if compact.contains("display:none") || compact.contains("visibility:hidden") { n.hidden = true }
            default: break
            }
            attr = a.pointee.next
        }
    }

    /// Leading digits of a span attribute, clamped to 1...max (0 or junk → 1).
    private static func spanValue(_ s: String, max: Int) -> Int {
        var v = 0
        for c in s.unicodeScalars.drop(while: { $0 == " " }) {
            guard let d = Int(String(c)), c.isASCII else { break }
            v = Swift.min(v * 10 + d, 1_000_000)
        }
        return Swift.max(1, Swift.min(v, max))
    }
}
