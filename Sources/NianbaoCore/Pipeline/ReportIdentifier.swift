import Foundation

/// The report id: one rule, so that the same archive gives the same ids however it is named
/// (`archive`, `./archive/`, `/data/archive`, a `--files-from` list of absolute paths).
///
/// 1. Every input path is made absolute (against the working folder) and normalized lexically:
///    `.`, empty components and `..` are folded (links are not resolved).
/// 2. The input root is the deepest folder holding every argument: a folder argument counts as
///    itself, a file (argument or `--files-from` line) as the folder it is in. One folder argument:
///    that folder; one file: its folder.
/// 3. The id is the normalized path relative to the root (`2021/hongze.pdf`); a file converted
///    alone has its name as id (`hongze.pdf`); standard input is `-`.
/// 4. A member of an archive is `<archive id>!/<member path>` (`2021.zip!/hongze.pdf`).
///
/// Components longer than 180 bytes are shortened with a hash, and two inputs that would still get
/// one id get `~2`, `~3`… in path order (see `BatchDiscovery`).
public enum ReportIdentifier {
    /// The id of a file converted alone: its name.
    public static func single(path: String) -> String {
        if path == "-" { return "-" }
        // The last component of the path itself when it is no `.` or `..`: normalizing keeps it
        // last (no current directory looked up, no path rebuilt). It starts with an ASCII scalar,
        // so no `/` joined before it (the current directory's) can take it into its Character.
        let last = path[(lastSlash(path).map { path.index(after: $0) } ?? path.startIndex)...]
        if let first = last.utf8.first, first < 0x80, last != ".", last != ".." { return String(last) }
        let parts = normalized(path).split(separator: "/")
        return parts.last.map(String.init) ?? "_"
    }

    /// `path.lastIndex(of: "/")`, found on the bytes when the last `/` byte has an ASCII byte (or
    /// nothing) on each side: then it is a Character of its own (no ASCII scalar before it prepends
    /// to it, none after it extends it), and no later `/` Character exists (each is a `/` byte).
    /// Else the Characters are searched (a path walked back Character by Character costs more than
    /// the rest of its id).
    static func lastSlash(_ path: String) -> String.Index? {
        let u = path.utf8
        if let slash = u.lastIndex(of: 0x2F) {
            let after = u.index(after: slash)
            if (slash == u.startIndex || u[u.index(before: slash)] < 0x80) && (after == u.endIndex || u[after] < 0x80) { return slash }
        } else {
            return nil
        }
        return path.lastIndex(of: "/")
    }

    /// The id of an archive member.
    public static func member(archiveId: String, member: String) -> String {
        archiveId + "!/" + normalized(member, absolute: false)
    }

    /// `path` absolute (unless `absolute` is false) with `.`, `..` and empty components folded.
    public static func normalized(_ path: String, absolute: Bool = true, cwd: String = FileManager.default.currentDirectoryPath) -> String {
        let full = absolute && !path.hasPrefix("/") ? cwd + "/" + path : path
        var out: [Substring] = []
        for c in full.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { if !out.isEmpty { out.removeLast() }; continue }
            out.append(c)
        }
        return (absolute ? "/" : "") + out.joined(separator: "/")
    }

    /// The input root of a batch: `folders` are folder arguments, `files` file arguments and list lines.
    public static func root(folders: [String], files: [String], cwd: String = FileManager.default.currentDirectoryPath) -> String {
        let dirs = folders.map { normalized($0, cwd: cwd) } + files.map { parent(normalized($0, cwd: cwd)) }
        guard var common = dirs.first.map({ $0.split(separator: "/").map(String.init) }) else { return normalized(".", cwd: cwd) }
        for d in dirs.dropFirst() {
            let parts = d.split(separator: "/").map(String.init)
            var n = 0
            while n < common.count && n < parts.count && common[n] == parts[n] { n += 1 }
            common.removeLast(common.count - n)
        }
        return "/" + common.joined(separator: "/")
    }

    /// The id of `path` under `root` (both as given; `root` from ``root(folders:files:cwd:)``).
    public static func id(path: String, root: String, cwd: String = FileManager.default.currentDirectoryPath) -> String {
        let p = normalized(path, cwd: cwd)
        let r = root == "/" ? "/" : root + "/"
        if p.hasPrefix(r) { return String(p.dropFirst(r.count)) }
        // The root itself (a folder argument that cannot be listed): its name.
        if p == root { return p.split(separator: "/").last.map(String.init) ?? "_" }
        return String(p.drop { $0 == "/" })
    }

    static func parent(_ normalizedPath: String) -> String {
        guard let slash = normalizedPath.lastIndex(of: "/"), slash != normalizedPath.startIndex else { return "/" }
        return String(normalizedPath[..<slash])
    }
}
