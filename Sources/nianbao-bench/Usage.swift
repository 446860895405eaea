import Foundation

/// Prints a usage or error line on standard error and gives the exit status to return.
enum Usage {
    static func fail(_ message: String, status: Int32 = 64) -> Int32 {
        FileHandle.standardError.write(Data("nianbao-bench: \(message)\n".utf8))
        return status
    }

    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
