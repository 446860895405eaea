import Testing

extension Tag {
    /// Tests that take seconds to minutes: 50 MB inputs, 3,000-page PDFs, kill-and-resume, the
    /// generated huge bad inputs, whole sharded batches, LibreOffice conversions, OCR. They run only
    /// with `NIANBAO_SLOW=1` or `CI=true` (see ``Prerequisite/slow``).
    @Tag static var slow: Self
}
