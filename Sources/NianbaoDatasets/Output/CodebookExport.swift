import Nianbao

/// The codebook as the documents a researcher reads beside a dataset: a markdown table and a CSV,
/// one row per flat key, with the batch columns of the wide CSV.
package enum CodebookExport {
    /// A markdown table.
    package static func markdown() -> String {
        var s = "# nianbao codebook\n\n"
        s += "Every flat key of the report model (schema_version \(Report.schemaVersion)); the same keys name the wide CSV's value columns and `cells[].key`.\n"
        s += "Values are integers (decimals where the type says so); an empty cell means blank, \"/\", \"-\", \"无\" or unreadable — blank is not zero.\n\n"
        s +=
            "Stata/SPSS variable names (`--dta`, `--sav`): `<table>_<segment>…`, the table `ad`/`ap`/`rl`, each further segment of the key as the first three letters of each word; the kind variable (`--kinds`) adds `_k` (value labels: 1 number, 2 empty, 3 not_applicable, 4 text, 5 inferred).\n\n"
        s += "| key | variable | table | label | type | generations |\n|---|---|---|---|---|---|\n"
        for e in Codebook.entries {
            s += "| `\(e.key)` | `\(VariableName.short(e.key))` | \(e.tableLabel) | \(e.label) | \(e.valueType) | \(e.generations.joined(separator: " ")) |\n"
        }
        s +=
            "\nBatch columns of the wide CSV besides the keys: " + WideCSV.leadingColumns.map { "`\($0)`" }.joined(separator: ", ")
            + ", then the keys above, then " + WideCSV.trailingColumns.map { "`\($0)`" }.joined(separator: ", ") + ".\n"
        return s
    }

    /// A CSV codebook (one row per key).
    package static func csv() -> String {
        var rows = [["key", "variable", "table", "table_label", "row", "row_label", "column", "column_label", "label", "type", "generations"]]
        for e in Codebook.entries {
            rows.append([e.key, VariableName.short(e.key), e.table, e.tableLabel, e.rowKey, e.rowLabel, e.columnKey, e.columnLabel, e.label, e.valueType, e.generations.joined(separator: " ")])
        }
        return rows.map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

}
