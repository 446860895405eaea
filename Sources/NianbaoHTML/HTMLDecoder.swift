import NianbaoCore
import Glibc

/// Turns the bytes of an HTML page into Unicode text.
///
/// Order of evidence: a byte-order mark; a `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KiB (the HTML
/// "prescan", done on bytes because the parser can only run once the encoding is known);
/// otherwise UTF-8 when the bytes are valid UTF-8, else GB18030.
/// GB2312, GBK, CP936 and their aliases are all decoded as GB18030 (a superset of both).
/// A page declared UTF-8 whose bytes are not UTF-8 is tried as GB18030, and a page declared
/// GBK whose bytes are only valid as UTF-8 is read as UTF-8 (mislabelled pages are common).
struct HTMLDecoder {
    struct Decoded {
        var text: String
        /// The encoding used, e.g. `UTF-8`, `GB18030`, `UTF-16LE`.
        var encoding: String
        var diagnostics: [Diagnostic]
    }

    enum Failure: Error {
        case undecodable(String)
    }

    func decode(_ bytes: [UInt8]) throws(Failure) -> Decoded {
        // Byte-order marks win over everything.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes[3...], as: UTF8.self), encoding: "UTF-8", diagnostics: [])
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: Self.utf16(bytes[2...], bigEndian: false), encoding: "UTF-16LE", diagnostics: [])
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: Self.utf16(bytes[2...], bigEndian: true), encoding: "UTF-16BE", diagnostics: [])
        }
        // UTF-16 without a BOM: "<" followed by NUL (or the reverse).
        if bytes.count >= 4, bytes[1] == 0, bytes[3] == 0, bytes[0] != 0 {
            return Decoded(text: Self.utf16(bytes[...], bigEndian: false), encoding: "UTF-16LE", diagnostics: [])
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[2] == 0, bytes[1] != 0 {
            return Decoded(text: Self.utf16(bytes[...], bigEndian: true), encoding: "UTF-16BE", diagnostics: [])
        }
        // Binary junk: NUL bytes have no place in an 8-bit HTML page.
        let nuls = bytes.prefix(65536).reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if nuls > 0 && nuls * 100 >= min(bytes.count, 65536) {
            throw .undecodable("the file holds binary data, not an HTML page")
        }

        let declared = Self.declaredCharset(bytes).flatMap(Self.canonical)
        let validUTF8 = Self.isValidUTF8(bytes)
        var diagnostics: [Diagnostic] = []

        switch declared {
        case "UTF-8"?, nil:
            if validUTF8 {
                return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8", diagnostics: [])
            }
            if let gb = Self.iconv(bytes, from: "GB18030"), gb.errors == 0 {
                if declared != nil {
                    diagnostics.append(
                        Diagnostic(
                            .warning, .encodingMislabelled,
                            "the page declares UTF-8 but its bytes are GB18030; read as GB18030"))
                }
                return Decoded(text: gb.text, encoding: "GB18030", diagnostics: diagnostics)
            }
            // Neither decodes cleanly: take the one with fewer errors, if it is mostly text.
            let utf8Errors = Self.utf8ErrorCount(bytes)
            if let gb = Self.iconv(bytes, from: "GB18030"), gb.errors < utf8Errors {
                return try Self.lossy(gb.text, errors: gb.errors, of: bytes.count, encoding: "GB18030")
            }
            return try Self.lossy(String(decoding: bytes, as: UTF8.self), errors: utf8Errors, of: bytes.count, encoding: "UTF-8")
        case let name?:
            if let converted = Self.iconv(bytes, from: name) {
                if converted.errors == 0 {
                    return Decoded(text: converted.text, encoding: name, diagnostics: [])
                }
                if validUTF8 {
                    diagnostics.append(
                        Diagnostic(
                            .warning, .encodingMislabelled,
                            "the page declares \(name) but its bytes are UTF-8; read as UTF-8"))
                    return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8", diagnostics: diagnostics)
                }
                return try Self.lossy(converted.text, errors: converted.errors, of: bytes.count, encoding: name)
            }
            // iconv does not know the declared name: fall back to detection.
            if validUTF8 {
                return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8", diagnostics: [])
            }
            if let gb = Self.iconv(bytes, from: "GB18030") {
                return try Self.lossy(gb.text, errors: gb.errors, of: bytes.count, encoding: "GB18030")
            }
            throw .undecodable("the page's encoding \(name) is not supported")
        }
    }

    private static func lossy(_ text: String, errors: Int, of count: Int, encoding: String) throws(Failure) -> Decoded {
        // More than one bad byte in twenty: this is not text in that encoding.
        if errors * 20 > max(count, 1) {
            throw .undecodable("the bytes are neither UTF-8 nor GB18030 text")
        }
        let note = Diagnostic(
            .warning, .encodingErrors,
            "\(errors) byte sequence(s) invalid in \(encoding) were replaced with U+FFFD")
        return Decoded(text: text, encoding: encoding, diagnostics: [note])
    }

    // MARK: - Charset declaration (HTML prescan, simplified)

    /// The charset named by the first `<meta>` that names one, within the first 4 KiB.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4096)).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }
        // An XHTML page may name its encoding in the XML declaration.
        if head.starts(with: Array("<?xml".utf8)), let close = head.firstIndex(of: UInt8(ascii: ">")) {
            let decl = Array(head[..<close])
            let key = Array("encoding".utf8)
            var j = 0
            while j + key.count < decl.count {
                if decl[j..<(j + key.count)].elementsEqual(key) {
                    var k = j + key.count
                    while k < decl.count && (decl[k] == 0x20 || decl[k] == 0x3D || decl[k] == 0x22 || decl[k] == 0x27) { k += 1 }
                    var name: [UInt8] = []
                    while k < decl.count, isNameByte(decl[k]) { name.append(decl[k]); k += 1 }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
                j += 1
            }
        }
        var i = 0
        let meta: [UInt8] = Array("<meta".utf8)
        let charset: [UInt8] = Array("charset".utf8)
        while i + meta.count <= head.count {
            guard head[i..<(i + meta.count)].elementsEqual(meta) else { i += 1; continue }
            // The tag runs to the next '>'.
            var end = i + meta.count
            while end < head.count && head[end] != UInt8(ascii: ">") { end += 1 }
            let tag = Array(head[i..<end])
            var j = 0
            while j + charset.count <= tag.count {
                if tag[j..<(j + charset.count)].elementsEqual(charset) {
                    var k = j + charset.count
                    while k < tag.count && (tag[k] == 0x20 || tag[k] == 0x09 || tag[k] == 0x0A || tag[k] == 0x0D) { k += 1 }
                    if k < tag.count && tag[k] == UInt8(ascii: "=") {
                        k += 1
                        while k < tag.count && (tag[k] == 0x20 || tag[k] == 0x22 || tag[k] == 0x27 || tag[k] == 0x09) { k += 1 }
                        var name: [UInt8] = []
                        while k < tag.count, isNameByte(tag[k]) { name.append(tag[k]); k += 1 }
                        if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                    }
                }
                j += 1
            }
            i = end
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A
    }

    /// The iconv name for a declared charset label (lowercased), or nil when unknown.
    static func canonical(_ label: String) -> String? {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode":
            // A UTF-16 declaration in an 8-bit page means UTF-8 (HTML standard).
            return "UTF-8"
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312",
            "iso-ir-58", "chinese", "gb_2312-80", "gb_2312", "csiso58gb231280", "x-euc-cn", "hz-gb-2312":
            return "GB18030"
        case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5":
            return "BIG5-HKSCS"
        case "iso-8859-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252":
            return "WINDOWS-1252"
        case let other:
            return other.isEmpty ? nil : other.uppercased()
        }
    }

    // MARK: - Byte-level decoders

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        utf8ErrorCount(bytes) == 0
    }

    static func utf8ErrorCount(_ bytes: [UInt8]) -> Int {
        var errors = 0
        var it = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: errors += 1
            }
        }
        return errors
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Converts with glibc iconv. Invalid or truncated sequences are skipped one byte at a time,
    /// replaced by U+FFFD and counted. Returns nil when iconv does not know the encoding.
    static func iconv(_ bytes: [UInt8], from encoding: String) -> (text: String, errors: Int)? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        var errors = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        bytes.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress else { return }
            var inPtr = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
            var inLeft = input.count
            while inLeft > 0 {
                let (result, produced, err) = buffer.withUnsafeMutableBufferPointer { out -> (Int, Int, Int32) in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = out.count
                    var inOpt: UnsafeMutablePointer<CChar>? = inPtr
                    let r = Glibc.iconv(cd, &inOpt, &inLeft, &outPtr, &outLeft)
                    let e = r == -1 ? errno : 0
                    inPtr = inOpt!
                    return (r, out.count - outLeft, e)
                }
                output.append(contentsOf: buffer[0..<produced])
                if result == -1 {
                    if err == E2BIG { continue }
                    // EILSEQ or EINVAL: skip one byte.
                    errors += 1
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inPtr += 1
                    inLeft -= 1
                }
            }
        }
        return (String(decoding: output, as: UTF8.self), errors)
    }
}
