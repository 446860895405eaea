import Foundation
import Testing

@testable import NianbaoCore

/// The shortcuts of Table 二, Table 四 and the identity checks answer as the plain work they
/// replace: each is checked here against that work, on crafted texts and cells and on every row
/// of the committed text reports.
@Suite struct ActiveReviewShortcutTests {
    /// The grid rows of every committed text report, one array per report.
    static func corpusRows() throws -> [[GridRow]] {
        let dir = TestSupport.packageRoot.appendingPathComponent("Corpus/text")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            return try TextReader().read(data: bytes, path: name).grid.rows
        }
    }

    /// Texts that fold into a header word: radicals (⾦ → 金), full-width and compatibility forms, spaces.
    static let crafted = [
        "采购总⾦额", "采购总金额", "本年 制发 件数", "现行有效件数（件）", "集中採購", "集中采购", "本年收费金額", "新制作数量", "对外公开总数量 ",
        "上一年项目数量\u{3000}", "㊀制发件数", "制发件数\u{200B}", "０ ０ ０", "规章\t0\t0\t0", "", "数", "采购項目数量", "行政许可",
    ]

    /// ``ActiveDisclosureReader/holdsNoHeaderWord(_:)`` answers true only where the match key holds no header word.
    @Test func headerWordShortcutNeverSkipsAWord() throws {
        let words = ActiveDisclosureLayout.words2021 + ActiveDisclosureLayout.words2019
        #expect(ActiveDisclosureLayout.headerWordsAreIdeographs)
        var skipped = 0
        for text in try Self.corpusRows().joined().map(\.text) + Self.crafted {
            guard ActiveDisclosureReader.holdsNoHeaderWord(text) else { continue }
            skipped += 1
            let key = TextNormalizer.matchKey(text)
            for w in words { #expect(!key.includes(w), "\(text) holds \(w)") }
        }
        #expect(skipped > 100)
        #expect(!ActiveDisclosureReader.holdsNoHeaderWord("采购总⾦额"))
        #expect(!ActiveDisclosureReader.holdsNoHeaderWord("本年 制发 件数"))
        #expect(ActiveDisclosureReader.holdsNoHeaderWord("规章\t0\t0\t0"))
    }

    /// ``ActiveDisclosureReader/generation(of:)`` as it reads without the shortcut, on every
    /// stretch of rows of the committed reports.
    @Test func generationAsPlainReading() throws {
        func plain(_ rows: ArraySlice<GridRow>) -> Generation? {
            var score2021 = 0, score2019 = 0
            for row in rows {
                let k = TextNormalizer.matchKey(row.text)
                score2021 += ActiveDisclosureLayout.words2021.filter { k.includes($0) }.count
                score2019 += ActiveDisclosureLayout.words2019.filter { k.includes($0) }.count
            }
            if score2021 == 0 && score2019 == 0 { return nil }
            return score2021 >= score2019 ? .g2021 : .g2019
        }
        for rows in try Self.corpusRows() {
            for start in stride(from: 0, to: rows.count, by: 7) {
                let slice = rows[start..<min(rows.count, start + 40)]
                #expect(ActiveDisclosureReader.generation(of: slice) == plain(slice))
            }
        }
        let crafted = ArraySlice(Self.crafted.map { GridRow(cells: [], text: $0, at: .line(1)) })
        #expect(ActiveDisclosureReader.generation(of: crafted) == plain(crafted))
    }

    /// The plans made once are what each reading used to make: the matcher's priority, the row of
    /// each spec, the flat keys.
    @Test func activeDisclosurePlanAsMadePerReading() {
        for generation in [Generation.g2019, .g2021, .legacy, .unknown] {
            let rows = ActiveDisclosureLayout.rows(generation)
            let plan = ActiveDisclosureLayout.plan(generation)
            let order: [RowSpec] = [
                ActiveDisclosureLayout.otherServices, ActiveDisclosureLayout.normative, ActiveDisclosureLayout.rules,
                ActiveDisclosureLayout.licensing, ActiveDisclosureLayout.penalty, ActiveDisclosureLayout.coercion,
                ActiveDisclosureLayout.procurement, ActiveDisclosureLayout.fees,
            ]
            let present = Set(rows.map(\.spec.key))
            #expect(plan.matcher.priority.map(\.key) == order.filter { present.contains($0.key) }.map(\.key))
            #expect(plan.rows.map(\.spec.key) == rows.map(\.spec.key))
            for (m, spec) in plan.matcher.priority.enumerated() { #expect(plan.rows[plan.rowOfSpec[m]].spec.key == spec.key) }
            #expect(plan.cellKeys == rows.map { r in r.columns.map { "active_disclosure.\(r.spec.key).\($0)" } })
            #expect(plan.expected == rows.reduce(0) { $0 + $1.columns.count })
        }
        #expect(ActiveDisclosureLayout.broadMatcher.priority[ActiveDisclosureLayout.broadLicensing].key == "licensing")
    }

    /// ``IdentityChecker/check(_:)`` as the plan's steps read over a dictionary of key → value (later cells win).
    static func plainChecks(_ cells: [Cell]) -> [Check] {
        guard !cells.isEmpty else { return [] }
        var values: [String: DecimalNumber?] = [:]
        for c in cells { values[c.key] = c.value }
        let keys = Array(values.keys)
        let hasApplications = keys.contains { $0.hasPrefix("applications.") }
        let split = keys.contains { $0.hasPrefix("applications.other.") && !$0.hasPrefix("applications.other.total.") }
        var checks: [Check] = []
        func value(_ k: String) -> DecimalNumber? { values[k] ?? nil }
        func run(_ steps: [IdentityPlan.Step]) {
            for step in steps {
                switch step {
                case .balance(let id, let o):
                    let lhs = value(o.keys[0]).flatMap { a in value(o.keys[1]).flatMap { a.adding($0) } }
                    let rhs = value(o.keys[2]).flatMap { a in value(o.keys[3]).flatMap { a.adding($0) } }
                    let status: Check.Status = lhs == nil || rhs == nil ? .notAssessable : (lhs! == rhs! ? .pass : .fail)
                    checks.append(Check(id: id, status: status, lhs: lhs, rhs: rhs, keys: o.keys))
                case .sum(let id, let o):
                    guard o.keys.contains(where: { values[$0] != nil }) else { continue }
                    let t = value(o.keys[0])
                    let parts = o.keys.dropFirst().map(value)
                    let rhs = parts.contains { $0 == nil } ? nil : DecimalNumber.sum(parts.map { $0! })
                    let status: Check.Status = t == nil || rhs == nil ? .notAssessable : (t! == rhs! ? .pass : .fail)
                    checks.append(Check(id: id, status: status, lhs: t, rhs: rhs, keys: o.keys))
                }
            }
        }
        if hasApplications { run(split ? IdentityPlan.split : IdentityPlan.single) }
        run(IdentityPlan.reviewLitigation)
        return checks
    }

    /// The compiled plan gives the checks the steps give, on random readings of every table.
    @Test func identityCheckerAsPlainSteps() {
        var rng = SystemRandomNumberGenerator()
        let applicationKeys = ApplicationsLayout.rows2021.map(\.key) + ["other.total"]
        let allKeys =
            applicationKeys.flatMap { row in ApplicationsLayout.columns.map { ApplicationsLayout.key(row, $0) } }
            + ReviewLitigationLayout.keys + ActiveDisclosureLayout.plan2021.cellKeys.joined() + ["applications.unknown.row"]
        for round in 0..<400 {
            var cells: [Cell] = []
            let share = Int.random(in: 1...100, using: &rng)
            for key in allKeys where Int.random(in: 1...100, using: &rng) <= share {
                let v: DecimalNumber? =
                    switch Int.random(in: 0..<10, using: &rng) {
                    case 0: nil
                    case 1: DecimalNumber(units: Int64.max - Int64.random(in: 0..<3, using: &rng))
                    case 2: DecimalNumber(units: Int64.random(in: 0..<1000, using: &rng), scale: 2)
                    default: DecimalNumber(Int.random(in: 0..<3, using: &rng))
                    }
                cells.append(Cell(key: key, value: v, raw: nil, kind: v == nil ? .empty : .number, at: .none))
            }
            if round % 3 == 0 { cells.shuffle(using: &rng) }
            if round % 5 == 0, let last = cells.last { cells.insert(last, at: 0) }
            #expect(IdentityChecker().check(cells) == Self.plainChecks(cells), "round \(round)")
        }
        #expect(IdentityChecker().check([]) == [])
    }

    /// The integer sums of ``IdentityChecker`` (whole numbers added as integers, decimals from the
    /// first part that has them) give the checks the plain steps give: decimals summing to whole
    /// numbers and back, whole numbers after decimals, overflows before and after a decimal, blanks
    /// and inferred values among them, and negative scales.
    @Test func identityCheckerIntegerSumsAsPlainSteps() {
        let review = ReviewLitigationLayout.keys
        let row = ApplicationsLayout.columns.map { ApplicationsLayout.key("new_received", $0) }
        let big = DecimalNumber(units: Int64.max - 1)
        let d = { (units: Int64, scale: Int) in DecimalNumber(units: units, scale: scale) }
        let w = { (units: Int64) in DecimalNumber(units: units) }
        let values: [[DecimalNumber?]] = [
            [d(15, 1), d(5, 1), d(5, 1), w(0), d(5, 1)],
            [w(3), w(1), d(50, 2), d(5, 1), w(1)],
            [big, big, d(1, 1), w(0), w(0)],
            [big, d(1, 1), big, w(0), w(0)],
            [d(2, -1), d(1, -1), w(10), nil, w(0)],
            [nil, w(1), w(2), w(3), w(4)],
            [w(10), w(1), w(2), w(3), w(4)],
            [w(11), w(1), w(2), w(3), nil],
            [d(100, 2), d(25, 2), d(25, 2), d(25, 2), d(25, 2)],
        ]
        for (n, block) in values.enumerated() {
            // A block of Table 四 (total first in the values, last among the keys) and a row of Table 三.
            var cells: [Cell] = []
            for (k, v) in zip([4, 0, 1, 2, 3], block) {
                cells.append(Cell(key: review[k], value: v, raw: nil, kind: v == nil ? .empty : .number, at: .none))
            }
            for (k, v) in zip(row.indices, block + block) {
                cells.append(Cell(key: row[(k + 6) % row.count], value: v, raw: nil, kind: n % 2 == 0 ? .inferred : .number, at: .none))
            }
            // A balance (I1) of the last column over the block's first four values.
            let column = ApplicationsLayout.columns[ApplicationsLayout.columns.count - 2]
            for (r, v) in zip(["carried_over", "total_processed", "carried_forward"], block.dropFirst()) {
                cells.append(Cell(key: ApplicationsLayout.key(r, column), value: v, raw: nil, kind: v == nil ? .empty : .number, at: .none))
            }
            #expect(IdentityChecker().check(cells) == Self.plainChecks(cells), "block \(n)")
            #expect(IdentityChecker().check(Array(cells.prefix(5))) == Self.plainChecks(Array(cells.prefix(5))), "block \(n)")
        }
    }
}
