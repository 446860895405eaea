import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Runs an external program in a process group of its own, with a deadline: on the deadline the
/// whole group (the program and everything it started) is killed and reaped. Standard input and
/// output go to /dev/null; standard error to a file the caller names (or /dev/null).
struct ChildProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    enum Failure: Error { case cannotStart(String) }

    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var standardError: String? = nil

    /// `gate`: runs the spawn it is given (which returns the process id, = its group id, or nil)
    /// under the caller's lock, so that a concurrent stop either sees the process or prevents it;
    /// false: the spawn was refused.
    func run(deadline: Double, gate: ((() -> pid_t?) -> Bool)? = nil) throws(Failure) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, standardError ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        var rc: Int32 = 0
        let spawn: () -> pid_t? = {
            rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            return rc == 0 ? pid : nil
        }
        if let gate {
            guard gate(spawn) else { throw .cannotStart("the process is stopping") }
        } else {
            _ = spawn()
        }
        guard rc == 0 else { throw .cannotStart(String(cString: strerror(rc))) }
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if Self.now() >= deadline {
                Self.killGroup(pid)
                return .timedOut
            }
            usleep(20_000)
        }
        // Helpers the program left in its group (LibreOffice's soffice.bin behind its launcher).
        Self.killGroup(pid)
        let low = status & 0x7F
        return low == 0 ? .exited((status >> 8) & 0xFF) : .signalled(low)
    }

    /// Kills a process group and waits (at most 2 s) until no process of it is left, reaping the
    /// leader if it is ours, so that nothing writes into a folder the caller removes next.
    package static func killGroup(_ pid: pid_t) {
        kill(-pid, SIGKILL)
        let end = now() + 2
        var status: Int32 = 0
        while now() < end {
            _ = waitpid(pid, &status, WNOHANG)
            if kill(-pid, 0) != 0 && errno == ESRCH { return }
            usleep(5_000)
        }
    }

    /// Seconds on the monotonic clock (deadlines).
    package static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The first executable named `name` on the PATH.
    static func find(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
