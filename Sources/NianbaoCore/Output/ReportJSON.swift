/// The report as the JSON of report-model.md (schema_version 1).
package enum ReportJSON {
    package static func value(_ r: Report, expectedKeys: [String] = []) -> JSONValue {
        var report: [String: JSONValue] = [
            "title": r.title.map(JSONValue.string) ?? .null,
            "agency": r.agency.map(JSONValue.string) ?? .null,
            "year": r.year.map(JSONValue.int) ?? .null,
            "generation": .string(r.generation.rawValue),
            "agency_level": r.agencyLevel.map { .string($0.rawValue) } ?? .null,
            "region": r.region.map(region) ?? .null,
        ]
        report["preface"] = .string(r.preface)
        var source: [String: JSONValue] = [
            "path": .string(r.source.path),
            "sha256": .string(r.source.sha256),
            "media_type": .string(r.source.mediaType),
            "pages": r.source.pages.map(JSONValue.int) ?? .null,
        ]
        if let e = r.source.encoding { source["encoding"] = .string(e) }
        if let o = r.source.ocr {
            source["ocr"] = .object(["engine": .string(o.engine), "version": .string(o.version), "language": .string(o.language)])
        }
        if let c = r.source.convertedBy { source["converted_by"] = .string(c) }
        return .object([
            "schema_version": .int(Report.schemaVersion),
            "report_id": .string(r.reportId),
            "source": .object(source),
            "report": .object(report),
            "sections": .array(r.sections.map(section)),
            "tables": tables(r.cells, expectedKeys: expectedKeys),
            "cells": .array(r.cells.map(cell)),
            "checks": .array(r.checks.map(check)),
            "diagnostics": .array(r.diagnostics.map(diagnostic)),
        ])
    }

    static func region(_ g: Region) -> JSONValue {
        .object([
            "code": .string(g.code),
            "province": g.province.map(JSONValue.string) ?? .null,
            "city": g.city.map(JSONValue.string) ?? .null,
            "county": g.county.map(JSONValue.string) ?? .null,
        ])
    }

    static func section(_ s: Section) -> JSONValue {
        .object([
            "number": s.number.map(JSONValue.int) ?? .null,
            "key": s.key.map { .string($0.rawValue) } ?? .null,
            "heading": .string(s.heading),
            "text": .string(s.text),
            "subsections": .array(s.subsections.map { .object(["marker": .string($0.marker), "heading": .string($0.heading), "text": .string($0.text)]) }),
        ])
    }

    static func location(_ at: Location) -> JSONValue {
        switch at {
        case .line(let n): return .fields([("line", .int(n))])
        case .page(let p, let b): return .fields([("box", .array([.fixed1(b.x0), .fixed1(b.y0), .fixed1(b.x1), .fixed1(b.y1)])), ("page", .int(p))])
        case .scan(let p, let b, let confidence):
            return .fields([
                ("box", .array([.fixed1(b.x0), .fixed1(b.y0), .fixed1(b.x1), .fixed1(b.y1)])),
                ("ocr_confidence", .number(DecimalNumber(units: Int64((confidence * 100).rounded()), scale: 2))), ("page", .int(p)),
            ])
        case .table(let t, let row, let column): return .fields([("column", .int(column)), ("row", .int(row)), ("table", .int(t))])
        case .none: return .null
        }
    }

    static func cell(_ c: Cell) -> JSONValue {
        .fields([
            ("at", location(c.at)),
            ("key", .string(c.key)),
            ("kind", .string(c.kind.rawValue)),
            ("raw", c.raw.map(JSONValue.string) ?? .null),
            ("value", c.value.map(JSONValue.number) ?? .null),
        ])
    }

    package static func check(_ c: Check) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(c.id)),
            ("keys", .array(c.keys.map(JSONValue.string))),
            ("lhs", c.lhs.map(JSONValue.number) ?? .null),
        ]
        if let previous = c.previous { members.append(("previous", .string(previous))) }
        members += [
            ("rhs", c.rhs.map(JSONValue.number) ?? .null),
            ("status", .string(c.status.rawValue)),
        ]
        return .fields(members)
    }

    package static func diagnostic(_ d: Diagnostic) -> JSONValue {
        .object([
            "severity": .string(d.severity.rawValue),
            "code": .string(d.code.rawValue),
            "message": .string(d.message),
            "at": location(d.at),
        ])
    }

    /// `tables.<table>.<row…>.<column>`: nested plain values; expected keys that have no cell are null.
    static func tables(_ cells: [Cell], expectedKeys: [String]) -> JSONValue {
        if let v = ExpectedKeys.variants.firstIndex(of: expectedKeys), let json = TablesShape.variants[v].json(cells) { return json }
        var tree = Tree()
        for key in expectedKeys { tree.insert(path(key)[...], .null) }
        for c in cells { tree.insert(path(c.key)[...], c.value.map(JSONValue.number) ?? .null) }
        return tree.json
    }

    /// The paths of every key of the fixed tables, split once.
    static let knownPaths: [String: [String]] = {
        var all =
            ActiveDisclosureLayout.rows2021.flatMap { r in r.columns.map { "active_disclosure.\(r.spec.key).\($0)" } }
            + ActiveDisclosureLayout.rows2019.flatMap { r in r.columns.map { "active_disclosure.\(r.spec.key).\($0)" } }
            + ReviewLitigationLayout.keys
        for r in ApplicationsLayout.rows2021 + [ApplicationsLayout.otherTotal] {
            all += ApplicationsLayout.columns.map { "applications.\(r.key).\($0)" }
        }
        return Dictionary(all.map { ($0, split($0)) }, uniquingKeysWith: { a, _ in a })
    }()

    /// `a.b.c` → ["a", "b", "c"].
    static func path(_ key: String) -> [String] {
        knownPaths[key] ?? split(key)
    }

    static func split(_ key: String) -> [String] {
        key.utf8.split(separator: UInt8(ascii: ".")).map { String(decoding: $0, as: UTF8.self) }
    }

    struct Tree {
        var leaf: JSONValue?
        var children: [String: Tree] = [:]

        mutating func insert(_ path: ArraySlice<String>, _ value: JSONValue) {
            guard let head = path.first else { leaf = value; return }
            children[head, default: Tree()].insert(path.dropFirst(), value)
        }

        var json: JSONValue {
            if children.isEmpty { return leaf ?? .fields([]) }
            return .fields(children.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value.json) })
        }
    }
}

extension Report {
    /// The report as the JSON of the report model: keys sorted, so the same report gives the same
    /// bytes; `pretty` indents it for reading.
    public func jsonBytes(pretty: Bool = true) -> [UInt8] {
        if let v = ExpectedKeys.variant(for: self) {
            return ReportJSONWriter.bytes(self, expectedKeys: ExpectedKeys.variants[v], variant: v, pretty: pretty)
        }
        return ReportJSONWriter.bytes(self, expectedKeys: cells.map(\.key), variant: nil, pretty: pretty)
    }
}
