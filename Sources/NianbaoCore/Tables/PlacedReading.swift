/// A value cell with where it came from.
struct PlacedReading: Sendable {
    var reading: CellReading
    var at: Location
    var column: Int?
    /// Horizontal centre where the reader knows it (aligned text, PDF boxes).
    var x: Double? = nil
}
