import NianbaoArchive
import Nianbao
import Crypto
import Foundation

/// Finds the inputs of a batch: files as given, directories walked recursively for the report
/// formats and archives by their extension (``InputKind/isReportFormat``, any case), and the lines of a
/// `--files-from` list. Sorted by path (byte order), duplicates removed.
///
/// Nothing is dropped in silence: files of other types and hidden files and folders are returned
/// as ``SkippedFile``s (`*.nianbao-state` folders are the batch's own and not counted); a folder
/// that cannot be listed is an input of its own (an `unreadable` record).
///
/// Archives (found in folders, or named and holding an archive by their bytes) are opened in place:
/// each member of a report format is an input `archive!/member` with report id
/// `<archive id>!/member`; archives inside are opened one level deep; other members are skipped.
///
/// Report ids follow ``ReportIdentifier``: the path relative to the input root (the deepest folder
/// holding every argument), normalized, so that the same archive gives the same ids however it is
/// named. Two inputs that would get one id get `~2`, `~3`… in path order.
package enum BatchDiscovery {

    /// The inputs and what was skipped.
    package struct Found: Sendable {
        package var inputs: [BatchInput]
        package var skipped: [SkippedFile]
    }

    package static func discover(arguments: [String], filesFrom: [String] = []) -> [BatchInput] {
        discoverAll(arguments: arguments, filesFrom: filesFrom).inputs
    }

    package static func discoverAll(arguments: [String], filesFrom: [String] = []) -> Found {
        let fm = FileManager.default
        var found: [(path: String, relative: String?)] = []
        var failures: [String: ExtractError] = [:]
        var skipped: [SkippedFile] = []
        var folders: [String] = [], files: [String] = []
        for arg in arguments {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: arg, isDirectory: &isDir), isDir.boolValue {
                folders.append(arg)
                let w = walkAll(arg)
                // A folder that cannot be listed is an input of its own (an `unreadable` record).
                for rel in w.files { found.append(rel.isEmpty ? (arg, nil) : (join(arg, rel), rel)) }
                skipped += w.skipped.map { SkippedFile(path: join(arg, $0.path), kind: $0.kind, reason: $0.reason) }
            } else {
                files.append(arg)
                found.append((arg, nil))
            }
        }
        for line in filesFrom where !line.isEmpty {
            files.append(line)
            found.append((line, nil))
        }
        // Archives: their members take their place.
        var expanded: [(path: String, relative: String?)] = []
        for f in found {
            guard failures[f.path] == nil, isArchive(f.path, named: f.relative == nil) else { expanded.append(f); continue }
            let listing = ArchiveListing.list(f.path)
            if let failure = listing.failure {
                expanded.append(f)
                failures[f.path] = failure
                continue
            }
            for m in listing.members { expanded.append((f.path + ArchiveMemberPath.separator + m, f.relative.map { $0 + ArchiveMemberPath.separator + m })) }
            skipped += listing.skipped
        }
        found = expanded
        let root = ReportIdentifier.root(folders: folders, files: files)
        var byPath: [String: String] = [:]
        var seen: Set<String> = []
        for f in found where byPath[f.path] == nil {
            // One file named twice (`a/x.pdf` and `./a/x.pdf`) is one input. An archive member's
            // name is kept as stored (never normalized: `..` in it must not climb out of the archive).
            let (file, member) = Self.splitMember(f.path)
            guard seen.insert(ReportIdentifier.normalized(file) + (member ?? "")).inserted else { continue }
            let id = ReportIdentifier.id(path: file, root: root) + (member ?? "")
            // Ids are sanitized: archive member names may hold `..` or start with `/`.
            byPath[f.path] = fitComponents(sanitize(id))
        }
        let paths = byPath.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var used: [String: Int] = [:]
        var out: [BatchInput] = []
        out.reserveCapacity(paths.count)
        for p in paths {
            var id = byPath[p]!
            if let n = used[id] {
                used[id] = n + 1
                id += "~\(n + 1)"
            } else {
                used[id] = 1
            }
            out.append(BatchInput(path: p, id: id, failure: failures[p]))
        }
        skipped.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        return Found(inputs: out, skipped: skipped)
    }

    /// `archive.zip!/a/b.docx` → (`archive.zip`, `!/a/b.docx`); a plain path → (path, nil).
    static func splitMember(_ path: String) -> (file: String, member: String?) {
        guard let r = path.range(of: ArchiveMemberPath.separator) else { return (path, nil) }
        return (String(path[..<r.lowerBound]), String(path[r.lowerBound...]))
    }

    /// Whether a file named on the command line holds an archive (by its bytes).
    package static func isArchiveFile(_ path: String) -> Bool {
        isArchive(path, named: true)
    }

    /// Whether a found file is an archive to open: by its name in a folder; by its bytes when it was
    /// named (a misnamed archive is still opened; a .docx, itself a zip, is not).
    static func isArchive(_ path: String, named: Bool) -> Bool {
        let lower = path.lowercased()
        if !named { return InputKind.byExtension(lower) == .archive }
        // Only a regular file is sniffed: a FIFO, a device or /dev/stdin would lose the bytes read
        // here (and opening a FIFO blocks until its writer comes); those are single streams.
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            let handle = FileHandle(forReadingAtPath: path)
        else { return false }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 4096))
        if head.starts(with: [0x50, 0x4B]) {
            // A zip: the member names decide (DOCX, OFD, ODT or an archive); read the whole file.
            guard let all = FileManager.default.contents(atPath: path) else { return false }
            return InputKind.zipContainer([UInt8](all)) == .archive
        }
        return InputKind.byContent(head) == .archive
    }

    /// The kind a file in a folder is counted in: `.jpg`, `no extension`.
    static func kind(of name: String) -> String {
        let ext = (name as NSString).pathExtension.lowercased()
        return ext.isEmpty ? "no extension" : "." + ext
    }

    /// Whether a name (in a folder or an archive) is an input by its extension.
    static func isInputName(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard let kind = InputKind.byExtension(lower) else { return false }
        return kind.isReportFormat || kind == .archive
    }

    static func join(_ dir: String, _ rel: String) -> String {
        dir.hasSuffix("/") ? dir + rel : dir + "/" + rel
    }

    /// Relative paths of the report files under a directory, recursively, and of the folders that
    /// cannot be listed (no permission …): those are accounted for as inputs that fail (`unreadable`),
    /// never skipped silently; "" stands for `root` itself.
    static func walk(_ root: String) -> [String] {
        walkAll(root).files
    }

    /// What a directory holds, recursively: input files and folders that cannot be listed (as
    /// ``walk(_:)``), and the skipped files (relative paths).
    static func walkAll(_ root: String) -> (files: [String], skipped: [SkippedFile]) {
        var out: [String] = []
        var skipped: [SkippedFile] = []
        func visit(_ rel: String) {
            let full = rel.isEmpty ? root : join(root, rel)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else {
                out.append(rel)
                return
            }
            for name in names {
                let childRel = rel.isEmpty ? name : rel + "/" + name
                let childFull = join(root, childRel)
                if name.hasPrefix(".") {
                    if !name.hasSuffix(".nianbao-state") && !name.hasPrefix(".nianbao-") && !name.hasPrefix(".tmp-") {
                        skipped.append(SkippedFile(path: childRel, kind: "hidden", reason: "a hidden file or folder"))
                    }
                    continue
                }
                var st = stat()
                guard stat(childFull, &st) == 0 else {
                    // A dangling link or a name the file system cannot give back (not UTF-8): still an
                    // input, so that it is accounted for (an `unreadable` record), not silently lost.
                    if isInputName(name) {
                        out.append(childRel)
                    } else {
                        skipped.append(SkippedFile(path: childRel, kind: kind(of: name), reason: "cannot be read, and not a report format"))
                    }
                    continue
                }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    if name.hasSuffix(".nianbao-state") { continue }
                    // Symbolic links to folders are not followed (no loops).
                    var lst = stat()
                    if lstat(childFull, &lst) == 0, (lst.st_mode & S_IFMT) == S_IFLNK {
                        skipped.append(SkippedFile(path: childRel, kind: "link to a folder", reason: "symbolic links to folders are not followed"))
                        continue
                    }
                    visit(childRel)
                } else if (st.st_mode & S_IFMT) == S_IFREG {
                    if isInputName(name) {
                        out.append(childRel)
                    } else {
                        skipped.append(SkippedFile(path: childRel, kind: kind(of: name), reason: "not a report format"))
                    }
                } else {
                    skipped.append(SkippedFile(path: childRel, kind: "special file", reason: "not a regular file"))
                }
            }
        }
        visit("")
        return (out, skipped)
    }

    /// Longest id component, in UTF-8 bytes: `<component>.error.json` and the `.tmp-<pid>-<n>-` name
    /// of its atomic write must fit the file system's 255-byte name limit.
    static let maxComponentBytes = 180

    /// Shortens over-long components of an id: the first bytes (whole scalars), `~`, 8 hex digits of
    /// the component's SHA-256, and the extension. A 255-byte input name made `--out` fail (ENAMETOOLONG)
    /// and so the whole batch.
    package static func fitComponents(_ id: String) -> String {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.contains(where: { $0.utf8.count > maxComponentBytes }) else { return id }
        return parts.map { part -> String in
            guard part.utf8.count > maxComponentBytes else { return String(part) }
            let ext = (String(part) as NSString).pathExtension
            let suffix = ext.isEmpty || ext.utf8.count > 16 ? "" : "." + ext
            let hash = ContentHash.hex(SHA256.hash(data: Array(part.utf8)).prefix(4))
            var head = String.UnicodeScalarView()
            var bytes = 0
            let budget = maxComponentBytes - 9 - suffix.utf8.count
            for scalar in part.unicodeScalars {
                let n = String(scalar).utf8.count
                if bytes + n > budget { break }
                head.append(scalar)
                bytes += n
            }
            return String(head) + "~" + hash + suffix
        }.joined(separator: "/")
    }

    /// A relative path that stays inside an output folder.
    package static func sanitize(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." }
            .map { $0 == ".." ? "__" : String($0) }
        return parts.isEmpty ? "_" : parts.joined(separator: "/")
    }
}
