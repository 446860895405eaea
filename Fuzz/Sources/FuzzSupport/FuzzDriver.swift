import Nianbao
#if canImport(Glibc)
import Glibc
#endif

// The one libFuzzer harness every target shares: the bytes go through the whole pipeline as a file
// of the target's type and, when they make a report, through the JSON writer. Any documented
// ExtractError is a fine outcome; a crash, a sanitizer report or a timeout is a bug.
//
// SwiftPM renames an executable's `main` (and links `main` to it), so libFuzzer's own `main` is
// not used: each target's top-level code calls `runFuzzer(inputPath:)`, which hands the command
// line to libFuzzer's driver.

/// The file name the fuzzed bytes are given (its extension picks the reader). Set once, before
/// the driver starts; libFuzzer runs inputs on one thread.
nonisolated(unsafe) private var fuzzedPath = "fuzz.txt"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    do {
        let report = try ReportExtractor().extract(bytes: bytes, path: fuzzedPath)
        _ = ReportExtractor.json(report, pretty: false)
    } catch {
        _ = error.exitStatus
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer over `ReportExtractor` with inputs named `inputPath` (e.g. `fuzz.pdf`).
public func runFuzzer(inputPath: String) -> Never {
    fuzzedPath = inputPath
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
}
