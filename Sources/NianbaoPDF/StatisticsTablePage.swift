import NianbaoCore

/// Decides from a page's glyphs alone whether it may hold part of a statistics table (Table 二,
/// 三 or 四), so that only such pages are rendered to find their ruling lines.
///
/// Rendering a page through the cairo script surface costs most of the PDF path's time (glyph
/// outlines are serialized and compressed); reading its glyphs is cheap. A page without any of the
/// tables' header or row words and without a block of numbers keeps its text without rulings:
/// that only changes how a non-statistics table on it (a list of documents, say) is split into
/// cells in a section's text, never a table value. The test is generous: a false "yes" costs
/// only time.
enum StatisticsTablePage {
    /// Words of the three tables' headers and row labels (match-key form), from all generations.
    static let words: [String] = [
        // Table 二
        "制发件数", "废止件数", "现行有效件数", "处理决定数量", "收费金额", "新制作数量", "新公开数量",
        "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额", "规范性文件", "行政事业性收费",
        // Table 三
        "本年新收", "上年结转", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理",
        "结转下年度", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "国家秘密",
        "信访举报", "重复申请", "公开出版物", "逾期不补正", "逾期未缴费", "总计",
        // Table 四
        "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "直接起诉", "复议后起诉",
    ]

    /// Whether the page needs its rulings.
    static func mayHoldTable(_ glyphs: [Glyph]) -> Bool {
        var digits = 0
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(glyphs.count)
        for g in glyphs {
            let v = g.scalar.value
            if (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19) { digits += 1 }
            scalars.append(g.scalar)
        }
        // Many numbers on a page: a table whatever its words (an unusual variant, a lost header).
        if digits >= 40 && digits * 6 >= glyphs.count { return true }
        let key = TextNormalizer.matchKey(String(scalars))
        return words.contains { key.includes($0) }
    }
}
