/// The normalized report: the JSON contract of `report-model.md` as Swift values.
public struct Report: Sendable {
    public static let schemaVersion = 1

    /// The report id (see ``ReportIdentifier``): the file's path relative to the input root; for a
    /// file converted alone, its name.
    public var reportId: String
    public var source: SourceInfo
    public var title: String?
    public var agency: String?
    /// The agency's administrative unit (GB/T 2260), when the agency name tells it unambiguously.
    public var region: Region?
    /// The agency's level (a province's, city's, county's or township's government, or a department).
    public var agencyLevel: AgencyLevel?
    public var year: Int?
    public var generation: Generation
    /// Text before 一、 that is not the title (statistical period, legal basis); paragraphs separated by "\n".
    public var preface: String
    public var sections: [Section]
    /// Every table value in long form, in table order.
    public var cells: [Cell]
    public var checks: [Check]
    public var diagnostics: [Diagnostic]

    package init(
        source: SourceInfo, title: String?, agency: String?, year: Int?, generation: Generation,
        preface: String, sections: [Section], cells: [Cell], checks: [Check], diagnostics: [Diagnostic]
    ) {
        self.source = source
        self.reportId = ReportIdentifier.single(path: source.path)
        self.title = title
        self.agency = agency
        self.year = year
        self.generation = generation
        self.preface = preface
        self.sections = sections
        self.cells = cells
        self.checks = checks
        self.diagnostics = diagnostics
    }

    /// The cell with a flat key, if present.
    public func cell(_ key: String) -> Cell? {
        cells.first { $0.key == key }
    }

    /// The value of a flat key (nil when blank, not applicable, or absent).
    public func value(_ key: String) -> DecimalNumber? {
        cell(key)?.value
    }

    /// The check with an id, if present.
    public func check(_ id: String) -> Check? {
        checks.first { $0.id == id }
    }
}

/// Where the report came from.
public struct SourceInfo: Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var mediaType: String
    public var pages: Int?
    public var encoding: String?
    /// The OCR engine, when some page was read from its image (a scan).
    public var ocr: OCREngine? = nil
    /// The converter that turned the file into a format nianbao reads, with its version
    /// (`LibreOffice 7.4.7.2` for .doc/.wps/.rtf/.odt); nil when the file was read as it is.
    public var convertedBy: String?

    package init(path: String, sha256: String, mediaType: String, pages: Int?, encoding: String?, convertedBy: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.mediaType = mediaType
        self.pages = pages
        self.encoding = encoding
        self.convertedBy = convertedBy
    }
}
