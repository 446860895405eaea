import Nianbao

/// libFuzzer entry: the bytes go through the whole pipeline as a .pdf file and, when they make a
/// report, through the JSON writer. Any documented ExtractError is a fine outcome; a crash, a
/// sanitizer report or a timeout is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    do {
        let report = try ReportExtractor().extract(bytes: bytes, path: "fuzz.pdf")
        _ = ReportExtractor.json(report, pretty: false)
    } catch {
        _ = error.exitStatus
    }
    return 0
}
