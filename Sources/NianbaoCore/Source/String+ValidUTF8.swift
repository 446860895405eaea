extension String {
    /// A String of bytes already known to be valid UTF-8, made without validating them again.
    ///
    /// `String(decoding:as:)` and `String(unsafeUninitializedCapacity:initializingUTF8With:)`
    /// validate every String they make: for the cells of a text report, whose bytes
    /// ``TextDecoder/tally(validating:)`` (or the decoding of the whole text) validated already,
    /// that second validation was a third of the cost of making a cell. Only for bytes that are
    /// valid UTF-8: a String's bytes, or a validated text's, cut at scalar boundaries (invalid
    /// bytes here would make a String that breaks its own invariant).
    ///
    /// The same String as `String(decoding: b, as: UTF8.self)`, its ASCII flag included (the
    /// bytes are checked for ASCII as that initializer checks them: comparison and hashing take
    /// fast paths on the flag): ``ReaderShortcutTests``.
    package init(validUTF8 b: UnsafeBufferPointer<UInt8>) {
        var span = UTF8Span(unchecked: Span(_unsafeElements: b))
        _ = span.checkForASCII()
        self.init(copying: span)
    }

    /// ``init(validUTF8:)`` for bytes whose caller knows whether they are all ASCII: the String is
    /// made without the scan for ASCII, its ASCII flag set from `isASCII`. Only with a flag that is
    /// certain (a wrong one makes a String that compares and hashes wrongly, silently): the text
    /// reader knows it for a cell from its byte and scalar counts (``ReaderShortcutTests``); a row
    /// text and a match key know it from the bits of the bytes as they were copied or written
    /// (``Swift/UnsafeMutableBufferPointer/copy(_:at:)``, ``TextKeyShortcutTests``).
    package init(validUTF8 b: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        self.init(copying: UTF8Span(unchecked: Span(_unsafeElements: b), isKnownASCII: isASCII))
    }
}
