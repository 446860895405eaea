/// The `tables` value of a ``TablesShape`` as ``ReportJSONWriter`` writes it at one depth, made
/// once per shape: the bytes between the values (brackets, member names, newlines and indents
/// are the same for every report of the shape) and, per value in writing order, the offset in
/// those bytes where it goes and its slot. Writing a report's tables is then copying the runs
/// between the values and writing each value, instead of walking the shape's tree.
struct TablesJSON: Sendable {
    /// The value's bytes with every value left out.
    let bytes: [UInt8]
    /// Per value, in writing order: where in ``bytes`` it is written, and its slot.
    let values: [Mark]

    struct Mark: Sendable {
        var at: Int
        var slot: Int
    }

    /// The templates of ``TablesShape/variants`` (same order) for pretty output, where `tables`
    /// is a member of the report object (depth 1).
    static let pretty: [TablesJSON] = TablesShape.variants.map { ReportJSONWriter.tablesTemplate($0.root, indent: 1) }
    /// The same for compact output.
    static let compact: [TablesJSON] = TablesShape.variants.map { ReportJSONWriter.tablesTemplate($0.root, indent: -1) }

    /// The template of variant `v` written at `indent` (-1: compact), if one is made for it.
    static func template(variant v: Int, indent: Int) -> TablesJSON? {
        switch indent {
        case 1: return pretty[v]
        case -1: return compact[v]
        default: return nil
        }
    }
}
