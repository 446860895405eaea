/// The report as the JSON of report-model.md (schema_version 1).
public enum ReportJSON {
    public static func value(_ r: Report, expectedKeys: [String] = []) -> JSONValue {
        var report: [String: JSONValue] = [
            "title": r.title.map(JSONValue.string) ?? .null,
            "agency": r.agency.map(JSONValue.string) ?? .null,
            "year": r.year.map(JSONValue.int) ?? .null,
            "generation": .string(r.generation.rawValue),
        ]
        report["preface"] = .string(r.preface)
        var source: [String: JSONValue] = [
            "path": .string(r.source.path),
            "sha256": .string(r.source.sha256),
            "media_type": .string(r.source.mediaType),
            "pages": r.source.pages.map(JSONValue.int) ?? .null,
        ]
        if let e = r.source.encoding { source["encoding"] = .string(e) }
        return .object([
            "schema_version": .int(Report.schemaVersion),
            "source": .object(source),
            "report": .object(report),
            "sections": .array(r.sections.map(section)),
            "tables": tables(r.cells, expectedKeys: expectedKeys),
            "cells": .array(r.cells.map(cell)),
            "checks": .array(r.checks.map(check)),
            "diagnostics": .array(r.diagnostics.map(diagnostic)),
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
        case .line(let n): return .object(["line": .int(n)])
        case .page(let p, let b): return .object(["page": .int(p), "box": .array([.fixed1(b.x0), .fixed1(b.y0), .fixed1(b.x1), .fixed1(b.y1)])])
        case .table(let t, let row, let column): return .object(["table": .int(t), "row": .int(row), "column": .int(column)])
        case .none: return .null
        }
    }

    static func cell(_ c: Cell) -> JSONValue {
        .object([
            "key": .string(c.key),
            "value": c.value.map(JSONValue.number) ?? .null,
            "raw": c.raw.map(JSONValue.string) ?? .null,
            "kind": .string(c.kind.rawValue),
            "at": location(c.at),
        ])
    }

    static func check(_ c: Check) -> JSONValue {
        .object([
            "id": .string(c.id),
            "status": .string(c.status.rawValue),
            "lhs": c.lhs.map(JSONValue.number) ?? .null,
            "rhs": c.rhs.map(JSONValue.number) ?? .null,
            "keys": .array(c.keys.map(JSONValue.string)),
        ])
    }

    static func diagnostic(_ d: Diagnostic) -> JSONValue {
        .object([
            "severity": .string(d.severity.rawValue),
            "code": .string(d.code),
            "message": .string(d.message),
            "at": location(d.at),
        ])
    }

    /// `tables.<table>.<row…>.<column>`: nested plain values; expected keys that have no cell are null.
    static func tables(_ cells: [Cell], expectedKeys: [String]) -> JSONValue {
        var tree = Tree()
        for key in expectedKeys { tree.insert(key.split(separator: ".").map(String.init)[...], .null) }
        for c in cells { tree.insert(c.key.split(separator: ".").map(String.init)[...], c.value.map(JSONValue.number) ?? .null) }
        return tree.json
    }

    struct Tree {
        var leaf: JSONValue?
        var children: [String: Tree] = [:]

        mutating func insert(_ path: ArraySlice<String>, _ value: JSONValue) {
            guard let head = path.first else { leaf = value; return }
            children[head, default: Tree()].insert(path.dropFirst(), value)
        }

        var json: JSONValue {
            if children.isEmpty { return leaf ?? .object([:]) }
            return .object(children.mapValues(\.json))
        }
    }
}
