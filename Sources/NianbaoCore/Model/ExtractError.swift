/// Why a file could not be turned into a report at all. Each code has its own exit status.
public struct ExtractError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The file could not be opened or read.
        case unreadable
        /// The bytes are not text in a supported encoding (binary junk).
        case undecodable
        /// The input is larger than the size limit (``ExtractOptions/maxInputSize``).
        case tooLarge = "too_large"
        /// The file is empty (or whitespace only).
        case empty
        /// The text is readable but is not a disclosure annual report.
        case notAReport = "not_a_report"
        /// A PDF whose pages carry no text layer (scanned).
        case noTextLayer = "no_text_layer"
        /// A PDF whose text layer does not decode to readable Chinese.
        case garbledText = "garbled_text"
        /// An encrypted PDF.
        case encrypted
        /// A damaged PDF or HTML document.
        case damaged
        /// The input type is not supported.
        case unsupported
        /// Conversion took longer than the time limit.
        case timeout
        /// The converter crashed (isolated child process).
        case crashed
    }

    public var code: Code
    /// The file the error is about (as given by the user), or `-` for standard input.
    public var path: String
    public var message: String

    package init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// The exit status `extract` uses for this error (documented in the README).
    public var exitStatus: Int32 {
        switch code {
        case .unreadable, .tooLarge, .undecodable, .empty, .notAReport, .unsupported: return 1
        case .noTextLayer: return 3
        case .garbledText: return 4
        case .encrypted: return 5
        case .damaged: return 6
        case .timeout: return 7
        case .crashed: return 8
        }
    }

    public var description: String { "\(path): error: \(message) [\(code.rawValue)]" }
}
