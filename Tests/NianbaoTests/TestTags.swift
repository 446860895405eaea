import Testing

extension Tag {
    /// Tests that run external converters (LibreOffice) or many conversions: seconds each.
    @Tag static var slow: Self
}
