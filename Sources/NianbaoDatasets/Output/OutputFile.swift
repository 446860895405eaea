import Foundation

/// A single output file of `extract` (the JSON of `-o`, the page of `inspect -o`): written
/// atomically, with missing parent folders created as a batch creates them for its outputs.
package enum OutputFile {
    package static func write(_ bytes: [UInt8], to path: String) throws {
        if !AggregateFile.isSpecialFile(path) {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
                do {
                    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                } catch {
                    throw AtomicFile.WriteError(description: "cannot create the folder \(dir)")
                }
            }
        }
        try AtomicFile.write(bytes, to: path)
    }
}
