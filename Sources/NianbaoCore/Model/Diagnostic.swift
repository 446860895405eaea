/// A recoverable problem found while reading a report. Collected along the way, never thrown.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    /// A stable machine-readable code, e.g. `row_short`, `cell_inferred`: what datasets group
    /// diagnostics by, so the known codes are named here (Docs/error-codes.md lists them all).
    public struct Code: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        public static let agencyMissing: Code = "agency_missing"
        public static let cellInferred: Code = "cell_inferred"
        public static let cellsPlaced: Code = "cells_placed"
        public static let cellMissing: Code = "cell_missing"
        public static let crossYearAmbiguous: Code = "cross_year_ambiguous"
        public static let crossYearInForceMismatch: Code = "cross_year_in_force_mismatch"
        public static let damagedPage: Code = "damaged_page"
        public static let digitsSplit: Code = "digits_split"
        public static let digitsUnsplittable: Code = "digits_unsplittable"
        public static let duplicateReport: Code = "duplicate_report"
        public static let encodingErrors: Code = "encoding_errors"
        public static let encodingMislabelled: Code = "encoding_mislabelled"
        public static let garbledText: Code = "garbled_text"
        public static let generationYearMismatch: Code = "generation_year_mismatch"
        public static let htmlNoReportBody: Code = "html_no_report_body"
        public static let htmlSpanLimit: Code = "html_span_limit"
        public static let htmlTitleFromHead: Code = "html_title_from_head"
        public static let legacyReport: Code = "legacy_report"
        public static let multipleReports: Code = "multiple_reports"
        public static let noTextLayer: Code = "no_text_layer"
        public static let ocrDoubtful: Code = "ocr_doubtful"
        public static let ocrInferred: Code = "ocr_inferred"
        public static let ocrPages: Code = "ocr_pages"
        public static let regionAmbiguous: Code = "region_ambiguous"
        public static let regionInconsistent: Code = "region_inconsistent"
        public static let regionUnknown: Code = "region_unknown"
        public static let rowAmbiguous: Code = "row_ambiguous"
        public static let rowDuplicate: Code = "row_duplicate"
        public static let rowJoined: Code = "row_joined"
        public static let rowLong: Code = "row_long"
        public static let rowMissing: Code = "row_missing"
        public static let rowShort: Code = "row_short"
        public static let rowUnrecognized: Code = "row_unrecognized"
        public static let sectionMissing: Code = "section_missing"
        public static let tableReader: Code = "table_reader"
        public static let tablesMissing: Code = "tables_missing"
        public static let titleMissing: Code = "title_missing"
        public static let unitInCell: Code = "unit_in_cell"
        public static let valuesUnplaced: Code = "values_unplaced"
        public static let valuesInTemplateOrder: Code = "values_in_template_order"
        public static let valuesDetached: Code = "values_detached"
        public static let valuesBeforeLabel: Code = "values_before_label"
        public static let yearMissing: Code = "year_missing"
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    public var at: Location

    package init(_ severity: Severity, _ code: Code, _ message: String, at: Location = .none) {
        self.severity = severity
        self.code = code
        self.message = message
        self.at = at
    }
}
