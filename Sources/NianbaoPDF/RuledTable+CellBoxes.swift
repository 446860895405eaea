import NianbaoCore

extension RuledTable {
    /// The boxes of the table's merged cells (points), for readers outside the layout (OCR reads
    /// value cells one by one).
    package var cellBoxes: [Box] { cells.map(\.box) }
}
