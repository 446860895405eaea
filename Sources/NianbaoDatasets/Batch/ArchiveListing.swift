import Nianbao
import NianbaoArchive

/// The inputs inside an archive file for a batch: members of a report format (by extension),
/// members of archives inside it (one level deep), and the members skipped.
struct ArchiveListing {
    /// Member paths, nested ones as `inner.zip!/member`.
    var members: [String] = []
    var skipped: [SkippedFile] = []
    /// Set when the archive cannot be read at all.
    var failure: ExtractError?

    static func list(_ path: String, limits: ArchiveLimits = .standard) -> ArchiveListing {
        var out = ArchiveListing()
        let isNested: (String) -> Bool = { InputKind.byExtension($0.lowercased()) == .archive }
        let entries: [ArchiveMember]
        do {
            entries = try ArchiveReader.read(.file(path), limits: limits, want: isNested)
        } catch {
            out.failure = ExtractError(
                .damaged, path: path,
                "the archive cannot be read: \(error.message)")
            return out
        }
        for e in entries where !e.isDirectory {
            let memberPath = path + ArchiveMemberPath.separator + e.name
            if e.name.split(separator: "/").contains(where: { $0.hasPrefix(".") && $0 != ".." && $0 != "." }) || e.name.hasPrefix("__MACOSX/") {
                out.skipped.append(SkippedFile(path: memberPath, kind: "hidden", reason: "a hidden file"))
            } else if isNested(e.name) {
                guard let data = e.data else {
                    out.members.append(e.name)  // reading it gives the member's error record
                    continue
                }
                let inner: [ArchiveMember]
                do {
                    inner = try ArchiveReader.read(.memory(data), limits: limits, want: { _ in false })
                } catch {
                    out.members.append(e.name)
                    continue
                }
                for i in inner where !i.isDirectory {
                    let innerPath = e.name + ArchiveMemberPath.separator + i.name
                    if isNested(i.name) {
                        out.skipped.append(
                            SkippedFile(
                                path: path + ArchiveMemberPath.separator + innerPath, kind: "nested archive",
                                reason: "archives are opened one level deep"))
                    } else if BatchDiscovery.isInputName(i.name) {
                        out.members.append(innerPath)
                    } else {
                        out.skipped.append(
                            SkippedFile(
                                path: path + ArchiveMemberPath.separator + innerPath,
                                kind: BatchDiscovery.kind(of: i.name), reason: "not a report format"))
                    }
                }
            } else if BatchDiscovery.isInputName(e.name) {
                out.members.append(e.name)
            } else {
                out.skipped.append(SkippedFile(path: memberPath, kind: BatchDiscovery.kind(of: e.name), reason: "not a report format"))
            }
        }
        return out
    }
}
