/// Per slot of a ``TablesShape``, the bytes a pretty cell (in the `cells` array) of kind `number`
/// has from its line number to its raw text: the location's closing brace, the key (the slot's
/// key bytes) and the kind, as ``ReportJSONWriter`` writes them one run after another. Made once
/// per shape, so such a cell (nearly all of a report's) copies one run there instead of three.
struct CellKeyRuns: Sendable {
    /// Slot `i`'s run is `bytes[starts[i]..<starts[i + 1]]`.
    let bytes: [UInt8]
    let starts: [Int]

    /// Nil when a key needs escaping (``TablesShape/keysNeedNoEscape``): the writer then uses
    /// no slot's key bytes, nor these runs.
    init?(_ shape: TablesShape) {
        guard shape.keysNeedNoEscape else { return nil }
        var bytes: [UInt8] = []
        var starts = [0]
        for slot in 0..<shape.keysBySlot.count {
            let key = Array(shape.keyBytes[shape.keyStarts[slot]..<shape.keyStarts[slot + 1]])
            bytes += ReportJSONWriter.prettyNumberCellRun(keyBody: key)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// The runs of ``TablesShape/variants``, in the same order.
    static let pretty: [CellKeyRuns?] = TablesShape.variants.map(CellKeyRuns.init)
}
