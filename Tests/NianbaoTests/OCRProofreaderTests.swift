import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// The identities as the proof-reader of OCR'd values (no OCR engine needed: cells as OCR hands them on).
@Suite struct OCRProofreaderTests {
    static let columns = [
        "natural_person", "commercial_enterprise", "research_institution",
        "social_welfare_organization", "legal_service_institution", "other_organization", "total",
    ]

    /// Table 三 rows new_received, carried_over, granted, total_processed, carried_forward with
    /// consistent values; `edit` changes what OCR read.
    static func table(_ edit: (inout [Cell]) -> Void = { _ in }) -> [Cell] {
        let rows: [(String, [Int])] = [
            ("new_received", [5, 1, 0, 0, 0, 0, 6]), ("carried_over", [1, 0, 0, 0, 0, 0, 1]),
            ("granted", [6, 1, 0, 0, 0, 0, 7]), ("total_processed", [6, 1, 0, 0, 0, 0, 7]),
            ("carried_forward", [0, 0, 0, 0, 0, 0, 0]),
        ]
        var cells: [Cell] = []
        for (r, (row, values)) in rows.enumerated() {
            for (c, v) in values.enumerated() {
                let box = Box(x0: Double(100 + 40 * c), y0: Double(300 + 20 * r), x1: Double(110 + 40 * c), y1: Double(310 + 20 * r))
                cells.append(
                    Cell(
                        key: "applications.\(row).\(columns[c])", value: DecimalNumber(v), raw: "\(v)", kind: .number,
                        at: .scan(3, box, confidence: 0.98)))
            }
        }
        edit(&cells)
        return cells
    }

    static func set(_ cells: inout [Cell], _ key: String, raw: String, value: Int?, kind: Cell.Kind = .number, confidence: Double) {
        let i = cells.firstIndex { $0.key == "applications.\(key)" }!
        guard case .scan(let p, let b, _) = cells[i].at else { return }
        cells[i] = Cell(key: cells[i].key, value: value.map(DecimalNumber.init), raw: raw, kind: kind, at: .scan(p, b, confidence: confidence))
    }

    func proofread(_ cells: [Cell]) -> (cells: [String: Cell], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let out = OCRProofreader().proofread(cells, diagnostics: &diagnostics)
        return (Dictionary(uniqueKeysWithValues: out.map { ($0.key, $0) }), diagnostics)
    }

    @Test func confirmedValuesAreReportedAsRead() {
        let (cells, diagnostics) = proofread(Self.table())
        #expect(cells.count == 35)
        #expect(cells.values.allSatisfy { $0.kind == .number })
        #expect(diagnostics.isEmpty)
    }

    @Test func doubtfulMisreadIsInferredQuotingOCR() {
        // 5 read as "S" (not a number): row I3 and column I1 determine it.
        let (cells, diagnostics) = proofread(Self.table { Self.set(&$0, "new_received.natural_person", raw: "S", value: nil, kind: .text, confidence: 0.61) })
        let cell = cells["applications.new_received.natural_person"]
        #expect(cell?.kind == .inferred)
        #expect(cell?.value == DecimalNumber(5))
        #expect(cell?.raw == nil)
        let d = diagnostics.first { $0.code == "ocr_inferred" }
        #expect(d?.message.contains("\"S\"") == true)
        #expect(d?.message.contains("61%") == true)
    }

    @Test func confidentConflictIsNullNeverCorrected() {
        // 5 read confidently as 6: a misread or the document's own arithmetic, a scan cannot tell.
        let (cells, diagnostics) = proofread(Self.table { Self.set(&$0, "new_received.natural_person", raw: "6", value: 6, confidence: 0.97) })
        #expect(cells["applications.new_received.natural_person"] == nil)
        #expect(diagnostics.contains { $0.code == "ocr_doubtful" && $0.message.contains("\"6\"") })
        // Its row-mates and column-mates stay: the other identities confirm them.
        #expect(cells["applications.new_received.total"]?.value == DecimalNumber(6))
        #expect(cells["applications.granted.natural_person"]?.value == DecimalNumber(6))
    }

    @Test func lowConfidenceButConfirmedIsReported() {
        // A column identity (I1: 6 + 1 = 7 + 0) confirms a doubted 6.
        let (cells, diagnostics) = proofread(Self.table { Self.set(&$0, "new_received.total", raw: "6", value: 6, confidence: 0.4) })
        #expect(cells["applications.new_received.total"]?.kind == .number)
        #expect(cells["applications.new_received.total"]?.value == DecimalNumber(6))
        #expect(diagnostics.isEmpty)
        // Its row's own identity alone does not: granted is in no assessable column identity here.
        let (rowOnly, _) = proofread(Self.table { Self.set(&$0, "granted.total", raw: "7", value: 7, confidence: 0.4) })
        #expect(rowOnly["applications.granted.total"] == nil)
    }

    @Test func droppedDigitWithInkIsInferred() {
        // OCR read nothing where ink is (blank confidence 0): the identities give 1.
        let (cells, _) = proofread(Self.table { Self.set(&$0, "carried_over.total", raw: "", value: nil, kind: .empty, confidence: 0) })
        #expect(cells["applications.carried_over.total"]?.kind == .inferred)
        #expect(cells["applications.carried_over.total"]?.value == DecimalNumber(1))
    }

    @Test func twoMisreadsInOneIdentityAreNotGuessed() {
        // Both unknown in every identity they share with each other: nothing determines them → null.
        let (cells, _) = proofread(
            Self.table {
                Self.set(&$0, "new_received.natural_person", raw: "?", value: nil, kind: .text, confidence: 0.3)
                Self.set(&$0, "new_received.commercial_enterprise", raw: "?", value: nil, kind: .text, confidence: 0.3)
                Self.set(&$0, "granted.natural_person", raw: "?", value: nil, kind: .text, confidence: 0.3)
                Self.set(&$0, "granted.commercial_enterprise", raw: "?", value: nil, kind: .text, confidence: 0.3)
                Self.set(&$0, "total_processed.natural_person", raw: "?", value: nil, kind: .text, confidence: 0.3)
                Self.set(&$0, "total_processed.commercial_enterprise", raw: "?", value: nil, kind: .text, confidence: 0.3)
            })
        for key in ["new_received.natural_person", "granted.commercial_enterprise"] {
            let c = cells["applications.\(key)"]
            #expect(c == nil || c?.kind == .inferred)
        }
        // Whatever was inferred must be the truth.
        for (key, c) in cells where c.kind == .inferred {
            let truth = Self.table().first { $0.key == key }!.value
            #expect(c.value == truth, "\(key)")
        }
    }

    /// The table without its total_processed row: no column identity can be assessed, only the rows'.
    static func rowsOnly(_ edit: (inout [Cell]) -> Void) -> [Cell] {
        var cells = table().filter { !$0.key.hasPrefix("applications.total_processed.") }
        edit(&cells)
        return cells
    }

    @Test func rowSolvedFromItsOwnIdentityConfirmsNothing() {
        // OCR read `5 404 0 0 0 0` and nothing under 总计: a reader solved 409 from the row, so the
        // row adds up by construction. Neither 404 nor 409 may be reported.
        let cells = Self.rowsOnly { cells in
            Self.set(&cells, "new_received.commercial_enterprise", raw: "404", value: 404, confidence: 0)
            let i = cells.firstIndex { $0.key == "applications.new_received.total" }!
            cells[i] = Cell(key: cells[i].key, value: DecimalNumber(409), raw: nil, kind: .inferred, at: .page(3, Box(x0: 100, y0: 300, x1: 400, y1: 310)))
        }
        let (out, diagnostics) = proofread(cells)
        #expect(out["applications.new_received.commercial_enterprise"] == nil)
        #expect(out["applications.new_received.total"] == nil)
        #expect(diagnostics.contains { $0.code == "ocr_doubtful" && $0.message.contains("\"404\"") })
        // A row read confidently and whole still confirms itself.
        #expect(out["applications.granted.total"]?.value == DecimalNumber(7))
    }

    @Test func rowWithADoubtedNumberIsNotConfirmedByItsOwnIdentity() {
        // A row that took another row's values (`10 0 0 0 0 0 | 10` one row too low) adds up too;
        // OCR doubted its 10 and no column identity can be assessed: not reported.
        let cells = Self.rowsOnly { cells in
            Self.set(&cells, "carried_forward.natural_person", raw: "10", value: 10, confidence: 0.5)
            Self.set(&cells, "carried_forward.total", raw: "10", value: 10, confidence: 0.98)
        }
        let (out, _) = proofread(cells)
        #expect(out["applications.carried_forward.natural_person"] == nil)
        #expect(out["applications.carried_forward.total"] == nil)
        // Doubted zeros do not void a row: a misread 0 that still adds up is rare, and the lone
        // zeros OCR doubts are many.
        let zeros = Self.rowsOnly { Self.set(&$0, "carried_forward.commercial_enterprise", raw: "0", value: 0, confidence: 0.3) }
        #expect(proofread(zeros).cells["applications.carried_forward.total"]?.value == DecimalNumber(0))
    }

    @Test func aRowHoldingAsXEqualsXVouchesOnlyForItsZeros() {
        // `21 0 0 0 0 0 | 21` printed, `2 0 0 0 0 0 | 2` read (a faint 1 lost twice, both prints
        // confident: hongze at 150 dpi JPEG): the row holds, but its two non-zero cells are two
        // prints of one number and prove nothing of each other.
        let cells = Self.rowsOnly { cells in
            Self.set(&cells, "carried_forward.natural_person", raw: "2", value: 2, confidence: 0.97)
            Self.set(&cells, "carried_forward.total", raw: "2", value: 2, confidence: 0.97)
        }
        let (out, _) = proofread(cells)
        #expect(out["applications.carried_forward.natural_person"] == nil)
        #expect(out["applications.carried_forward.total"] == nil)
        #expect(out["applications.carried_forward.commercial_enterprise"]?.value == DecimalNumber(0))
        // Two non-zero parts and their total do check each other.
        let (two, _) = proofread(Self.rowsOnly { _ in })
        #expect(two["applications.new_received.total"]?.value == DecimalNumber(6))
    }

    @Test func blankCellsOfAScanCountAsZeroInTheArithmeticAndStayBlank() {
        // p02's rows print blanks, not zeros: `22 | 2 | | | | | 24`. A ruled cell without ink
        // (kind empty, confidence 1) adds 0; one with ink but no reading (confidence 0) does not.
        let blank = Self.rowsOnly { cells in
            for col in ["research_institution", "social_welfare_organization", "legal_service_institution", "other_organization"] {
                Self.set(&cells, "carried_forward.\(col)", raw: "", value: nil, kind: .empty, confidence: 1)
            }
            Self.set(&cells, "carried_forward.commercial_enterprise", raw: "2", value: 2, confidence: 0.97)
            Self.set(&cells, "carried_forward.natural_person", raw: "22", value: 22, confidence: 0.97)
            Self.set(&cells, "carried_forward.total", raw: "24", value: 24, confidence: 0.97)
        }
        let (out, _) = proofread(blank)
        #expect(out["applications.carried_forward.total"]?.value == DecimalNumber(24))
        #expect(out["applications.carried_forward.natural_person"]?.value == DecimalNumber(22))
        #expect(out["applications.carried_forward.research_institution"]?.kind == .empty)
        #expect(out["applications.carried_forward.research_institution"]?.value == nil)
        var inked = blank
        Self.set(&inked, "carried_forward.research_institution", raw: "", value: nil, kind: .empty, confidence: 0)
        #expect(proofread(inked).cells["applications.carried_forward.total"] == nil)
    }

    @Test func textLayerCellsAreLeftAlone() {
        var cells = Self.table()
        cells = cells.map { Cell(key: $0.key, value: $0.value, raw: $0.raw, kind: $0.kind, at: .page(3, Box(x0: 0, y0: 0, x1: 1, y1: 1))) }
        #expect(!OCRProofreader.applies(to: cells))
    }

    @Test func jsonCarriesConfidenceOnlyForScannedCells() {
        let scanned = ReportJSON.location(.scan(2, Box(x0: 1, y0: 2, x1: 3, y1: 4), confidence: 0.874))
        #expect(String(decoding: scanned.serialized(pretty: false), as: UTF8.self).contains(#""ocr_confidence":0.87,"page":2}"#))
        let page = ReportJSON.location(.page(2, Box(x0: 1, y0: 2, x1: 3, y1: 4)))
        #expect(!String(decoding: page.serialized(pretty: false), as: UTF8.self).contains("ocr"))
    }

    @Test func imagesAreDetectedByMagicBytes() {
        #expect(InputKind.detect(path: "x", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(InputKind.detect(path: "x.txt", bytes: [0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(InputKind.detect(path: "x", bytes: [0x49, 0x49, 0x2A, 0x00, 8]) == .tiff)
        #expect(InputKind.detect(path: "x", bytes: [0x4D, 0x4D, 0x00, 0x2A]) == .tiff)
        #expect(InputKind.detect(path: "x.png", bytes: Array("%PDF-1.7".utf8)) == .pdf)
    }
}

/// Blank totals of non-zero parts, and rows holding as `x = x` (p02's scans).
@Suite struct OCRProofreaderBlankTotalTests {
    typealias T = OCRProofreaderTests

    func proofread(_ cells: [Cell]) -> [String: Cell] {
        var diagnostics: [Diagnostic] = []
        let out = OCRProofreader().proofread(cells, diagnostics: &diagnostics)
        return Dictionary(uniqueKeysWithValues: out.map { ($0.key, $0) })
    }

    @Test func aBlankTotalOfNonZeroPartsIsUnprintedNotZero() {
        // p02 prints `401 | 2 | | | | 2 | ` for （一）予以公开: its 总计 is left blank. Counted 0,
        // the row and the 总计 column would fail and put every cell of them in doubt; unprinted,
        // they are not assessable and the other identities confirm the row's numbers.
        let cells = T.table { cells in
            T.set(&cells, "carried_over.total", raw: "", value: nil, kind: .empty, confidence: 1)
        }
        let out = proofread(cells)
        #expect(out["applications.carried_over.natural_person"]?.value == DecimalNumber(1))
        #expect(out["applications.carried_over.commercial_enterprise"]?.value == DecimalNumber(0))
        #expect(out["applications.carried_over.total"]?.kind == .empty)
        #expect(out["applications.carried_over.total"]?.value == nil)
        #expect(out["applications.new_received.total"]?.value == DecimalNumber(6))
        #expect(out["applications.total_processed.total"]?.value == DecimalNumber(7))
        // A blank total of zeros is a zero: its row confirms its zeros.
        let zeros = T.table { cells in
            T.set(&cells, "carried_forward.total", raw: "", value: nil, kind: .empty, confidence: 1)
        }
        #expect(proofread(zeros)["applications.carried_forward.natural_person"]?.value == DecimalNumber(0))
    }

    @Test func onlyABlankTotalOfNonZeroPartsIsUnprinted() {
        let keys = ["applications.granted.total", "applications.granted.natural_person", "applications.granted.commercial_enterprise"]
        func check(_ id: String, _ status: Check.Status, rhs: Int?) -> Check {
            Check(id: id, status: status, lhs: DecimalNumber(0), rhs: rhs.map(DecimalNumber.init), keys: keys)
        }
        let blank: Set<String> = ["applications.granted.total"]
        #expect(OCRUnprintedTotals.keys([check("I3.granted", .fail, rhs: 405)], blank: blank) == blank)
        // Parts that add up to 0: a blank total is their 0.
        #expect(OCRUnprintedTotals.keys([check("I3.granted", .pass, rhs: 0)], blank: blank).isEmpty)
        // A printed total, or a balance (I1, no total key), is left alone.
        #expect(OCRUnprintedTotals.keys([check("I3.granted", .fail, rhs: 405)], blank: []).isEmpty)
        #expect(OCRUnprintedTotals.keys([check("I1.total", .fail, rhs: 405)], blank: blank).isEmpty)
    }

    @Test func anXEqualsXTotalIsSolvedOnceAColumnConfirmsItsPart() {
        // `1 0 0 0 0 0 | 1` (carried_over) with the 总计 column unassessable (its （七）总计 misread):
        // the row alone proves nothing of its two prints, but I1 confirms the 1 of 自然人 and the
        // row then gives its 总计. p02's `22 | | … | 22` rows, once their blank-total column no
        // longer fails, are confirmed so.
        let garbled = T.table { cells in
            T.set(&cells, "total_processed.total", raw: "?", value: nil, kind: .text, confidence: 0.3)
        }
        let out = proofread(garbled)
        #expect(out["applications.carried_over.natural_person"]?.value == DecimalNumber(1))
        #expect(out["applications.carried_over.total"]?.value == DecimalNumber(1))
        // When the column fails (the 1 read as 2 in both prints), neither is.
        let misread = T.table { cells in
            T.set(&cells, "total_processed.total", raw: "?", value: nil, kind: .text, confidence: 0.3)
            T.set(&cells, "carried_over.natural_person", raw: "2", value: 2, confidence: 0.97)
            T.set(&cells, "carried_over.total", raw: "2", value: 2, confidence: 0.97)
        }
        let bad = proofread(misread)
        #expect(bad["applications.carried_over.natural_person"]?.value != DecimalNumber(2))
        #expect(bad["applications.carried_over.total"]?.value != DecimalNumber(2))
    }

    @Test func aTwinPrintIsConfirmedOnlyThroughAConfidentUnfailingAnchor() {
        // p02: `22 | | … | 22` where the blank 商业企业 cell is in doubt (its column fails on a lost
        // `4`), so the row cannot solve its 总计; I2 of 自然人 confirms the 22, and the row then
        // confirms its twin.
        let twins = [("a.natural_person", "a.total"), ("b.natural_person", "b.total"), ("c.natural_person", "c.total")]
        let added = OCRTwinPrints.confirmed(
            twins, confirmed: ["a.natural_person", "b.natural_person", "c.total"], doubtful: ["b.natural_person"], failing: ["c.total"])
        #expect(added == ["a.total"])
        #expect(OCRTwinPrints.confirmed(twins, confirmed: ["a.natural_person"], doubtful: ["a.total"], failing: []).isEmpty)
    }
}
