/// Otsu's threshold of an 8-bit gray image: the gray level that best separates ink from paper
/// (the largest between-class variance of the histogram).
enum OtsuThreshold {
    static func of(_ gray: [UInt8]) -> Int {
        var histogram = [Int](repeating: 0, count: 256)
        for v in gray { histogram[Int(v)] += 1 }
        let total = Double(gray.count)
        guard total > 0 else { return 128 }
        var sum = 0.0
        for (v, n) in histogram.enumerated() { sum += Double(v * n) }
        var below = 0.0, sumBelow = 0.0, best = 0.0, threshold = 128
        for t in 0..<256 {
            below += Double(histogram[t])
            if below == 0 { continue }
            let above = total - below
            if above == 0 { break }
            sumBelow += Double(t * histogram[t])
            let meanBelow = sumBelow / below, meanAbove = (sum - sumBelow) / above
            let between = below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if between > best { best = between; threshold = t + 1 }
        }
        return threshold
    }
}
