import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Table reconstruction against what real extracted text looks like.
@Suite struct TableArtifactTests {
    @Test func cleanReportReadsEveryValue() throws {
        let r = try TestSupport.extract(MiniReport.text())
        #expect(r.agency == "某某市某某局")
        #expect(r.year == 2023)
        #expect(r.generation == .g2021)
        #expect(r.cells.count == 10 + 25 * 7 + 15)
        #expect(r.v("active_disclosure.fees.amount") == "7730.28")
        #expect(r.v("active_disclosure.normative_documents.in_force") == "5")
        #expect(r.v("applications.new_received.total") == "21")
        #expect(r.v("applications.unable.not_held.natural_person") == "3")
        #expect(r.v("review_litigation.litigation_after_review.total") == "5")
        #expect(r.checks.allSatisfy { $0.status == .pass })
        #expect(r.checks.count == 7 + 7 + 25 + 3)
    }

    @Test func rowLabelSplitOverLines() throws {
        // 三、本年度办 … 理结果: the group label is split, the continuation lands on the next row's line.
        let t3 =
            MiniReport.table3(replacing: "三、本年度办理结果", with: "三、本年度办\t（一）予以公开\t10\t1\t0\t0\t0\t0\t11")
            .replacingOccurrences(of: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t", with: "\t（二）部分公开（区分处理的，只\t")
            + ""
        let text = MiniReport.text(table3: t3.replacingOccurrences(of: "（三）不予公开\t1.属于国家秘密", with: "理结果\t计这一情形，不计其他情形)\n（三）不予公开\t1.属于国家秘密"))
        let r = try TestSupport.extract(text)
        #expect(r.v("applications.granted.total") == "11")
        #expect(r.v("applications.partially_granted.natural_person") == "4")
        #expect(r.v("applications.denied.state_secret.natural_person") == "1")
        #expect(!r.checks.contains { $0.status != .pass })
    }

    @Test func wrappedLabelWithNumbersOnTheirOwnLine() throws {
        let t3 = MiniReport.table3(
            replacing: "5.要求行政机关确认",
            with: "5.要求行政机关确认或重\n新出具\n已获取信息\n0  0  0  0  0  0  0")
        let r = try TestSupport.extract(MiniReport.text(table3: t3))
        #expect(r.cell("applications.not_processed.confirmation.total")?.kind == .number)
        #expect(r.cells.count == 200)
    }

    @Test func verticalHeaderOneCharacterPerLine() throws {
        let t4 = "行政复议\n结\n果\n维\n持\n结\n果\n纠\n正\n总\n计\n" + "10  1  0  0  11  0  0  0  0  0  5  0  0  0  5"
        let r = try TestSupport.extract(MiniReport.text(table4: t4))
        #expect(r.v("review_litigation.review.upheld") == "10")
        #expect(r.v("review_litigation.litigation_after_review.total") == "5")
    }

    @Test(arguments: ["-4-", "— 5 —", "第 3 页", "- 12 -"])
    func pageNumbersInsideTables(pageNumber: String) throws {
        let t3 = MiniReport.table3(replacing: "2.没有现成信息", with: "\(pageNumber)\n2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0")
        let r = try TestSupport.extract(MiniReport.text(table3: t3))
        #expect(r.cells.count == 200)
        #expect(!r.diagnostics.contains { $0.code == "row_unrecognized" })
    }

    @Test func missingCellIsInferredWhenTheIdentitiesForceIt() throws {
        // Six zeros for seven columns: wherever the gap is, the row identity makes it 0.
        let t3 = MiniReport.table3(replacing: "2.重复申请", with: "2.重复申请\t0\t0\t0\t0\t0\t0")
        let r = try TestSupport.extract(MiniReport.text(table3: t3))
        let cell = try #require(r.cell("applications.not_processed.repeated.total"))
        #expect(cell.kind == .inferred)
        #expect(cell.raw == nil)
        #expect(cell.value == DecimalNumber(0))
        #expect(r.diagnostics.contains { $0.code == "cell_inferred" && $0.at == cell.at })
    }

    @Test func missingTotalIsSolvedFromTheRow() throws {
        // 3 0 0 0 0 0 with the total missing: only a gap at 总计 keeps the column identities (I2) true.
        let t3 = MiniReport.table3(replacing: "（四）无法提供", with: "（四）无法提供\t1.本机关不掌握相关政府信息\t3\t0\t0\t0\t0\t0")
        let r = try TestSupport.extract(MiniReport.text(table3: t3))
        #expect(r.v("applications.unable.not_held.natural_person") == "3")
        #expect(r.cell("applications.unable.not_held.total")?.kind == .inferred)
        #expect(r.v("applications.unable.not_held.total") == "3")
    }

    @Test func ambiguousMissingCellStaysNull() throws {
        // 1 0 0 0 0 1 for seven columns: the 1 could be 自然人 or 商业企业 … and the identities of this
        // table cannot tell (the other rows' columns are consistent either way only for some), so never guess.
        let rows = MiniReport.table3Rows2021.map { (l, v) -> String in
            l.hasPrefix("（五）") ? "（五）不予处理\t1.信访举报投诉类申请\t1\t0\t0\t0\t0\t1" : MiniReport.row(l, v)
        }
        var t3 = rows.joined(separator: "\n")
        // Make the column identities silent: blank (七)总计 so I2 cannot be assessed.
        t3 = t3.replacingOccurrences(of: "（七）总计\t20\t1\t0\t0\t0\t0\t21", with: "（七）总计\t\t\t\t\t\t\t")
        let r = try TestSupport.extract(MiniReport.text(table3: t3))
        #expect(r.cell("applications.not_processed.complaint.natural_person") == nil)
        #expect(r.diagnostics.contains { $0.code == "row_short" })
        #expect(r.checks.first { $0.id == "I3.not_processed.complaint" } == nil)
    }

    @Test func blanksSlashesDashesAndNone() throws {
        let t3 = MiniReport.table3(replacing: "7.属于行政执法案卷", with: "7.属于行政执法案卷\t/\t-\t—\t无\t\t0\t0")
        let r = try TestSupport.extract(MiniReport.text(table3: t3))
        #expect(r.cell("applications.denied.enforcement_files.natural_person")?.kind == .notApplicable)
        #expect(r.cell("applications.denied.enforcement_files.commercial_enterprise")?.kind == .notApplicable)
        #expect(r.cell("applications.denied.enforcement_files.social_welfare_organization")?.raw == "无")
        #expect(r.cell("applications.denied.enforcement_files.legal_service_institution")?.kind == .empty)
        #expect(r.cell("applications.denied.enforcement_files.legal_service_institution")?.value == nil)
        #expect(r.check("I3.denied.enforcement_files")?.status == .notAssessable)
    }

    @Test func blankAsZeroOption() throws {
        let t3 = MiniReport.table3(replacing: "7.属于行政执法案卷", with: "7.属于行政执法案卷\t0\t0\t0\t0\t\t0\t0")
        let r = try TestSupport.extract(MiniReport.text(table3: t3), options: ExtractOptions(blankAsZero: true))
        let cell = try #require(r.cell("applications.denied.enforcement_files.legal_service_institution"))
        #expect(cell.value == DecimalNumber(0))
        #expect(cell.kind == .empty)
    }

    @Test func unitsDecimalsThousandsAndNegativeChange() throws {
        let t2 = """
            第二十条第（一）项
            信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
            规章\t0\t0\t12
            规范性文件\t3\t3\t1,024
            第二十条第（五）项
            信息内容\t上一年项目数量\t本年增/减\t处理决定数量
            行政许可\t35\t-3\t1,250
            其他对外管理服务事项\t4\t0\t20
            第二十条第（六）项
            行政处罚\t12\t－2\t300
            行政强制\t3\t0\t8
            第二十条第（八）项
            行政事业性收费\t2\t0
            第二十条第（九）项
            信息内容\t采购项目数量\t采购总金额
            政府集中采购\t12\t251000元
            """
        let t3 = MiniReport.table3_2021.replacingOccurrences(
            of: "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t0\t0\t0",
            with: "（六）其他处理\t0\t0\t0\t0\t0\t0\t0")
        let r = try TestSupport.extract(MiniReport.text(title: "某某县教育局2020年政府信息公开工作年度报告", table2: t2, table3: t3))
        #expect(r.generation == .g2019)
        #expect(r.year == 2020)
        #expect(r.v("active_disclosure.normative_documents.total_published") == "1024")
        #expect(r.cell("active_disclosure.normative_documents.total_published")?.raw == "1,024")
        #expect(r.v("active_disclosure.licensing.change") == "-3")
        #expect(r.v("active_disclosure.penalty.change") == "-2")
        #expect(r.v("active_disclosure.procurement.amount") == "251000")
        #expect(r.cell("active_disclosure.procurement.amount")?.raw == "251000元")
        #expect(r.v("active_disclosure.other_services.decisions") == "20")
        #expect(r.v("applications.other.total.total") == "0")
        #expect(r.cell("applications.other.overdue_fee.total") == nil)
        #expect(r.cells.count == 22 + 23 * 7 + 15)
    }

    @Test func typoLabelsAndNumberingVariants() throws {
        var t3 = MiniReport.table3_2021
        t3 = t3.replacingOccurrences(of: "2.其他法律行政法规禁止公开", with: "2.其他法律行政止公开")
        t3 = t3.replacingOccurrences(of: "3.危及“三安全一稳定”", with: "3、危及\"三安全一稳定\"")
        t3 = t3.replacingOccurrences(of: "4.保护第三方合法权益", with: "4．保护第三方合法权益")
        t3 = t3.replacingOccurrences(of: "4.无正当理由大量反复申请", with: "4.无正当理由大量反复 申请")
        let r = try TestSupport.extract(MiniReport.text(table3: t3))
        #expect(r.cells.count == 200)
        #expect(r.checks.allSatisfy { $0.status == .pass })
        #expect(!r.diagnostics.contains { $0.code == "row_missing" })
    }

    @Test func documentArithmeticErrorsAreFailedChecksNotCorrections() throws {
        let t4 = "10\t1\t0\t0\t0\t0\t0\t0\t0\t0\t5\t0\t0\t0\t0"
        let r = try TestSupport.extract(MiniReport.text(table4: t4))
        #expect(r.v("review_litigation.review.total") == "0", "the printed 0 is kept")
        let check = try #require(r.check("I4.review"))
        #expect(check.status == .fail)
        #expect(check.lhs == DecimalNumber(0))
        #expect(check.rhs == DecimalNumber(11))
        #expect(r.check("I4.litigation_after_review")?.status == .fail)
        #expect(r.check("I4.litigation_direct")?.status == .pass)
    }

    @Test func longRowIsNotGuessed() throws {
        let t3 = MiniReport.table3(replacing: "2.重复申请", with: "2.重复申请\t0\t0\t0\t0\t0\t0\t0\t9")
        let r = try TestSupport.extract(MiniReport.text(table3: t3))
        #expect(r.cell("applications.not_processed.repeated.total") == nil)
        #expect(r.diagnostics.contains { $0.code == "row_long" })
    }
}

/// Space-aligned text (`pdftotext -layout`): blank cells are only spaces, so values are placed
/// under their columns by position.
@Suite struct AlignedTextTests {
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (TextGridBuilder.isWide($1.value) ? 2 : 1) }
    }

    /// A layout line: the label, then each value right-aligned in a 6-wide column starting at 90.
    static func line(_ label: String, _ values: [String?]) -> String {
        var s = "  " + label
        s += String(repeating: " ", count: max(2, 90 - width(s)))
        for v in values {
            let text = v ?? ""
            s += String(repeating: " ", count: 6 - text.count) + text
        }
        return s
    }

    static func table3(_ overrides: [String: [String?]]) -> String {
        MiniReport.table3Rows2021.map { (label, values) in
            let name = label.split(separator: "\t").last.map(String.init) ?? label
            return line(name, overrides[name] ?? values.map { String($0) })
        }.joined(separator: "\n")
    }

    @Test func blankCellIsPlacedByPosition() throws {
        // 商业企业 left blank in the (五)1 row: 1 [ ] 0 0 0 0 1.
        let t3 = Self.table3(["1.信访举报投诉类申请": ["1", nil, "0", "0", "0", "0", "1"]])
        let r = try TestSupport.extract(MiniReport.text(table3: t3))
        #expect(r.v("applications.not_processed.complaint.natural_person") == "1")
        #expect(r.v("applications.not_processed.complaint.research_institution") == "0")
        #expect(r.v("applications.not_processed.complaint.total") == "1")
        // The blank is solved from the row identity at its known position and marked inferred.
        let blank = try #require(r.cell("applications.not_processed.complaint.commercial_enterprise"))
        #expect(blank.kind == .inferred)
        #expect(blank.value == DecimalNumber(0))
    }

    @Test func twoBlankCellsStayNullButTheOthersArePlaced() throws {
        let t3 = Self.table3(["2.重复申请": ["0", nil, "0", nil, "0", "0", "0"]])
        let r = try TestSupport.extract(MiniReport.text(table3: t3))
        #expect(r.cell("applications.not_processed.repeated.commercial_enterprise") == nil)
        #expect(r.cell("applications.not_processed.repeated.social_welfare_organization") == nil)
        #expect(r.v("applications.not_processed.repeated.research_institution") == "0")
        #expect(r.v("applications.not_processed.repeated.total") == "0")
        #expect(r.diagnostics.contains { $0.code == "cell_missing" })
        #expect(r.check("I3.not_processed.repeated")?.status == .notAssessable)
    }

    @Test func columnsFromClustersWhenNoRowIsComplete() throws {
        // Every row leaves one cell blank, a different one from row to row, so no row is complete
        // but every column holds values somewhere.
        var overrides: [String: [String?]] = [:]
        for (i, (label, values)) in MiniReport.table3Rows2021.enumerated() {
            let name = label.split(separator: "\t").last.map(String.init) ?? label
            var v: [String?] = values.map { String($0) }
            v[(i + 2) % 7] = nil
            overrides[name] = v
        }
        let r = try TestSupport.extract(MiniReport.text(table3: Self.table3(overrides)))
        #expect(r.v("applications.new_received.natural_person") == "20")
        #expect(r.v("applications.new_received.commercial_enterprise") == "1")
        #expect(r.cell("applications.new_received.research_institution")?.kind == .inferred)
        #expect(r.v("applications.new_received.total") == "21")
        #expect(r.v("applications.carried_over.natural_person") == "1")
        #expect(r.cells.filter { $0.kind == .inferred }.count == 25)
        #expect(r.cells.count == 200)
    }

    @Test func numbersOneSpaceApartAreSeparateCells() {
        let g = TextGridBuilder().build("一、本年新收政府信息公开申请数量        1,046 8    0")
        #expect(g.rows[0].cells.map(\.text) == ["一、本年新收政府信息公开申请数量", "1,046", "8", "0"])
        #expect(g.rows[0].cells.allSatisfy { $0.x != nil })
    }
}
