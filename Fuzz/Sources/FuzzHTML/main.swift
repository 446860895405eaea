import Nianbao
#if canImport(Glibc)
import Glibc
#endif

// libFuzzer target: the bytes go through the whole pipeline as a .html file and, when they make a
// report, through the JSON writer. Any documented ExtractError is a fine outcome; a crash, a
// sanitizer report or a timeout is a bug.
//
// SwiftPM renames an executable's `main` (and links `main` to it), so libFuzzer's own `main` is
// not used: this top-level code hands the command line to libFuzzer's driver instead.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    do {
        let report = try ReportExtractor().extract(bytes: bytes, path: "fuzz.html")
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

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
