import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets

/// Python with pyreadstat and pandas, to read the .dta and .sav files back (`.ci/run` installs them).
let pythonWithPyreadstat: Bool = {
    guard let python = TestSupport.which("python3"),
        let run = try? TestSupport.run(python, ["-c", "import pyreadstat, pandas"])
    else { return false }
    return run.status == 0
}()

/// `--dta` / `--sav` (issue 15, item 5) and the wide CSV's `--kinds` columns and failed-input rows (item 9).
@Suite struct StatExportTests {
    @Test func variableNamesAreShortUniqueAndValid() {
        let names = StatExport.variables(kinds: true).map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.count <= 32 && $0.first!.isLetter && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } })
        #expect(VariableName.short("applications.denied.third_party_rights.social_welfare_organization") == "ap_den_thiparrig_socwelorg")
        #expect(CodebookExport.csv().contains("ap_den_thiparrig_socwelorg"))
        #expect(CodebookExport.markdown().contains("`ap_den_thiparrig_socwelorg`"))
    }

    @Test func wideCSVKindsAndFailedInputRows() throws {
        let root = BatchFixture.temporaryDirectory("kinds")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let inputs = BatchDiscovery.discover(arguments: [archive])
        var outputs = BatchOutputs(csv: root + "/o/wide.csv")
        outputs.kinds = true
        _ = try BatchEngine(BatchConfiguration(inputs: inputs, jobs: 2, outputs: outputs)).run()
        let rows = BatchFixture.parseCSV(BatchFixture.read(root + "/o/wide.csv"))
        let header = rows[0]
        #expect(header == WideCSV.header(kinds: true))
        #expect(rows.count == inputs.count + 1, "one row per input, failed ones included")
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let error = header.firstIndex(of: "error")!
        let failed = rows.filter { $0[0].hasPrefix("bad/") }
        #expect(failed.map { $0[error] }.sorted() == ["empty", "not_a_report", "undecodable"])
        // t08 prints "/" and "-" and blanks: its kinds tell them apart; a missing key is empty.
        let t08 = try #require(rows.first { $0[0] == "corpus/t08-2021-tabs-na-marks.txt" })
        let report = try ReportExtractor().extract(file: archive + "/corpus/t08-2021-tabs-na-marks.txt")
        for c in report.cells {
            #expect(t08[header.firstIndex(of: c.key + ".kind")!] == c.kind.rawValue, "\(c.key)")
        }
        #expect(report.cells.contains { $0.kind == .notApplicable })
        let absent = Codebook.keys.first { k in !report.cells.contains { $0.key == k } }!
        #expect(t08[header.firstIndex(of: absent + ".kind")!] == "")
    }

    @Test(.enabled(if: pythonWithPyreadstat || ProcessInfo.processInfo.environment["CI"] == "true", "python3 with pyreadstat and pandas is not installed"))
    func stataAndSPSSFilesReadBackWithPyreadstat() throws {
        try #require(pythonWithPyreadstat, "python3 with pyreadstat and pandas is needed (pip install pyreadstat pandas)")
        let root = BatchFixture.temporaryDirectory("stat")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let archive = BatchFixture.makeArchive(at: root)
        let inputs = BatchDiscovery.discover(arguments: [archive])
        var outputs = BatchOutputs(csv: root + "/o/wide.csv")
        outputs.dta = root + "/o/data.dta"
        outputs.sav = root + "/o/data.sav"
        outputs.kinds = true
        let summary = try BatchEngine(BatchConfiguration(inputs: inputs, jobs: 2, outputs: outputs)).run()
        // Read both with pyreadstat; compare every value with the wide CSV (same order, reports only).
        let script = #"""
            import sys, json, math, pandas as pd, pyreadstat
            wide = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
            wide = wide[wide["error"] == ""].reset_index(drop=True)
            names = json.loads(sys.argv[4])
            out = {}
            for path, reader in ((sys.argv[2], pyreadstat.read_dta), (sys.argv[3], pyreadstat.read_sav)):
                df, meta = reader(path)
                res = {"rows": len(df), "columns": list(df.columns), "mismatches": 0, "compared": 0}
                res["label_ap_newrec_tot"] = meta.column_names_to_labels.get("ap_newrec_tot")
                res["kind_labels"] = {str(int(k)): v for k, v in meta.variable_value_labels.get("ap_newrec_tot_k", {}).items()}
                res["report_ids"] = list(df["report_id"])
                for csv_name, var in names.items():
                    for i in range(len(df)):
                        a, b = wide.at[i, csv_name], df.at[i, var]
                        res["compared"] += 1
                        if isinstance(b, float) and math.isnan(b):
                            ok = a == ""
                        elif isinstance(b, str):
                            ok = a == b
                        else:
                            ok = a != "" and float(a) == float(b)
                        if not ok:
                            res["mismatches"] += 1
                            res.setdefault("first", [csv_name, i, a, str(b)])
                out[path.rsplit(".", 1)[1]] = res
            print(json.dumps(out, ensure_ascii=False))
            """#
        var names: [String: String] = [:]
        for k in Codebook.keys { names[k] = VariableName.short(k) }
        for c in ["report_id", "title", "agency", "region_code", "year", "checks_fail", "checks_failed"] { names[c] = c }
        let namesJSON = String(decoding: JSONValue.object(names.mapValues(JSONValue.string)).serialized(pretty: false), as: UTF8.self)
        let run = try TestSupport.run(TestSupport.which("python3")!, ["-c", script, root + "/o/wide.csv", root + "/o/data.dta", root + "/o/data.sav", namesJSON])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONParser.parse(Array(run.stdoutBytes))
        for format in ["dta", "sav"] {
            let r = try #require(result[format], "\(format)")
            #expect(r["rows"]?.intValue == summary.reports, "\(format)")
            #expect(r["columns"]?.arrayValue?.compactMap(\.stringValue) == StatExport.variables(kinds: true).map(\.name), "\(format)")
            #expect((r["compared"]?.intValue ?? 0) > 1000, "\(format)")
            #expect(r["mismatches"]?.intValue == 0, "\(format): \(r["first"].map { String(decoding: $0.serialized(pretty: false), as: UTF8.self) } ?? "")")
            #expect(r["label_ap_newrec_tot"]?.stringValue == "三 一、本年新收政府信息公开申请数量 × 总计", "\(format)")
            #expect(r["kind_labels"]?["3"]?.stringValue == "not_applicable", "\(format)")
            #expect(r["report_ids"]?.arrayValue?.first?.stringValue == "agency/2022.txt", "\(format)")
        }
    }
}
