@testable import NianbaoCore

/// Small inline reports for stage tests: a title, the six sections, and tables given as text lines.
enum MiniReport {
    /// Table 三 cells as a text reader hands them on (printed numbers, no location), row by row.
    static func applicationsCells(_ rows: [(String, [Int])]) -> [Cell] {
        rows.flatMap { row, values in
            zip(ApplicationsLayout.columns, values).map {
                Cell(key: "applications.\(row).\($0)", value: DecimalNumber($1), raw: String($1), kind: .number, at: .none)
            }
        }
    }

    static let table2_2021 = """
        第二十条第（一）项
        信息内容\t本年制发件数\t本年废止件数\t现行有效件数
        规章\t0\t0\t0
        行政规范性文件\t1\t0\t5
        第二十条第（五）项
        信息内容\t本年处理决定数量
        行政许可\t550
        第二十条第（六）项
        信息内容\t本年处理决定数量
        行政处罚\t4119
        行政强制\t195
        第二十条第（八）项
        信息内容\t本年收费金额（单位：万元）
        行政事业性收费\t7730.28
        """

    /// Table 三 rows of a consistent 2021 table: 一 21 (自然人 20, 商业企业 1), all granted/partly etc.
    static let table3Rows2021: [(String, [Int])] = [
        ("一、本年新收政府信息公开申请数量", [20, 1, 0, 0, 0, 0, 21]),
        ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
        ("三、本年度办理结果\t（一）予以公开", [10, 1, 0, 0, 0, 0, 11]),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [4, 0, 0, 0, 0, 0, 4]),
        ("（三）不予公开\t1.属于国家秘密", [1, 0, 0, 0, 0, 0, 1]),
        ("2.其他法律行政法规禁止公开", [0, 0, 0, 0, 0, 0, 0]),
        ("3.危及“三安全一稳定”", [0, 0, 0, 0, 0, 0, 0]),
        ("4.保护第三方合法权益", [0, 0, 0, 0, 0, 0, 0]),
        ("5.属于三类内部事务信息", [0, 0, 0, 0, 0, 0, 0]),
        ("6.属于四类过程性信息", [1, 0, 0, 0, 0, 0, 1]),
        ("7.属于行政执法案卷", [0, 0, 0, 0, 0, 0, 0]),
        ("8.属于行政查询事项", [0, 0, 0, 0, 0, 0, 0]),
        ("（四）无法提供\t1.本机关不掌握相关政府信息", [3, 0, 0, 0, 0, 0, 3]),
        ("2.没有现成信息需要另行制作", [0, 0, 0, 0, 0, 0, 0]),
        ("3.补正后申请内容仍不明确", [0, 0, 0, 0, 0, 0, 0]),
        ("（五）不予处理\t1.信访举报投诉类申请", [1, 0, 0, 0, 0, 0, 1]),
        ("2.重复申请", [0, 0, 0, 0, 0, 0, 0]),
        ("3.要求提供公开出版物", [0, 0, 0, 0, 0, 0, 0]),
        ("4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0, 0]),
        ("5.要求行政机关确认或重新出具已获取信息", [0, 0, 0, 0, 0, 0, 0]),
        ("（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [0, 0, 0, 0, 0, 0, 0]),
        ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0, 0, 0, 0, 0, 0, 0]),
        ("3.其他", [0, 0, 0, 0, 0, 0, 0]),
        ("（七）总计", [20, 1, 0, 0, 0, 0, 21]),
        ("四、结转下年度继续办理", [1, 0, 0, 0, 0, 0, 1]),
    ]

    static func row(_ label: String, _ values: [Int]) -> String {
        label + "\t" + values.map(String.init).joined(separator: "\t")
    }

    static var table3_2021: String {
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n\t自然人\t法人或其他组织\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
            + table3Rows2021.map { row($0.0, $0.1) }.joined(separator: "\n")
    }

    static let table4 = """
        行政复议\t\t\t\t\t行政诉讼
        结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉
        10\t1\t0\t0\t11\t0\t0\t0\t0\t0\t5\t0\t0\t0\t5
        """

    static func text(
        title: String = "某某市某某局\n2023 年政府信息公开工作年度报告",
        table2: String = table2_2021, table3: String? = nil, table4: String = table4
    ) -> String {
        """
        \(title)

        本年度报告中所列数据统计期限为2023年1月1日至12月31日。

        一、总体情况

        （一）主动公开。本年度主动公开信息120条。

        （二）依申请公开。本年度收到申请21件。

        二、主动公开政府信息情况

        \(table2)

        三、收到和处理政府信息公开申请情况

        \(table3 ?? table3_2021)

        四、政府信息公开行政复议、行政诉讼情况

        \(table4)

        五、存在的主要问题及改进情况

        主动公开的深度和广度还有待提升。

        六、其他需要报告的事项

        本年度未收取信息处理费。
        """
    }

    /// Table 三 text with one row replaced.
    static func table3(replacing label: String, with line: String) -> String {
        table3_2021.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(label) || $0.contains("\t" + label) ? line : String($0) }
            .joined(separator: "\n")
    }
}
