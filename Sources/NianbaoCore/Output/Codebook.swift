/// The codebook of the dataset: every flat key of report-model.md with its official Chinese label,
/// its table, value type and the generations of the format that have it. Built from the table
/// layouts, so it cannot drift from what the readers emit. The wide CSV's value columns are
/// ``Codebook/keys`` in this order.
package enum Codebook {
    package struct Entry: Sendable, Hashable {
        /// Flat key, e.g. `applications.denied.state_secret.natural_person`.
        package var key: String
        /// `active_disclosure`, `applications` or `review_litigation`.
        package var table: String
        /// 表二 / 表三 / 表四 with its official title.
        package var tableLabel: String
        package var rowKey: String
        package var rowLabel: String
        package var columnKey: String
        package var columnLabel: String
        /// `integer` or `decimal` (万元 amounts).
        package var valueType: String
        /// `2021`, `2019` or both (space separated).
        package var generations: [String]

        /// Row label × column label, e.g. `（三）1.属于国家秘密 × 自然人`.
        package var label: String { "\(rowLabel) × \(columnLabel)" }
    }

    package static let tableLabels = [
        "active_disclosure": "二、主动公开政府信息情况",
        "applications": "三、收到和处理政府信息公开申请情况",
        "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    ]

    package static let entries: [Entry] = {
        var out: [Entry] = []
        var seen: [String: Int] = [:]
        func add(_ e: Entry) {
            if let i = seen[e.key] {
                for g in e.generations where !out[i].generations.contains(g) { out[i].generations.append(g) }
                out[i].generations.sort(by: >)
            } else {
                seen[e.key] = out.count
                out.append(e)
            }
        }
        for (generation, rows) in [("2021", ActiveDisclosureLayout.rows2021), ("2019", ActiveDisclosureLayout.rows2019)] {
            for row in rows {
                for (column, label) in zip(row.columns, row.columnLabels) {
                    let decimal = column == "amount"
                    add(
                        Entry(
                            key: "active_disclosure.\(row.spec.key).\(column)", table: "active_disclosure",
                            tableLabel: tableLabels["active_disclosure"]!, rowKey: row.spec.key, rowLabel: row.spec.label,
                            columnKey: column, columnLabel: label, valueType: decimal ? "decimal" : "integer",
                            generations: [generation]))
                }
            }
        }
        var appRows = ApplicationsLayout.rows2021
        let otherIndex = appRows.firstIndex { $0.key == "other.other" }! + 1
        appRows.insert(ApplicationsLayout.otherTotal, at: otherIndex)
        for row in appRows {
            let generations: [String] = row.key.hasPrefix("other.") && row.key != "other.total" ? ["2021"] : ["2021", "2019"]
            for (column, label) in zip(ApplicationsLayout.columns, ApplicationsLayout.columnLabels) {
                add(
                    Entry(
                        key: "applications.\(row.key).\(column)", table: "applications",
                        tableLabel: tableLabels["applications"]!, rowKey: row.key, rowLabel: row.label,
                        columnKey: column, columnLabel: label, valueType: "integer", generations: generations))
            }
        }
        for (block, blockLabel) in zip(ReviewLitigationLayout.blocks, ReviewLitigationLayout.blockLabels) {
            for (column, label) in zip(ReviewLitigationLayout.columns, ReviewLitigationLayout.columnLabels) {
                add(
                    Entry(
                        key: "review_litigation.\(block).\(column)", table: "review_litigation",
                        tableLabel: tableLabels["review_litigation"]!, rowKey: block, rowLabel: blockLabel,
                        columnKey: column, columnLabel: label, valueType: "integer", generations: ["2021", "2019"]))
            }
        }
        return out
    }()

    /// The flat keys in codebook order (the wide CSV's value columns).
    package static var keys: [String] { entries.map(\.key) }

    // MARK: - Renderings

    /// A JSON Schema (2020-12) of the report JSON, with the flat codebook under `x-codebook`.
    package static func jsonSchema() -> JSONValue {
        func s(_ v: String) -> JSONValue { .string(v) }
        func obj(_ props: [String: JSONValue], required: [String] = [], description: String? = nil) -> JSONValue {
            var o: [String: JSONValue] = ["type": s("object"), "properties": .object(props)]
            if !required.isEmpty { o["required"] = .array(required.map(s)) }
            if let description { o["description"] = s(description) }
            return .object(o)
        }
        let nullableString: JSONValue = .object(["type": .array([s("string"), s("null")])])
        let nullableInt: JSONValue = .object(["type": .array([s("integer"), s("null")])])
        let number: JSONValue = .object(["type": .array([s("number"), s("null")])])
        let location: JSONValue = .object([
            "type": .array([s("object"), s("null")]),
            "description": s("{line} for text, {page, box:[x0,y0,x1,y1]} for PDF (points, top-left origin), {table,row,column} for HTML"),
            "properties": .object([
                "line": .object(["type": s("integer")]), "page": .object(["type": s("integer")]),
                "box": .object(["type": s("array"), "items": .object(["type": s("number")]), "minItems": .int(4), "maxItems": .int(4)]),
                "table": .object(["type": s("integer")]), "row": .object(["type": s("integer")]), "column": .object(["type": s("integer")]),
            ]),
        ])
        // tables: nested objects built from the flat keys.
        var tree = ReportJSON.Tree()
        for e in entries {
            let leaf: JSONValue = .object([
                "type": .array([s(e.valueType == "decimal" ? "number" : "integer"), s("null")]),
                "description": s("\(e.tableLabel) · \(e.label)"),
                "x-key": s(e.key),
                "x-generations": .array(e.generations.map(s)),
            ])
            tree.insert(e.key.split(separator: ".").map(String.init)[...], leaf)
        }
        func schemaOf(_ t: ReportJSON.Tree) -> JSONValue {
            if t.children.isEmpty { return t.leaf ?? .object([:]) }
            return .object(["type": s("object"), "properties": .object(t.children.mapValues(schemaOf))])
        }
        let cell = obj(
            [
                "key": .object(["type": s("string")]), "value": number, "raw": nullableString,
                "kind": .object(["enum": .array(["number", "empty", "not_applicable", "text", "inferred"].map(s))]),
                "at": location,
            ], required: ["key", "value", "raw", "kind", "at"])
        let check = obj(
            [
                "id": .object(["type": s("string"), "description": s("I1.<column>, I2.<column>, I3.<row>, I4.<block>; batch output adds I5.<column> and I6.<row> (cross-year)")]),
                "status": .object(["enum": .array(["pass", "fail", "not_assessable"].map(s))]),
                "lhs": number, "rhs": number,
                "keys": .object(["type": s("array"), "items": .object(["type": s("string")])]),
                "previous": .object(["type": s("string"), "description": s("I5/I6 only: report_id of the previous year's report")]),
            ], required: ["id", "status", "lhs", "rhs", "keys"])
        let diagnostic = obj(
            [
                "severity": .object(["enum": .array(["error", "warning", "note"].map(s))]),
                "code": .object(["type": s("string")]), "message": .object(["type": s("string")]), "at": location,
            ], required: ["severity", "code", "message", "at"])
        let subsection = obj(["marker": .object(["type": s("string")]), "heading": .object(["type": s("string")]), "text": .object(["type": s("string")])])
        let section = obj([
            "number": nullableInt,
            "key": .object(["enum": .array(["overview", "active_disclosure", "applications", "review_litigation", "problems", "other"].map(s) + [.null])]),
            "heading": .object(["type": s("string")]), "text": .object(["type": s("string")]),
            "subsections": .object(["type": s("array"), "items": subsection]),
        ])
        var schema: [String: JSONValue] = [
            "$schema": s("https://json-schema.org/draft/2020-12/schema"),
            "title": s("nianbao report (schema_version \(Report.schemaVersion))"),
            "type": s("object"),
            "required": .array(["schema_version", "report_id", "source", "report", "sections", "tables", "cells", "checks", "diagnostics"].map(s)),
            "properties": .object([
                "schema_version": .object(["const": .int(Report.schemaVersion)]),
                "report_id": .object(["type": s("string"), "description": s("the path relative to the input root, normalized (a file converted alone: its name); archive members <archive>!/<member>")]
                ),
                "source": obj(
                    [
                        "path": .object(["type": s("string")]), "sha256": .object(["type": s("string")]),
                        "media_type": .object(["type": s("string")]), "pages": nullableInt, "encoding": .object(["type": s("string")]),
                        "converted_by": .object(["type": s("string")]),
                    ],
                    required: ["path", "sha256", "media_type", "pages"]),
                "report": obj(
                    [
                        "title": nullableString, "agency": nullableString, "year": nullableInt,
                        "generation": .object(["enum": .array(["2021", "2019", "legacy", "unknown"].map(s))]),
                        "preface": .object(["type": s("string")]),
                        "agency_level": .object(["enum": .array(AgencyLevel.allCases.map { s($0.rawValue) } + [.null])]),
                        "region": .object([
                            "type": .array([s("object"), s("null")]),
                            "description": s("GB/T 2260 unit of the agency (null when the name does not tell it unambiguously; a note says why)"),
                            "properties": .object([
                                "code": .object(["type": s("string"), "pattern": s("^[0-9]{6}$")]),
                                "province": nullableString, "city": nullableString, "county": nullableString,
                            ]),
                        ]),
                    ],
                    required: ["title", "agency", "year", "generation"]),
                "sections": .object(["type": s("array"), "items": section]),
                "tables": schemaOf(tree),
                "cells": .object(["type": s("array"), "items": cell]),
                "checks": .object(["type": s("array"), "items": check]),
                "diagnostics": .object(["type": s("array"), "items": diagnostic]),
            ]),
        ]
        schema["x-codebook"] = .array(
            entries.map { e in
                .object([
                    "key": s(e.key), "table": s(e.table), "table_label": s(e.tableLabel), "row": s(e.rowKey), "row_label": s(e.rowLabel),
                    "column": s(e.columnKey), "column_label": s(e.columnLabel), "label": s(e.label), "type": s(e.valueType),
                    "generations": .array(e.generations.map(s)), "variable": s(VariableName.short(e.key)),
                ])
            })
        return .object(schema)
    }
}
