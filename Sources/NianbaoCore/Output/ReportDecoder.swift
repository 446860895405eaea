/// Reads the report JSON that ``ReportJSON`` wrote back into a typed ``Report``.
///
/// Used where a report has to come back from disk — a batch resumed from its state folder, shards
/// merged — so that the datasets derive their rows from `Report` values in one way only, whether
/// the report was converted in this run or in an earlier one. What the JSON does not carry (a
/// section's location) comes back as `.none`; everything the outputs read round-trips: decoding
/// and encoding again gives the same bytes.
package enum ReportDecoder {
    package struct Malformed: Error, CustomStringConvertible {
        package var description: String
    }

    package static func decode(_ bytes: some Collection<UInt8>) throws -> Report {
        guard let json = try? JSONParser.parse(bytes) else { throw Malformed(description: "not JSON") }
        return try decode(json)
    }

    package static func decode(_ json: JSONValue) throws -> Report {
        guard let source = json["source"], let meta = json["report"] else { throw Malformed(description: "no source or report member") }
        guard let path = source["path"]?.stringValue, let sha256 = source["sha256"]?.stringValue,
            let mediaType = source["media_type"]?.stringValue,
            let generation = meta["generation"]?.stringValue.flatMap(Generation.init(rawValue:))
        else {
            throw Malformed(description: "source or report member incomplete")
        }
        let sections = try (json["sections"]?.arrayValue ?? []).map { s throws -> Section in
            guard let heading = s["heading"]?.stringValue, let text = s["text"]?.stringValue else { throw Malformed(description: "section") }
            let subsections = (s["subsections"]?.arrayValue ?? []).compactMap { sub -> Subsection? in
                guard let marker = sub["marker"]?.stringValue, let heading = sub["heading"]?.stringValue,
                    let text = sub["text"]?.stringValue
                else { return nil }
                return Subsection(marker: marker, heading: heading, text: text)
            }
            return Section(
                number: s["number"]?.intValue, key: s["key"]?.stringValue.flatMap(Section.Key.init(rawValue:)),
                heading: heading, text: text, subsections: subsections, at: .none)
        }
        let cells = try (json["cells"]?.arrayValue ?? []).map { c throws -> Cell in
            guard let key = c["key"]?.stringValue, let kind = c["kind"]?.stringValue.flatMap(Cell.Kind.init(rawValue:)) else {
                throw Malformed(description: "cell")
            }
            return Cell(key: key, value: c["value"]?.decimalValue, raw: c["raw"]?.stringValue, kind: kind, at: location(c["at"]))
        }
        let checks = try (json["checks"]?.arrayValue ?? []).map { c throws -> Check in
            guard let id = c["id"]?.stringValue, let status = c["status"]?.stringValue.flatMap(Check.Status.init(rawValue:)) else {
                throw Malformed(description: "check")
            }
            return Check(
                id: id, status: status, lhs: c["lhs"]?.decimalValue, rhs: c["rhs"]?.decimalValue,
                keys: (c["keys"]?.arrayValue ?? []).compactMap(\.stringValue), previous: c["previous"]?.stringValue)
        }
        let diagnostics = try (json["diagnostics"]?.arrayValue ?? []).map { d throws -> Diagnostic in
            guard let severity = d["severity"]?.stringValue.flatMap(Diagnostic.Severity.init(rawValue:)),
                let code = d["code"]?.stringValue, let message = d["message"]?.stringValue
            else {
                throw Malformed(description: "diagnostic")
            }
            return Diagnostic(severity, Diagnostic.Code(rawValue: code), message, at: location(d["at"]))
        }
        var sourceInfo = SourceInfo(
            path: path, sha256: sha256, mediaType: mediaType, pages: source["pages"]?.intValue,
            encoding: source["encoding"]?.stringValue, convertedBy: source["converted_by"]?.stringValue)
        if let o = source["ocr"], let engine = o["engine"]?.stringValue, let version = o["version"]?.stringValue,
            let language = o["language"]?.stringValue
        {
            sourceInfo.ocr = OCREngine(engine: engine, version: version, language: language)
        }
        var report = Report(
            source: sourceInfo,
            title: meta["title"]?.stringValue, agency: meta["agency"]?.stringValue, year: meta["year"]?.intValue,
            generation: generation, preface: meta["preface"]?.stringValue ?? "", sections: sections,
            cells: cells, checks: checks, diagnostics: diagnostics)
        if let id = json["report_id"]?.stringValue { report.reportId = id }
        report.agencyLevel = meta["agency_level"]?.stringValue.flatMap(AgencyLevel.init(rawValue:))
        if let g = meta["region"], let code = g["code"]?.stringValue {
            report.region = Region(
                code: code, province: g["province"]?.stringValue, city: g["city"]?.stringValue,
                county: g["county"]?.stringValue)
        }
        return report
    }

    static func location(_ at: JSONValue?) -> Location {
        guard let at, at.objectMembers != nil else { return .none }
        if let line = at["line"]?.intValue { return .line(line) }
        if let page = at["page"]?.intValue {
            let box = (at["box"]?.arrayValue ?? []).compactMap { $0.decimalValue.flatMap { Double($0.description) } }
            let b = box.count == 4 ? Box(x0: box[0], y0: box[1], x1: box[2], y1: box[3]) : Box(x0: 0, y0: 0, x1: 0, y1: 0)
            if let confidence = at["ocr_confidence"]?.decimalValue.flatMap({ Double($0.description) }) {
                return .scan(page, b, confidence: confidence)
            }
            return .page(page, b)
        }
        if let table = at["table"]?.intValue, let row = at["row"]?.intValue, let column = at["column"]?.intValue {
            return .table(table, row: row, column: column)
        }
        return .none
    }
}
