import Testing

extension Tag {
    /// Tests that run many conversions (seconds in a debug build).
    @Tag static var slow: Self
}
