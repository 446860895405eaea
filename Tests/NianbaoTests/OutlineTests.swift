import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

@Suite struct OutlineTests {
    @Test func sixSectionsWithKeysAndSubsections() throws {
        let r = try TestSupport.extract(MiniReport.text())
        #expect(r.sections.map(\.key) == [.overview, .activeDisclosure, .applications, .reviewLitigation, .problems, .other])
        #expect(r.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(r.sections[0].heading == "一、总体情况")
        #expect(r.sections[0].subsections.map(\.marker) == ["（一）", "（二）"])
        #expect(r.sections[0].subsections[0].heading == "主动公开。")
        #expect(r.sections[0].subsections[0].text == "本年度主动公开信息120条。")
        #expect(r.sections[4].text == "主动公开的深度和广度还有待提升。")
        #expect(r.preface == "本年度报告中所列数据统计期限为2023年1月1日至12月31日。")
        #expect(r.title == "某某市某某局2023年政府信息公开工作年度报告")
    }

    @Test func tableRowLabelsAreNotSectionHeadings() throws {
        let r = try TestSupport.extract(MiniReport.text())
        #expect(!r.sections.contains { $0.heading.contains("结转下年度") || $0.heading.contains("本年新收") })
    }

    @Test func wrappedParagraphsAreJoinedAndBreaksKept() throws {
        let text = MiniReport.text().replacingOccurrences(
            of: "五、存在的主要问题及改进情况\n\n主动公开的深度和广度还有待提升。",
            with: "五、存在的主要问题及改进情况\n  2023 年，我局信息公开工作取得一定成效，但对照上级要求仍存在差距，\n如依申请公开工作规范性还有待提高。\n  下一步，我局将继续加强培训。")
        let r = try TestSupport.extract(text)
        let problems = try #require(r.sections.first { $0.key == .problems })
        #expect(problems.text == "2023 年，我局信息公开工作取得一定成效，但对照上级要求仍存在差距，如依申请公开工作规范性还有待提高。\n下一步，我局将继续加强培训。")
    }

    @Test func titleFromOneLineWithYearFirst() throws {
        let r = try TestSupport.extract(MiniReport.text(title: "2022年度某某区生态环境局政府信息公开工作年度报告"))
        #expect(r.agency == "某某区生态环境局")
        #expect(r.year == 2022)
    }

    @Test func yearFallsBackToTheStatisticalPeriod() throws {
        let r = try TestSupport.extract(MiniReport.text(title: "某某局政府信息公开工作年度报告"))
        #expect(r.year == 2023)
        #expect(r.diagnostics.contains { $0.code == "agency_missing" } || r.agency == "某某局")
    }

    @Test func kangxiRadicalsInHeadingsAreMapped() throws {
        let text = MiniReport.text().replacingOccurrences(of: "一、总体情况", with: "\u{2F00}、总体情况")
            .replacingOccurrences(of: "二、主动公开政府信息情况", with: "\u{2F06}、主动公开政府信息情况")
        let r = try TestSupport.extract(text)
        #expect(r.sections.first?.heading == "一、总体情况")
        #expect(r.sections[1].key == .activeDisclosure)
    }

    @Test func legacyReportGetsSectionsOnly() throws {
        let text = """
            某某市某某局2015年政府信息公开工作年度报告

            一、概述
            2015年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。
            二、主动公开政府信息情况
            全年主动公开政府信息320条。
            三、依申请公开政府信息情况
            全年收到申请5件，均已答复。
            四、政府信息公开的收费及减免情况
            未收取任何费用。
            """
        let r = try TestSupport.extract(text)
        #expect(r.generation == .legacy)
        #expect(r.cells.isEmpty)
        #expect(r.sections.count == 4)
        #expect(r.diagnostics.contains { $0.code == "legacy_report" })
    }

    @Test func nonReportIsAnError() {
        do {
            _ = try TestSupport.extract("关于2024年部门预算的说明\n一、收入预算\n本年收入预算1000万元。\n二、支出预算\n本年支出1000万元。")
            Issue.record("a budget was taken for a report")
        } catch let e as ExtractError {
            #expect(e.code == .notAReport)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
