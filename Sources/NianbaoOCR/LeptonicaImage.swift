import CTesseract
import NianbaoPDF

/// Owns one leptonica `PIX*`. Every operation returns a new owner; nothing outlives the call.
final class LeptonicaImage {
    let pix: UnsafeMutablePointer<PIX>

    init?(owning pix: UnsafeMutablePointer<PIX>?) {
        guard let pix else { return nil }
        self.pix = pix
    }

    deinit {
        var p: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&p)
    }

    var width: Int { Int(pixGetWidth(pix)) }
    var height: Int { Int(pixGetHeight(pix)) }
    var depth: Int { Int(pixGetDepth(pix)) }
    /// Horizontal resolution from the file header; 0 when unknown.
    var resolution: Int { Int(pixGetXRes(pix)) }

    /// An 8-bit gray image with the pixels of `image`.
    convenience init?(gray image: PageImage) {
        guard image.width > 0, image.height > 0, image.gray.count == image.width * image.height else { return nil }
        self.init(owning: pixCreate(Int32(image.width), Int32(image.height), 8))
        let wpl = Int(pixGetWpl(pix))
        guard let data = pixGetData(pix) else { return nil }
        let bytes = UnsafeMutableRawPointer(data).assumingMemoryBound(to: UInt8.self)
        image.gray.withUnsafeBufferPointer { src in
            for y in 0..<image.height {
                let line = bytes + y * wpl * 4
                let row = y * image.width
                // leptonica keeps 8-bit pixels big-endian inside 32-bit words.
                for x in 0..<image.width { line[x ^ 3] = src[row + x] }
            }
        }
    }

    /// Decodes an image file (PNG, JPEG, TIFF…) held in memory.
    static func decode(_ bytes: [UInt8]) -> LeptonicaImage? {
        bytes.withUnsafeBufferPointer { LeptonicaImage(owning: pixReadMem($0.baseAddress, $0.count)) }
    }

    /// The pixels as 8-bit gray (colour and other depths converted).
    func gray() -> PageImage? {
        guard let eight = depth == 8 ? self : LeptonicaImage(owning: pixConvertTo8(pix, 0)) else { return nil }
        let w = eight.width, h = eight.height
        guard w > 0, h > 0, w * h <= PageImage.maxPixels, let data = pixGetData(eight.pix) else { return nil }
        let wpl = Int(pixGetWpl(eight.pix))
        let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
        var out = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            let line = bytes + y * wpl * 4
            for x in 0..<w { out[y * w + x] = line[x ^ 3] }
        }
        return PageImage(width: w, height: h, gray: out, dpi: 0)
    }

    /// The image rotated so its text lines are horizontal (scans are often a degree or two off).
    func deskewed() -> LeptonicaImage? { LeptonicaImage(owning: pixDeskew(pix, 0)) }

    /// A median filter over `n`×`n` pixels: takes out the speckles of a photocopy and closes the
    /// gaps noise and JPEG leave in thin strokes.
    func median(_ n: Int) -> LeptonicaImage? { LeptonicaImage(owning: pixMedianFilter(pix, Int32(n), Int32(n))) }

    /// Black and white: pixels darker than `threshold` are ink.
    func binary(threshold: Int32 = 150) -> LeptonicaImage? { LeptonicaImage(owning: pixConvertTo1(pix, threshold)) }

    /// Morphological opening with a `w`×`h` brick: keeps only ink that holds such a brick.
    func opened(_ w: Int, _ h: Int) -> LeptonicaImage? { LeptonicaImage(owning: pixOpenBrick(nil, pix, Int32(w), Int32(h))) }

    /// Morphological closing with a `w`×`h` brick: bridges gaps shorter than the brick.
    func closed(_ w: Int, _ h: Int) -> LeptonicaImage? { LeptonicaImage(owning: pixCloseBrick(nil, pix, Int32(w), Int32(h))) }

    func dilated(_ n: Int) -> LeptonicaImage? { LeptonicaImage(owning: pixDilateBrick(nil, pix, Int32(n), Int32(n))) }

    /// leptonica's `PIX_SRC` raster operation (`0xc`; Sun's shifted values are not used).
    static let rasterSource: Int32 = 0xc

    /// A binary image of the same size holding only this image's ink inside `boxes`.
    func keeping(_ boxes: [(x: Int, y: Int, w: Int, h: Int)]) -> LeptonicaImage? {
        guard let out = LeptonicaImage(owning: pixCreate(Int32(width), Int32(height), 1)) else { return nil }
        for b in boxes {
            pixRasterop(out.pix, Int32(b.x), Int32(b.y), Int32(b.w), Int32(b.h), Self.rasterSource, pix, Int32(b.x), Int32(b.y))
        }
        return out
    }

    func union(_ other: LeptonicaImage) -> LeptonicaImage? { LeptonicaImage(owning: pixOr(nil, pix, other.pix)) }

    /// Ink of this image that is not ink of `other`.
    func subtracting(_ other: LeptonicaImage) -> LeptonicaImage? { LeptonicaImage(owning: pixSubtract(nil, pix, other.pix)) }

    /// Bounding boxes (x, y, w, h in pixels) of the 8-connected components of a binary image.
    func components() -> [(x: Int, y: Int, w: Int, h: Int)] {
        guard let boxa = pixConnComp(pix, nil, 8) else { return [] }
        var owned: UnsafeMutablePointer<BOXA>? = boxa
        defer { boxaDestroy(&owned) }
        var out: [(x: Int, y: Int, w: Int, h: Int)] = []
        for i in 0..<boxaGetCount(boxa) {
            var x: Int32 = 0, y: Int32 = 0, w: Int32 = 0, h: Int32 = 0
            if boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h) == 0 { out.append((Int(x), Int(y), Int(w), Int(h))) }
        }
        return out
    }

    /// The number of specks in a binary image: connected pieces of ink at most 2×2 pixels. A clean
    /// page at 300 dpi has a few dozen (dots of punctuation); a photocopy thousands.
    func speckles() -> Int { components().count { $0.w <= 2 && $0.h <= 2 } }

    /// The pixels of a binary image, one byte per pixel (1 ink, 0 paper).
    func bits() -> InkMap {
        let w = width, h = height
        var out = [UInt8](repeating: 0, count: w * h)
        if depth == 1, let data = pixGetData(pix) {
            let wpl = Int(pixGetWpl(pix))
            out.withUnsafeMutableBufferPointer { ink in
                for y in 0..<h {
                    let line = data + y * wpl
                    let row = y * w
                    // Whole 32-pixel words at a time: most of a page is paper (zero words).
                    for word in 0..<wpl {
                        let bits = line[word]
                        if bits == 0 { continue }
                        let x0 = word << 5
                        for bit in 0..<min(32, w - x0) where (bits >> UInt32(31 - bit)) & 1 == 1 { ink[row + x0 + bit] = 1 }
                    }
                }
            }
        }
        return InkMap(width: w, height: h, ink: out)
    }
}
