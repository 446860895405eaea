import Foundation
import NianbaoArchive
import NianbaoCore
#if canImport(Glibc)
    import Glibc
#endif

/// Converts Word 97–2003 (.doc), Kingsoft WPS (.wps), RTF and ODT files to DOCX with LibreOffice
/// (`soffice --headless --convert-to docx`), so that ``DOCXReader`` reads them.
///
/// Each conversion gets a private temporary folder holding the input, the output and a private
/// LibreOffice profile (`-env:UserInstallation`), so parallel conversions never share a profile;
/// the folder is removed whatever happens. LibreOffice runs in its own process group and is killed
/// with everything it started when the time limit passes.
///
/// The program is `soffice` on the PATH, or the one `NIANBAO_SOFFICE` names.
package struct LibreOfficeConverter: Sendable {
    package struct Converted: Sendable {
        package var docx: [UInt8]
    }

    package enum Failure: Error, Sendable {
        /// LibreOffice is not installed.
        case missing
        case timedOut
        /// LibreOffice ran but made no DOCX (damaged input, or a crash).
        case failed(String)
    }

    package init() {}

    /// The `soffice` to run, or nil when LibreOffice is not installed.
    package static var executable: String? {
        if let p = ProcessInfo.processInfo.environment["NIANBAO_SOFFICE"] {
            return access(p, X_OK) == 0 ? p : nil
        }
        return ChildProcess.find("soffice") ?? ChildProcess.find("libreoffice")
    }

    /// What to install when LibreOffice is missing.
    package static let installHint = "install LibreOffice Writer (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice) so that `soffice` is on the PATH"

    /// `extension`: the name the input is given in the temporary folder (`doc`, `rtf`, `odt`).
    package func convert(_ bytes: [UInt8], extension ext: String, timeout: Double) throws(Failure) -> Converted {
        guard let soffice = Self.executable else { throw .missing }
        let deadline = ChildProcess.now() + timeout
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("nianbao-lo-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .failed("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        let dir = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let token = Running.shared.add(dir: dir)
        defer { Running.shared.remove(token) }
        let input = dir + "/input." + ext
        let outDir = dir + "/out"
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw .failed("cannot write the temporary input")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = dir
        environment["TMPDIR"] = dir  // LibreOffice's own temporary files go where they are removed
        environment["SAL_USE_VCLPLUGIN"] = "svp"
        let child = ChildProcess(
            executable: soffice,
            arguments: [
                "--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault", "--nofirststartwizard",
                "-env:UserInstallation=file://" + dir + "/profile",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", outDir, input,
            ],
            environment: environment, standardError: dir + "/stderr")
        let outcome: ChildProcess.Outcome
        do { outcome = try child.run(deadline: deadline, gate: { Running.shared.spawn(token, $0) }) } catch {
            switch error {
            case ChildProcess.Failure.cannotStart(let why): throw Failure.failed("cannot start \(soffice): \(why)")
            }
        }
        if outcome == .timedOut { throw .timedOut }
        guard let data = FileManager.default.contents(atPath: outDir + "/input.docx"), !data.isEmpty else {
            let stderr = FileManager.default.contents(atPath: dir + "/stderr").map { String(decoding: $0, as: UTF8.self) } ?? ""
            let detail = stderr.split(whereSeparator: \.isNewline).filter { !$0.contains("javaldx") }.last.map { ": \($0)" } ?? ""
            let how: String
            switch outcome {
            case .exited(let s): how = "exit status \(s)"
            case .signalled(let s): how = "signal \(s)"
            case .timedOut: how = "timeout"
            }
            throw .failed("LibreOffice made no DOCX (\(how))\(detail)")
        }
        return Converted(docx: [UInt8](data))
    }

    /// Kills every conversion running in this process (their process groups) and removes their
    /// temporary folders: for a watchdog about to end the process.
    package static func stopAll() {
        Running.shared.stopAll()
    }

    /// The conversions in progress: their process groups and temporary folders.
    final class Running: @unchecked Sendable {
        static let shared = Running()
        private let lock = NSLock()
        private var entries: [Int: (dir: String, pid: pid_t?)] = [:]
        private var next = 0
        /// Set by ``stopAll()``: no conversion starts after it.
        private var stopping = false

        func add(dir: String) -> Int {
            lock.lock(); defer { lock.unlock() }
            next += 1
            entries[next] = (dir, nil)
            return next
        }

        /// Starts a conversion's process under the lock (unless the process is stopping) and
        /// records its group, so that ``stopAll()`` never misses one being started.
        func spawn(_ token: Int, _ body: () -> pid_t?) -> Bool {
            lock.lock(); defer { lock.unlock() }
            guard !stopping, entries[token] != nil else { return false }
            if let pid = body() { entries[token]?.pid = pid }
            return true
        }

        func remove(_ token: Int) {
            lock.lock(); defer { lock.unlock() }
            entries[token] = nil
        }

        func stopAll() {
            lock.lock(); defer { lock.unlock() }
            stopping = true
            for (_, e) in entries {
                if let pid = e.pid { ChildProcess.killGroup(pid) }
                try? FileManager.default.removeItem(atPath: e.dir)
            }
            entries.removeAll()
        }
    }

    /// `LibreOffice 7.4.7.2` from a DOCX's `Application` property (`LibreOffice/7.4.7.2$Linux_X86_64 …`).
    package static func converterName(application: String?) -> String {
        guard let app = application, app.hasPrefix("LibreOffice") else { return "LibreOffice" }
        let version = app.dropFirst("LibreOffice".count).drop { $0 == "/" }.prefix { $0 != "$" && $0 != " " }
        return version.isEmpty ? "LibreOffice" : "LibreOffice \(version)"
    }
}
