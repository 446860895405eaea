/// Writes the JSON of a report (report-model.md) straight into one byte buffer, without building a
/// ``JSONValue`` tree: members in the byte order of their keys, written by hand, so the bytes are
/// those of `ReportJSON.value(_:expectedKeys:).serialized(pretty:)` (ReportJSONWriterTests compares
/// them on the corpus).
struct ReportJSONWriter: ~Copyable {
    private(set) var out: JSONByteBuffer
    /// Depth of the value being written; -1 for compact output.
    private var indent: Int
    /// Per open object/array: whether a member has been written (the next one needs a comma).
    private var hasMembers: [Bool] = []
    /// While a ``TablesJSON`` is made: where each value ``node(_:_:)`` leaves out would go.
    private var valueMarks: [TablesJSON.Mark]?

    init(pretty: Bool, capacity: Int = 16_384) {
        indent = pretty ? 0 : -1
        out = JSONByteBuffer(capacity: capacity)
        hasMembers.reserveCapacity(8)
    }

    /// Writing into `storage` (see ``JSONByteBuffer/init(storage:)``).
    init(pretty: Bool, storage: UnsafeMutableBufferPointer<UInt8>) {
        indent = pretty ? 0 : -1
        out = JSONByteBuffer(storage: storage)
        hasMembers.reserveCapacity(8)
    }

    /// `variant`: the index of `expectedKeys` in ``ExpectedKeys/variants`` when the caller knows it
    /// (else it is looked up).
    static func bytes(_ r: Report, expectedKeys: [String], variant: Int? = nil, pretty: Bool) -> [UInt8] {
        // Room for the whole output as a rule (growing copies what is written): the cells and
        // checks at their usual size, the tables (at most about 100 bytes per expected key), and the
        // texts.
        var texts = r.preface.utf8.count
        for s in r.sections {
            texts += s.text.utf8.count + s.heading.utf8.count
            for sub in s.subsections { texts += sub.text.utf8.count + sub.heading.utf8.count + 64 }
        }
        let capacity =
            8_192 + r.cells.count * (pretty ? 260 : 140) + r.checks.count * (pretty ? 900 : 500) + expectedKeys.count * (pretty ? 100 : 60)
            + texts + texts / 8 + r.diagnostics.count * 256
        // Written straight into the array's storage; only a report that outgrows it is copied.
        var spilled: [UInt8]?
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { storage, initialized in
            var w = ReportJSONWriter(pretty: pretty, storage: storage)
            w.report(r, expectedKeys: expectedKeys, variant: variant)
            if pretty { w.out.append(0x0A) }
            if w.out.owned {
                spilled = w.out.array
                initialized = 0
            } else {
                initialized = w.out.count
            }
        }
        return spilled ?? bytes
    }

    // MARK: the report

    mutating func report(_ r: Report, expectedKeys: [String], variant: Int? = nil) {
        // The cells matched to the slots of their generation's tables once: the values of `tables`,
        // and the cells whose key is a slot's key byte for byte (written from the slot's bytes).
        let v = variant ?? ExpectedKeys.variants.firstIndex(of: expectedKeys)
        let shape = v.map { TablesShape.variants[$0] }
        let match = shape?.match(r.cells)
        open(0x7B)
        key("cells")
        open(0x5B)
        cells(r.cells, shape: shape, variant: v, keySlots: match?.keySlots)
        close(0x5D)
        key("checks")
        open(0x5B)
        // Through the buffer too: each check is read in place, not copied out (its strings retained).
        r.checks.withUnsafeBufferPointer { checks in
            guard let first = checks.baseAddress else { return }
            guard indent == 2 else {
                for i in 0..<checks.count { item(); check(first + i) }
                return
            }
            // Pretty: the plan's keys table read once for all the checks (one lazy-global check,
            // its bytes borrowed, no array retained per check).
            let table = CheckKeysJSON.pretty
            table.bytes.withUnsafeBufferPointer { planned in
                var hint = 0
                for i in 0..<checks.count { prettyCheck(first + i, at: i, table, planned, hint: &hint) }
            }
            if !checks.isEmpty { hasMembers[hasMembers.count - 1] = true }
        }
        close(0x5D)
        key("diagnostics")
        open(0x5B)
        for d in r.diagnostics { item(); diagnostic(d) }
        close(0x5D)
        key("report")
        open(0x7B)
        key("agency"); string(r.agency)
        key("agency_level"); string(r.agencyLevel?.rawValue)
        key("generation"); string(r.generation.rawValue)
        key("preface"); string(r.preface)
        key("region")
        if let g = r.region {
            open(0x7B)
            key("city"); string(g.city)
            key("code"); string(g.code)
            key("county"); string(g.county)
            key("province"); string(g.province)
            close(0x7D)
        } else {
            null()
        }
        key("title"); string(r.title)
        key("year"); integer(r.year)
        close(0x7D)
        key("report_id"); string(r.reportId)
        key("schema_version"); integer(Report.schemaVersion)
        key("sections")
        open(0x5B)
        // Each section read in place, not copied (its strings and subsections retained) for the loop.
        r.sections.withUnsafeBufferPointer { sections in
            guard let first = sections.baseAddress else { return }
            for i in 0..<sections.count { item(); section(first + i) }
        }
        close(0x5D)
        key("source")
        source(r.source)
        key("tables")
        tables(r.cells, expectedKeys: expectedKeys, variant: v, match: match)
        close(0x7D)
    }

    /// The members of `cells`. Through the buffer: each cell is borrowed in place, not copied
    /// (retained) for the loop. A cell with a slot in `keySlots` has its key written from the
    /// shape's bytes of that slot's key (the same bytes, needing no escape: ``TablesShape/Match``);
    /// in pretty output, a `number` cell with a line location and such a slot has the run from its
    /// line to its raw text copied whole from ``CellKeyRuns`` (the bytes ``prettyCell(_:line:key:)``
    /// writes there, made from the same constant runs and key bytes).
    private mutating func cells(_ cells: [Cell], shape: TablesShape?, variant v: Int?, keySlots: [Int]?) {
        guard let shape, let v, let keySlots else {
            cells.withUnsafeBufferPointer { cells in
                guard let first = cells.baseAddress else { return }
                for i in 0..<cells.count { item(); cell(first + i, key: nil) }
            }
            return
        }
        let runs = indent == 2 ? CellKeyRuns.pretty[v] : nil
        let runBytes = runs?.bytes ?? []
        shape.keyBytes.withUnsafeBufferPointer { flat in
            runBytes.withUnsafeBufferPointer { runBytes in
                cells.withUnsafeBufferPointer { cells in
                    guard let first = cells.baseAddress else { return }
                    for i in 0..<cells.count {
                        let slot = keySlots[i]
                        if let runs, slot >= 0, first[i].kind == .number, case .line(let n) = first[i].at {
                            // What `item()` and `prettyCell` write, the separator and the opening
                            // in one constant run (the cell is the array's i-th member). Each run
                            // put by itself: its length a constant, it is copied inline (chosen
                            // between the two, it was copied by a call of memcpy).
                            if i == 0 { put(Self.cellFirstOpen) } else { put(Self.cellNextOpen) }
                            out.integer(Int64(n))
                            out.append(UnsafeBufferPointer(rebasing: runBytes[runs.starts[slot]..<runs.starts[slot + 1]]))
                            prettyCellTail(first + i)
                            continue
                        }
                        member(i)
                        if slot < 0 {
                            cell(first + i, key: nil)
                        } else {
                            let from = shape.keyStarts[slot]
                            cell(first + i, key: UnsafeBufferPointer(rebasing: flat[from..<shape.keyStarts[slot + 1]]))
                        }
                    }
                    if !cells.isEmpty { hasMembers[hasMembers.count - 1] = true }
                }
            }
        }
    }

    /// What ``item()`` writes before the `i`-th member of the open container, without reading or
    /// setting its flag (the caller sets it after the last member).
    @inline(__always)
    private mutating func member(_ i: Int) {
        if i > 0 { out.append(0x2C) }
        if indent >= 0 { newline(indent) }
    }

    private mutating func source(_ s: SourceInfo) {
        open(0x7B)
        if let c = s.convertedBy { key("converted_by"); string(c) }
        if let e = s.encoding { key("encoding"); string(e) }
        key("media_type"); string(s.mediaType)
        if let o = s.ocr {
            key("ocr")
            open(0x7B)
            key("engine"); string(o.engine)
            key("language"); string(o.language)
            key("version"); string(o.version)
            close(0x7D)
        }
        key("pages"); integer(s.pages)
        key("path"); string(s.path)
        key("sha256"); string(s.sha256)
        close(0x7D)
    }

    /// The section at `p` (the array's storage), its members and subsections read in place.
    private mutating func section(_ p: UnsafePointer<Section>) {
        open(0x7B)
        key("heading"); out.string(p.pointee.heading)
        key("key"); string(p.pointee.key?.rawValue)
        key("number"); integer(p.pointee.number)
        key("subsections")
        open(0x5B)
        p.pointee.subsections.withUnsafeBufferPointer { subsections in
            guard let first = subsections.baseAddress else { return }
            for i in 0..<subsections.count {
                item()
                open(0x7B)
                key("heading"); out.string(first[i].heading)
                key("marker"); out.string(first[i].marker)
                key("text"); out.string(first[i].text)
                close(0x7D)
            }
        }
        close(0x5D)
        key("text"); out.string(p.pointee.text)
        close(0x7D)
    }

    /// The cell at `p` (the array's storage: its members are read there, the cell is not copied
    /// and released for the common pretty case). `keyBody`: the bytes of its key's JSON string
    /// body when they are known (nil: made from the key).
    private mutating func cell(_ p: UnsafePointer<Cell>, key keyBody: UnsafeBufferPointer<UInt8>?) {
        if indent == 2, case .line(let n) = p.pointee.at {
            prettyCell(p, line: n, key: keyBody)
            return
        }
        let c = p.pointee
        open(0x7B)
        key("at"); location(c.at)
        key("key")
        if let keyBody {
            out.append(0x22)
            out.append(keyBody)
            out.append(0x22)
        } else {
            string(c.key)
        }
        key("kind"); string(c.kind.rawValue)
        key("raw"); string(c.raw)
        key("value"); number(c.value)
        close(0x7D)
    }

    /// As `ReportJSON.check` (the batch writes cross-year checks with it); the check at `p` (the
    /// array's storage), in compact output (pretty: ``prettyCheck(_:at:_:_:hint:)``).
    private mutating func check(_ p: UnsafePointer<Check>) {
        let c = p.pointee
        open(0x7B)
        key("id"); string(c.id)
        key("keys")
        open(0x5B)
        for k in c.keys { item(); string(k) }
        close(0x5D)
        key("lhs"); number(c.lhs)
        if let previous = c.previous { key("previous"); string(previous) }
        key("rhs"); number(c.rhs)
        key("status"); string(c.status.rawValue)
        close(0x7D)
    }

    // MARK: pretty cells and checks as constant runs of bytes

    // A cell or check of the `cells`/`checks` array (depth 2) as `open`, `key`, `close` would
    // write it there: the brackets, member names, newlines and indents between the values are the
    // same every time, so they are copied as whole runs instead of byte by byte.
    private static var cellOpen: StaticString { "{\n      \"at\": {\n        \"line\": " }
    /// ``cellOpen`` with what ``item()`` writes before it for the first cell, and for the others.
    private static var cellFirstOpen: StaticString { "\n    {\n      \"at\": {\n        \"line\": " }
    private static var cellNextOpen: StaticString { ",\n    {\n      \"at\": {\n        \"line\": " }
    /// Up to the key's opening quote.
    private static var cellKey: StaticString { "\n      },\n      \"key\": \"" }
    private static var cellValue: StaticString { ",\n      \"value\": " }
    private static var close2: StaticString { "\n    }" }
    private static var cellValueZero: StaticString { ",\n      \"value\": 0\n    }" }
    private static var cellValueNull: StaticString { ",\n      \"value\": null\n    }" }
    /// Up to the id's opening quote, with what ``item()`` writes before it for the first check, and
    /// for the others.
    private static var checkFirstOpen: StaticString { "\n    {\n      \"id\": \"" }
    private static var checkNextOpen: StaticString { ",\n    {\n      \"id\": \"" }
    /// From the id's closing quote (``CheckKeysJSON`` writes it after each plan id too).
    static var checkKeys: StaticString { "\",\n      \"keys\": [" }
    private static var checkKeyItem: StaticString { "\n        " }
    private static var checkKeysClose: StaticString { "\n      ]" }
    private static var checkLhs: StaticString { ",\n      \"lhs\": " }
    private static var checkPrevious: StaticString { ",\n      \"previous\": " }
    private static var checkRhs: StaticString { ",\n      \"rhs\": " }
    // The status and the check's closing brace.
    private static var statusPass: StaticString { ",\n      \"status\": \"pass\"\n    }" }
    private static var statusFail: StaticString { ",\n      \"status\": \"fail\"\n    }" }
    private static var statusNotAssessable: StaticString { ",\n      \"status\": \"not_assessable\"\n    }" }

    // From the key's closing quote to the raw text: the kinds as JSON strings (plain ASCII:
    // nothing to escape, as writeString writes them) between the constant runs around them.
    private static var kindNumber: StaticString { "\",\n      \"kind\": \"number\",\n      \"raw\": " }
    private static var kindEmpty: StaticString { "\",\n      \"kind\": \"empty\",\n      \"raw\": " }
    private static var kindNotApplicable: StaticString { "\",\n      \"kind\": \"not_applicable\",\n      \"raw\": " }
    private static var kindText: StaticString { "\",\n      \"kind\": \"text\",\n      \"raw\": " }
    private static var kindInferred: StaticString { "\",\n      \"kind\": \"inferred\",\n      \"raw\": " }

    @inline(__always)
    private static func quoted(_ kind: Cell.Kind) -> StaticString {
        switch kind {
        case .number: return kindNumber
        case .empty: return kindEmpty
        case .notApplicable: return kindNotApplicable
        case .text: return kindText
        case .inferred: return kindInferred
        }
    }

    /// Appends the bytes of a constant run.
    @inline(__always)
    private mutating func put(_ s: StaticString) {
        out.append(s)
    }

    /// ``cell(_:key:)`` in pretty output at depth 2 with a line location.
    private mutating func prettyCell(_ p: UnsafePointer<Cell>, line n: Int, key keyBody: UnsafeBufferPointer<UInt8>?) {
        put(Self.cellOpen)
        out.integer(Int64(n))
        put(Self.cellKey)
        if let keyBody { out.append(keyBody) } else { out.stringBody(p.pointee.key) }
        put(Self.quoted(p.pointee.kind))
        prettyCellTail(p)
    }

    /// The run from a pretty cell's line to its raw text (``prettyCell(_:line:key:)``), written
    /// once for a slot's key and the kind `number`: what ``CellKeyRuns`` holds.
    static func prettyNumberCellRun(keyBody: [UInt8]) -> [UInt8] {
        var w = ReportJSONWriter(pretty: true, capacity: 256)
        w.put(Self.cellKey)
        w.out.append(keyBody)
        w.put(Self.quoted(.number))
        return w.out.array
    }

    /// A pretty cell from its raw text on: the raw text, the value and the closing brace.
    @inline(__always)
    private mutating func prettyCellTail(_ p: UnsafePointer<Cell>) {
        // A cell's raw text is short (a few digits) as a rule: read in place, byte by byte.
        if let raw = p.pointee.raw { out.shortString(raw) } else { null() }
        // The two commonest values with the cell's closing brace in one run.
        if let v = p.pointee.value {
            if v.scale == 0 && v.units == 0 {
                put(Self.cellValueZero)
            } else {
                put(Self.cellValue)
                number(v)
                put(Self.close2)
            }
        } else {
            put(Self.cellValueNull)
        }
    }

    /// ``check(_:)`` in pretty output at depth 2, its members read in place, with what ``item()``
    /// writes before it as the `i`-th member of `checks` (the caller sets the array's flag). A
    /// plan array's keys are copied from `planned` (``CheckKeysJSON/Table/bytes``); `hint`: the
    /// index tried first, the one after the previous check's.
    private mutating func prettyCheck(
        _ p: UnsafePointer<Check>, at i: Int, _ table: CheckKeysJSON.Table, _ planned: UnsafeBufferPointer<UInt8>, hint: inout Int
    ) {
        if i == 0 { put(Self.checkFirstOpen) } else { put(Self.checkNextOpen) }
        if let k = table.find(p.pointee.keys, hint: hint) {
            // The plan's id with its keys (every check the checker makes) in one run; another id
            // written before the plan array's keys.
            if table.isID(p.pointee.id, of: k) {
                out.append(UnsafeBufferPointer(rebasing: planned[table.starts[k]..<table.starts[k + 1]]))
            } else {
                out.stringBody(p.pointee.id)
                put(Self.checkKeys)
                out.append(UnsafeBufferPointer(rebasing: planned[table.keyStarts[k]..<table.starts[k + 1]]))
            }
            hint = k + 1
        } else {
            out.stringBody(p.pointee.id)
            put(Self.checkKeys)
            for (i, k) in p.pointee.keys.enumerated() {
                if i > 0 { out.append(0x2C) }
                put(Self.checkKeyItem)
                out.string(k)
            }
            if !p.pointee.keys.isEmpty { put(Self.checkKeysClose) } else { out.append(0x5D) }
        }
        put(Self.checkLhs)
        number(p.pointee.lhs)
        if let previous = p.pointee.previous {
            put(Self.checkPrevious)
            out.string(previous)
        }
        put(Self.checkRhs)
        number(p.pointee.rhs)
        switch p.pointee.status {
        case .pass: put(Self.statusPass)
        case .fail: put(Self.statusFail)
        case .notAssessable: put(Self.statusNotAssessable)
        }
    }

    private mutating func diagnostic(_ d: Diagnostic) {
        open(0x7B)
        key("at"); location(d.at)
        key("code"); string(d.code.rawValue)
        key("message"); string(d.message)
        key("severity"); string(d.severity.rawValue)
        close(0x7D)
    }

    private mutating func location(_ at: Location) {
        switch at {
        case .line(let n):
            open(0x7B)
            key("line"); integer(n)
            close(0x7D)
        case .table(let t, let row, let column):
            open(0x7B)
            key("column"); integer(column)
            key("row"); integer(row)
            key("table"); integer(t)
            close(0x7D)
        case .page, .scan:
            var bytes: [UInt8] = []
            ReportJSON.location(at).write(into: &bytes, indent: indent)
            out.append(bytes)
        case .none:
            null()
        }
    }

    /// `tables`: the fixed shape of the generation (variant `v`, the cells matched to its slots)
    /// when every cell has an expected key, else the tree.
    private mutating func tables(_ cells: [Cell], expectedKeys: [String], variant v: Int?, match: TablesShape.Match?) {
        if let v, let match, match.complete {
            if let template = TablesJSON.template(variant: v, indent: indent) {
                write(template, match.values)
            } else {
                node(TablesShape.variants[v].root, match.values)
            }
            return
        }
        var bytes: [UInt8] = []
        ReportJSON.tables(cells, expectedKeys: expectedKeys).write(into: &bytes, indent: indent)
        out.append(bytes)
    }

    /// The bytes ``node(_:_:)`` writes for `root` at depth `indent`, values left out and marked.
    static func tablesTemplate(_ root: TablesShape.Node, indent: Int) -> TablesJSON {
        var w = ReportJSONWriter(pretty: indent >= 0, capacity: 16_384)
        w.indent = indent
        w.valueMarks = []
        w.node(root, [])
        return TablesJSON(bytes: w.out.array, values: w.valueMarks ?? [])
    }

    /// What ``node(_:_:)`` writes for the template's shape: the runs between the values copied.
    private mutating func write(_ template: TablesJSON, _ values: [DecimalNumber?]) {
        template.bytes.withUnsafeBufferPointer { b in
            var from = 0
            for mark in template.values {
                out.append(UnsafeBufferPointer(rebasing: b[from..<mark.at]))
                number(values[mark.slot])
                from = mark.at
            }
            out.append(UnsafeBufferPointer(rebasing: b[from...]))
        }
    }

    private mutating func node(_ n: TablesShape.Node, _ values: [DecimalNumber?]) {
        switch n {
        case .leaf(let slot?):
            if valueMarks != nil { valueMarks?.append(TablesJSON.Mark(at: out.count, slot: slot)) } else { number(values[slot]) }
        case .leaf(nil): open(0x7B); close(0x7D)
        case .members(let members):
            open(0x7B)
            for (_, keyBytes, child) in members {
                item()
                out.append(keyBytes)
                out.append(0x3A)
                if indent >= 0 { out.append(0x20) }
                node(child, values)
            }
            close(0x7D)
        }
    }

    // MARK: JSON syntax (the layout of JSONValue.write)

    /// A newline and two spaces per level: copied from one constant run while it is long enough
    /// (the report model nests six levels at most), else byte by byte.
    @inline(__always)
    private mutating func newline(_ depth: Int) {
        let run: StaticString = "\n                        "
        let n = 1 &+ 2 &* depth
        if n <= run.utf8CodeUnitCount {
            out.append(run.utf8Start, count: n)
            return
        }
        out.append(0x0A)
        for _ in 0..<depth { out.append(0x20); out.append(0x20) }
    }

    /// `{` or `[`: the value at the current depth opens a container one level deeper.
    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        hasMembers.append(false)
        if indent >= 0 { indent += 1 }
    }

    /// `}` or `]`; an empty container is `{}`/`[]` on one line.
    private mutating func close(_ bracket: UInt8) {
        let any = hasMembers.removeLast()
        if indent >= 0 {
            indent -= 1
            if any { newline(indent) }
        }
        out.append(bracket)
    }

    /// Starts the next item of an array (or member of an object): comma, newline and indent.
    @inline(__always)
    private mutating func item() {
        if hasMembers[hasMembers.count - 1] { out.append(0x2C) } else { hasMembers[hasMembers.count - 1] = true }
        if indent >= 0 { newline(indent) }
    }

    /// A member name of the report model: plain ASCII (nothing to escape), copied as is.
    private mutating func key(_ k: StaticString) {
        item()
        out.append(0x22)
        out.append(k)
        out.append(0x22)
        out.append(0x3A)
        if indent >= 0 { out.append(0x20) }
    }

    private mutating func null() { out.append("null") }

    private mutating func string(_ s: String?) {
        if let s { out.string(s) } else { null() }
    }

    private mutating func integer(_ i: Int?) {
        if let i { out.integer(Int64(i)) } else { null() }
    }

    private mutating func number(_ d: DecimalNumber?) {
        guard let d else { null(); return }
        if d.scale == 0 { out.integer(d.units) } else { out.decimal(d) }
    }
}
