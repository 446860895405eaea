/// Table 四 政府信息公开行政复议、行政诉讼情况: three blocks of five columns, usually one row of 15 numbers.
enum ReviewLitigationLayout {
    static let blocks = ["review", "litigation_direct", "litigation_after_review"]
    static let blockLabels = ["行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"]
    package static let columns = ["upheld", "corrected", "other", "pending", "total"]
    static let columnLabels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

    /// The 15 flat keys in printed order.
    package static let keys: [String] = blocks.flatMap { b in columns.map { KeyLiterals.interned("review_litigation.\(b).\($0)") } }
}
