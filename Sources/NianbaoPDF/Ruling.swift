import NianbaoCore

/// A horizontal or vertical ruling line on a page (points, top-left origin).
package struct Ruling: Sendable, Hashable {
    package enum Axis: Sendable, Hashable { case horizontal, vertical }
    package var axis: Axis
    /// y for horizontal lines, x for vertical ones.
    package var position: Double
    /// The extent along the line: x range for horizontal, y range for vertical.
    package var from: Double
    package var to: Double

    package init(axis: Axis, position: Double, from: Double, to: Double) {
        self.axis = axis
        self.position = position
        self.from = from
        self.to = to
    }

    var length: Double { to - from }
}
