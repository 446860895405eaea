/// Decides whether a document is a disclosure annual report (政府信息公开工作年度报告) from positive
/// evidence, and names the kind of look-alike document when it is not.
///
/// A report has a title of its kind (…政府信息公开…年度报告 / 工作报告 / 年报, or the same of
/// 政务公开) and printed values in the statistics tables, or, without tables, its sections (the six
/// standard ones or, for a 2008–2018 report, the legacy ones). Without a title, only table values
/// count (at least ``untitledMinimumValues``): sections and words alone are what budgets, guides and
/// work summaries have too. Refused whatever else they hold: a title that names another kind of
/// document (部门预算, 公开指南, 工作要点, 工作总结, 任务分解表, a notice such as the State
/// Council's format notice 国办公开办函〔2021〕30号), and statistics tables without a single value
/// (a blank form: the format itself, never a report of nulls).
struct ReportClassifier: Sendable {
    /// The evidence the pipeline has gathered.
    struct Evidence: Sendable {
        /// The title found before the first section (``TitleFinder``), if any.
        var title: String?
        /// The rows before the first section: of their first six, those outside tables that are
        /// title-like (``TitleFinder/isTitleLike(_:)``) are the title candidates, ``frontLines``.
        var frontRows: ArraySlice<GridRow>
        /// Table cells with a printed value (a number, a "/" mark, or inferred from printed ones).
        var printedValues: Int
        /// Whether any statistics table was located (by its row labels).
        var tablesFound: Bool
        /// Sections named by their heading (any of the six keys).
        var keyedSections: Int
        /// A 2008–2018 report (no tables, legacy headings or year).
        var legacy: Bool

        /// Title-like rows before the first section (title candidates), in order. Read only when
        /// the title is not a report's (``refusal(_:)``): each row's test makes its match key.
        var frontLines: [String] {
            frontRows.prefix(6).filter { $0.table == nil && TitleFinder.isTitleLike($0) }.map(\.text)
        }
    }

    /// Other kinds of document a title may name, and how the error message calls them.
    static let otherKinds: [(words: [String], name: String)] = [
        (["格式", "印发", "通知", "通报", "函"], "a notice or circular (such as the State Council's format notice 国办公开办函〔2021〕30号)"),
        (["预算", "决算"], "a budget or final accounts (部门预算/决算)"),
        (["指南"], "a disclosure guide (政府信息公开指南)"),
        (["要点"], "work points (工作要点)"),
        (["总结"], "a work summary (工作总结)"),
        (["分解", "任务清单", "台账"], "a task breakdown (任务分解表)"),
        (["目录"], "a disclosure catalogue (政府信息公开目录)"),
    ]

    /// Values an untitled document needs in its tables to count as a report.
    static let untitledMinimumValues = 5

    /// Is `text` (a match key) the title of a report of this kind?
    static func isReportTitle(_ key: String) -> Bool {
        (key.includes("信息公开") || key.includes("政务公开"))
            && (key.includes("年度报告") || key.includes("工作报告") || key.includes("年报"))
    }

    /// The kind of other document a title names, if any.
    static func otherKind(_ key: String) -> String? {
        otherKinds.first { kind in
            kind.words.contains { word in
                // 函 alone only as a document number (国办公开办函〔2021〕30号), not inside other words.
                word == "函" ? key.includes("办函") : key.includes(word)
            }
        }?.name
    }

    /// nil: a report; else why not (the `not_a_report` message).
    func refusal(_ e: Evidence) -> String? {
        // The title's key is the first of the keys: when it is a report's title (as a rule), it
        // is the first that is, and the front lines are neither read nor made keys.
        let titleKey = e.title.map(TextNormalizer.matchKey)
        if let title = titleKey, Self.isReportTitle(title) { return refusal(e, reportTitle: title) }
        let keys = (titleKey.map { [$0] } ?? []) + e.frontLines.map(TextNormalizer.matchKey)
        if let title = keys.first(where: Self.isReportTitle) { return refusal(e, reportTitle: title) }
        if let other = keys.lazy.compactMap(Self.otherKind).first {
            return "not a disclosure annual report but \(other)"
        }
        if e.printedValues >= Self.untitledMinimumValues { return nil }
        if e.tablesFound && e.printedValues == 0 {
            return "the statistics tables hold no values (a blank form of the report format?)"
        }
        return "not a government information disclosure annual report (no report title and no values in the statistics tables)"
    }

    /// ``refusal(_:)`` of a document whose first key that is a report title is `title`.
    private func refusal(_ e: Evidence, reportTitle title: String) -> String? {
        // A report published inside a notice (关于印发…年度报告的通知) prints its tables: the
        // values are the evidence. The format notice and its kin print none.
        // The count first: the title's words are looked through only when it is small.
        if e.printedValues < Self.untitledMinimumValues, let other = Self.otherKind(title) {
            return "not a disclosure annual report but \(other)"
        }
        if e.printedValues > 0 { return nil }
        if e.tablesFound {
            return "the statistics tables hold no values (a blank form of the report format?)"
        }
        if e.keyedSections >= 2 || e.legacy { return nil }
        return "a report title but neither statistics tables nor the report's sections"
    }
}
