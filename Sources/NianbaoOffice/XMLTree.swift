import CLibXML2

/// An XML part of an office container (`word/document.xml`, an OFD `Content.xml` …) parsed by
/// libxml2 and copied into plain Swift values; the `xmlDoc` is freed before ``parse(_:)`` returns.
///
/// Elements only (text nodes become the `text` of their parent element, in order), names without
/// their namespace prefix. Nodes sit in one array in document order, linked by indices, so no walk
/// recurses. External entities and the network are never loaded.
package struct XMLTree: Sendable {
    package struct Node: Sendable {
        /// Local name (`p` for `w:p`).
        package var name: String
        package var attributes: [(name: String, value: String)]
        /// The text directly inside the element (its text and CDATA children, concatenated).
        package var text: String
        package var parent: Int
        package var children: [Int] = []
    }

    package var nodes: [Node]

    /// The root element's index (0), or nil for an empty tree.
    package var root: Int? { nodes.isEmpty ? nil : 0 }

    package enum Failure: Error { case notXML(String) }

    package func attribute(_ node: Int, _ name: String) -> String? {
        nodes[node].attributes.first { $0.name == name }?.value
    }

    /// Child elements with a local name.
    package func children(_ node: Int, _ name: String) -> [Int] {
        nodes[node].children.filter { nodes[$0].name == name }
    }

    package func child(_ node: Int, _ name: String) -> Int? {
        nodes[node].children.first { nodes[$0].name == name }
    }

    /// The first descendant (pre-order) with a local name.
    package func descendant(_ node: Int, _ name: String) -> Int? {
        var stack = nodes[node].children.reversed() as [Int]
        while let n = stack.popLast() {
            if nodes[n].name == name { return n }
            stack.append(contentsOf: nodes[n].children.reversed())
        }
        return nil
    }

    /// Every descendant with a local name, in document order.
    package func descendants(_ node: Int, _ name: String) -> [Int] {
        var out: [Int] = []
        var stack = nodes[node].children.reversed() as [Int]
        while let n = stack.popLast() {
            if nodes[n].name == name { out.append(n) }
            stack.append(contentsOf: nodes[n].children.reversed())
        }
        return out
    }

    package static func parse(_ bytes: [UInt8]) throws(Failure) -> XMLTree {
        _ = libxmlReady
        xmlSetStructuredErrorFunc(nil, { _, _ in })
        guard !bytes.isEmpty else { throw .notXML("the part is empty") }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOCDATA.rawValue)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                xmlReadMemory(chars, Int32(clamping: buffer.count), nil, nil, options)
            }
        }
        guard let doc else { throw .notXML("libxml2 could not parse the XML") }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw .notXML("the XML has no root element") }
        return build(root: root)
    }

    private static let libxmlReady: Bool = {
        xmlInitParser()
        return true
    }()

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    /// Copies the elements under `root`, iteratively.
    private static func build(root: xmlNodePtr) -> XMLTree {
        var nodes: [Node] = []
        var open: [Int] = []
        var cur: xmlNodePtr? = root
        while let node = cur {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                var attributes: [(String, String)] = []
                var attr = node.pointee.properties
                while let a = attr {
                    var value = ""
                    var child = a.pointee.children
                    while let c = child { value += string(c.pointee.content); child = c.pointee.next }
                    attributes.append((string(a.pointee.name), value))
                    attr = a.pointee.next
                }
                let parent = open.last ?? -1
                nodes.append(Node(name: string(node.pointee.name), attributes: attributes, text: "", parent: parent))
                if parent >= 0 { nodes[parent].children.append(nodes.count - 1) }
                if node.pointee.children != nil {
                    open.append(nodes.count - 1)
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let p = open.last { nodes[p].text += string(node.pointee.content) }
            default:
                break
            }
            if descend { cur = node.pointee.children; continue }
            var m = node
            while true {
                if m == root { cur = nil; break }
                if let next = m.pointee.next { cur = next; break }
                guard let p = m.pointee.parent else { cur = nil; break }
                _ = open.popLast()
                m = p
            }
        }
        return XMLTree(nodes: nodes)
    }
}
