import Foundation
import NianbaoCore

/// A report inside an archive is named `archive-path!/member-path` (and, one level deeper,
/// `outer.zip!/inner.zip!/member`). This type splits such names and reads the member's bytes in
/// memory, with the archive limits.
package enum ArchiveMemberPath {
    package static let separator = "!/"

    /// The archive file and the chain of member names, when `path` is not a file itself and a prefix
    /// before a `!/` is a regular file.
    package static func split(_ path: String) -> (archive: String, members: [String])? {
        guard path.contains(separator) else { return nil }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) { return nil }
        var search = path.startIndex..<path.endIndex
        while let r = path.range(of: separator, range: search) {
            let archive = String(path[..<r.lowerBound])
            if FileManager.default.fileExists(atPath: archive, isDirectory: &isDir), !isDir.boolValue {
                let rest = String(path[r.upperBound...])
                return (archive, rest.components(separatedBy: separator))
            }
            search = r.upperBound..<path.endIndex
        }
        return nil
    }

    /// The bytes of a member (through nested archives), read in memory.
    package static func read(
        archive: String, members: [String], limits: ArchiveLimits = .standard,
        path: String
    ) throws(ExtractError) -> [UInt8] {
        var source = ArchiveReader.Source.file(archive)
        var where_ = archive
        for (k, name) in members.enumerated() {
            let list: [ArchiveMember]
            do {
                list = try ArchiveReader.read(source, limits: limits) { $0 == name }
            } catch {
                if case .tooLarge = error { throw ExtractError(.tooLarge, path: path, "the archive \(where_): \(error.message)") }
                throw ExtractError(.damaged, path: path, "the archive \(where_) cannot be read: \(error.message)")
            }
            guard let member = list.first(where: { $0.name == name && !$0.isDirectory }) else {
                throw ExtractError(.unreadable, path: path, "the archive \(where_) holds no member \(name)")
            }
            if let problem = member.problem {
                let code: ExtractError.Code = problem.contains("encrypted") ? .encrypted : (problem.contains("(limit per") ? .tooLarge : .damaged)
                throw ExtractError(code, path: path, "\(name) in \(where_): \(problem)")
            }
            guard let data = member.data else { throw ExtractError(.unreadable, path: path, "\(name) in \(where_) cannot be read") }
            if k == members.count - 1 { return data }
            source = .memory(data)
            where_ += separator + name
        }
        throw ExtractError(.unreadable, path: path, "no member named")
    }
}
