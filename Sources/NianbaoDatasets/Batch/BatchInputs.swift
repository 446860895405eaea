import Nianbao
import Crypto
import Foundation

/// One input of a batch.
package struct BatchInput: Sendable, Hashable {
    /// The path to read, as given (directory arguments joined with the path found under them). It is
    /// also the report's `source.path`.
    package var path: String
    /// The report id: a relative path that never escapes an output folder (no `..`, not absolute).
    /// It names the `--out` file (`<id>.json`), the `report_id` column, and decides the shard.
    package var id: String

    package init(path: String, id: String) {
        self.path = path
        self.id = id
    }
}

/// Finds the inputs of a batch: files as given, directories walked recursively for
/// .pdf/.txt/.md/.html/.htm (any case; hidden files and folders and `*.nianbao-state` folders skipped),
/// and the lines of a `--files-from` list. Sorted by path (byte order), duplicates removed.
///
/// Report ids follow ``ReportIdentifier``: the path relative to the input root (the deepest folder
/// holding every argument), normalized, so that the same archive gives the same ids however it is
/// named. Two inputs that would get one id get `~2`, `~3`… in path order.
package enum BatchDiscovery {
    package static let extensions: Set<String> = ["pdf", "txt", "md", "html", "htm"]

    package static func discover(arguments: [String], filesFrom: [String] = []) -> [BatchInput] {
        let fm = FileManager.default
        var found: [String] = []
        var folders: [String] = [], files: [String] = []
        for arg in arguments {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: arg, isDirectory: &isDir), isDir.boolValue {
                folders.append(arg)
                // A folder that cannot be listed is an input of its own (an `unreadable` record).
                for rel in walk(arg) { found.append(rel.isEmpty ? arg : join(arg, rel)) }
            } else {
                files.append(arg)
                found.append(arg)
            }
        }
        for line in filesFrom where !line.isEmpty {
            files.append(line)
            found.append(line)
        }
        let root = ReportIdentifier.root(folders: folders, files: files)
        var byPath: [String: String] = [:]
        var seen: Set<String> = []
        for f in found where byPath[f] == nil {
            // One file named twice (`a/x.pdf` and `./a/x.pdf`) is one input.
            guard seen.insert(ReportIdentifier.normalized(f)).inserted else { continue }
            byPath[f] = fitComponents(sanitize(ReportIdentifier.id(path: f, root: root)))
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
            out.append(BatchInput(path: p, id: id))
        }
        return out
    }

    static func join(_ dir: String, _ rel: String) -> String {
        dir.hasSuffix("/") ? dir + rel : dir + "/" + rel
    }

    /// Relative paths of the report files under a directory, recursively, and of the folders that
    /// cannot be listed (no permission …): those are accounted for as inputs that fail (`unreadable`),
    /// never skipped silently; "" stands for `root` itself.
    static func walk(_ root: String) -> [String] {
        var out: [String] = []
        func visit(_ rel: String) {
            let full = rel.isEmpty ? root : join(root, rel)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else {
                out.append(rel)
                return
            }
            for name in names where !name.hasPrefix(".") {
                let childRel = rel.isEmpty ? name : rel + "/" + name
                let childFull = join(root, childRel)
                var st = stat()
                let ext = (name as NSString).pathExtension.lowercased()
                guard stat(childFull, &st) == 0 else {
                    // A dangling link or a name the file system cannot give back (not UTF-8): still an
                    // input, so that it is accounted for (an `unreadable` record), not silently lost.
                    if extensions.contains(ext) { out.append(childRel) }
                    continue
                }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    if name.hasSuffix(".nianbao-state") { continue }
                    // Symbolic links to folders are not followed (no loops).
                    var lst = stat()
                    if lstat(childFull, &lst) == 0, (lst.st_mode & S_IFMT) == S_IFLNK { continue }
                    visit(childRel)
                } else if (st.st_mode & S_IFMT) == S_IFREG {
                    if extensions.contains(ext) { out.append(childRel) }
                }
            }
        }
        visit("")
        return out
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

/// `--shard K/N`: input `id` belongs to shard K when the first 8 bytes of SHA-256(id), read as a
/// big-endian integer, are ≡ K−1 (mod N). Depends only on the report id (the path relative to the
/// archive folder), so every machine computes the same split, whatever it mounts the archive as.
package struct BatchShard: Sendable, Hashable, CustomStringConvertible {
    package var index: Int
    package var count: Int

    package init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    package func contains(_ input: BatchInput) -> Bool {
        let digest = Array(SHA256.hash(data: Array(input.id.utf8)))
        var v: UInt64 = 0
        for b in digest.prefix(8) { v = v << 8 | UInt64(b) }
        return Int(v % UInt64(count)) == index - 1
    }

    package var description: String { "\(index)/\(count)" }
}
