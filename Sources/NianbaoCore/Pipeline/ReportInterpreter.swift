/// The stages after reading, shared by every reader: outline (sections), metadata, tables
/// (Table 二/三/四 cells), classification and identity checks (I1–I4).
///
/// It sees only a ``SourceDocument`` — rows of cells with provenance — never the file's format, so
/// it depends on no C library and can be used (and fuzzed) without poppler or libxml2.
package struct ReportInterpreter: Sendable {
    package var options: ExtractOptions

    package init(options: ExtractOptions = ExtractOptions()) {
        self.options = options
    }

    /// The stages after reading: shared by every reader.
    /// The document is consumed: its rows are taken out of it (held once, so the page numbers are
    /// dropped in place, no row copied).
    package func interpret(_ document: consuming SourceDocument, path: String, sha256: String) throws(ExtractError) -> Report {
        var diagnostics = document.diagnostics
        var documentRows: [GridRow] = []
        swap(&documentRows, &document.grid.rows)
        let rows = RunTogetherText.reflow(SplitHeadingText.join(Self.withoutPageNumbers(consume documentRows)))
        var outline = OutlineBuilder(rows: rows).build()

        let title = outline.titleRows.map { TitleFinder.title(rows[$0]) }
        var (agency, year) = MetadataReader.agencyAndYear(title: title)
        if year == nil { year = MetadataReader.year(fromPreface: outline.preface) }
        if title == nil { diagnostics.append(Diagnostic(.warning, .titleMissing, "no title line (…年度报告) before the first section")) }
        if agency == nil { diagnostics.append(Diagnostic(.warning, .agencyMissing, "the agency could not be read from the title")) }
        if year == nil { diagnostics.append(Diagnostic(.warning, .yearMissing, "the year could not be read from the title or the statistical period")) }
        if !diagnostics.contains(where: { $0.code == "multiple_reports" }), let second = Self.secondReportTitle(rows, after: outline.front.upperBound) {
            diagnostics.append(
                Diagnostic(
                    .warning, .multipleReports,
                    "a second report title after the first report's sections (\"\(rows[second].text)\"): the file seems to hold several reports; only the first is read",
                    at: rows[second].at))
        }

        let tables = TableLocator(rows: rows, outline: outline)
        let yearGeneration: Generation = year.map { $0 >= 2021 ? .g2021 : ($0 >= 2019 ? .g2019 : .legacy) } ?? .unknown
        // Per table: the grid reader, and the token reader where the grid's reading is incomplete.
        var readers = TableReaderChoice(blankAsZero: options.blankAsZero)
        // Asked once: the rows do not change until the cells are proofread below.
        let looksLikeOCR = OCRDoubt.looksLikeOCR(rows)
        // The known answer first: the rows' cells are looked through only for a text that looks like OCR.
        readers.ocrText = looksLikeOCR && !rows.contains { r in r.cells.contains { $0.at.isScan } }
        let active = readers.activeDisclosure(rows[tables.activeDisclosure], fallback: yearGeneration, diagnostics: &diagnostics)
        var applications = readers.applications(rows[tables.applications], diagnostics: &diagnostics)
        let review = readers.reviewLitigation(rows[tables.reviewLitigation(after: applications.cells)], diagnostics: &diagnostics)
        let anyTable = active.found || applications.found || review.found

        var generation: Generation
        if let g = active.generation {
            generation = g
        } else if let split = applications.splitOther {
            generation = split ? .g2021 : (yearGeneration == .g2021 ? .g2021 : .g2019)
        } else {
            generation = anyTable ? yearGeneration : .unknown
        }
        let legacyWords = ["概述", "依申请公开政府信息情况", "当面申请", "收费及减免"]
        let legacy = !anyTable && (yearGeneration == .legacy || rows.contains { r in legacyWords.contains { r.text.includes($0) } })
        // One array of the final size: Table 三's cells (the most) taken out of its result and
        // grown in place (moved, not copied), Table 二's copied in before them and Table 四's after
        // (`a + b + c` copies the first two tables' cells twice and grows the array on the way).
        var cells: [Cell] = []
        swap(&cells, &applications.cells)
        cells.reserveCapacity(active.cells.count + cells.count + review.cells.count)
        cells.insert(contentsOf: active.cells, at: 0)
        cells.append(contentsOf: review.cells)
        // The three tables' printed values, counted before the cells are proofread. By index: a
        // cell handed to a closure is a copy (its strings retained).
        var printedValues = 0
        for i in cells.indices where cells[i].kind.isNumberOrMark || cells[i].kind == .inferred {
            printedValues += 1
        }
        if OCRProofreader.applies(to: cells) {
            cells = OCRProofreader().proofread(cells, diagnostics: &diagnostics)
        } else if looksLikeOCR {
            cells = OCRDoubt.dropDoubtful(cells, diagnostics: &diagnostics)
        }
        if legacy {
            generation = .legacy
            outline = OutlineBuilder(rows: rows).build(legacy: true)
            cells = []
            diagnostics.append(Diagnostic(.note, .legacyReport, "a free-form report of the 2008–2018 kind: sections only, no standard tables"))
        } else if !anyTable {
            diagnostics.append(Diagnostic(.warning, .tablesMissing, "none of the statistics tables (二, 三, 四) was found"))
        } else if generation == .legacy {
            generation = active.generation ?? .g2019
        }

        let evidence = ReportClassifier.Evidence(
            title: title,
            frontRows: rows[outline.front],
            printedValues: printedValues,
            tablesFound: anyTable, keyedSections: outline.spans.indices.count { outline.spans[$0].section.key != nil }, legacy: legacy)
        if let why = ReportClassifier().refusal(evidence) {
            throw ExtractError(.notAReport, path: path, why)
        }
        if year != nil, yearGeneration != .legacy, generation != .unknown, generation != .legacy, generation != yearGeneration {
            diagnostics.append(
                Diagnostic(
                    .note, .generationYearMismatch,
                    "the tables follow the \(generation.rawValue) format although the report is for \(year!)"))
        }
        for key in Section.Key.allCases where !outline.hasSpan(key) {
            diagnostics.append(Diagnostic(.warning, .sectionMissing, "section \(key.rawValue) not found"))
        }

        let checks = IdentityChecker().check(cells)
        let place = RegionResolver.resolve(agency: agency, title: title, preface: outline.preface)
        diagnostics += place.diagnostics
        var source = SourceInfo(
            path: path, sha256: sha256, mediaType: document.mediaType, pages: document.pages, encoding: document.encoding,
            convertedBy: document.convertedBy)
        source.ocr = document.ocr
        var report = Report(
            source: source,
            title: title, agency: agency, year: year, generation: generation,
            preface: outline.preface, sections: outline.spans.map(\.section),
            cells: cells, checks: checks, diagnostics: diagnostics)
        report.region = place.region
        report.agencyLevel = place.level
        return report
    }

    /// `rows.filter { !PageFurniture.isPageNumber($0.text) }`, in place: the rows kept are moved
    /// down over the page numbers (swapped, not copied: their strings and cells are not retained,
    /// when the caller's array is held only here) and the page numbers cut off the end. None is a
    /// page number as a rule: the array is then returned untouched.
    static func withoutPageNumbers(_ rows: consuming [GridRow]) -> [GridRow] {
        // By index: a row handed to a closure is a copy (its strings and cells retained).
        var found: Int?
        for i in rows.indices where PageFurniture.mayStartPageNumber(rows[i].text) && PageFurniture.isPageNumber(rows[i].text) {
            found = i
            break
        }
        guard let first = found else { return rows }
        var kept = first
        rows.withUnsafeMutableBufferPointer { b in
            for i in (first + 1)..<b.count where !(PageFurniture.mayStartPageNumber(b[i].text) && PageFurniture.isPageNumber(b[i].text)) {
                b.swapAt(kept, i)
                kept += 1
            }
        }
        rows.removeSubrange(kept...)
        return rows
    }

    /// A title line (…政府信息公开…年度报告, short, no sentence) after the first section heading: the
    /// start of another report pasted into the same file.
    static func secondReportTitle(_ rows: [GridRow], after start: Int) -> Int? {
        guard start < rows.count else { return nil }
        return (start..<rows.count).first { i in
            // 告 (E5 91 8A) is the only scalar the match key turns into 告 (no radical, no NFKC
            // compatibility form maps to it): a row without it cannot hold 年度报告. The row is read
            // in place; copied only when it holds 告.
            guard rows[i].table == nil, rows[i].text.includes("告") else { return false }
            let row = rows[i]
            guard TitleFinder.isTitleLike(row) else { return false }
            let key = TextNormalizer.matchKey(row.text)
            return key.includes("信息公开") && key.includes("年度报告")
        }
    }
}
