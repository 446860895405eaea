import Foundation

/// The command line as bytes: an argument that is not valid UTF-8 (a file name in GBK, say) reaches
/// Swift as a string with U+FFFD in it, which names no file. The raw bytes of such arguments are kept
/// here, by the string Swift made of them, so that a single-file run can still open the file.
enum RawArguments {
    nonisolated(unsafe) private(set) static var bytes: [String: [CChar]] = [:]

    static func capture() {
        for i in 0..<Int(CommandLine.argc) {
            guard let p = CommandLine.unsafeArgv[i] else { continue }
            let raw = Array(UnsafeBufferPointer(start: p, count: strlen(p) + 1))
            let utf8 = raw.dropLast().map { UInt8(bitPattern: $0) }
            if String(validating: utf8, as: UTF8.self) == nil {
                bytes[String(decoding: utf8, as: UTF8.self)] = raw
            }
        }
    }
}
