#if canImport(Glibc)
import Glibc
#endif

/// CPU time of the calling thread. The bad-input tests bound the work a conversion may take (a
/// quadratic regression takes minutes); measured in CPU time of the converting thread (the library
/// converts on the caller's thread), the bound holds on a loaded machine, where wall time does not.
enum CPUTime {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The result of `body` and the CPU seconds it took on this thread.
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let result = try body()
        return (result, now() - start)
    }
}
