import Testing

extension Tag {
    /// Tests that run whole batches through the built binary (seconds each).
    @Tag static var slow: Self
}
