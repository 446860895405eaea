import ArgumentParser
import NianbaoDatasets

/// The outputs of a batch of `extract convert` (naming any of them makes the run a batch) and of
/// `extract merge`.
struct DatasetOptions: ParsableArguments {
    @Option(name: .customLong("out"), help: ArgumentHelp("Write one JSON per input under this folder, mirroring the input paths.", valueName: "DIR"))
    var outDirectory: String?

    @Option(help: ArgumentHelp("Write one line per input (report or error record) to this file (`-`: standard output).", valueName: "FILE"))
    var jsonl: String?

    @Option(help: ArgumentHelp("Write the wide CSV (one row per report, one column per flat key).", valueName: "FILE"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the long CSV (one row per cell).", valueName: "FILE"))
    var long: String?

    @Option(help: ArgumentHelp("Write a SQLite database (reports, cells, checks, diagnostics, errors).", valueName: "FILE"))
    var sqlite: String?

    @Option(help: ArgumentHelp("Write a Stata file (.dta, format 118) of the wide dataset: short variable names, Chinese labels.", valueName: "FILE"))
    var dta: String?

    @Option(help: ArgumentHelp("Write an SPSS file (.sav) of the wide dataset: short variable names, Chinese labels.", valueName: "FILE"))
    var sav: String?

    @Flag(help: "Add a kind column per key to the wide CSV, .dta and .sav (blank, \"/\" and missing told apart).")
    var kinds = false

    @Flag(help: "Start CSV files with a UTF-8 byte order mark (Excel).")
    var bom = false

    var anyRequested: Bool {
        outDirectory != nil || jsonl != nil || csv != nil || long != nil || sqlite != nil || dta != nil || sav != nil
    }

    /// The library's description of these outputs.
    func batchOutputs(compactJSON: Bool, stateDirectory: String?) -> BatchOutputs {
        var outputs = BatchOutputs(
            outDirectory: outDirectory, jsonl: jsonl, csv: csv, long: long, sqlite: sqlite,
            bom: bom, compactJSON: compactJSON, stateDirectory: stateDirectory)
        outputs.dta = dta
        outputs.sav = sav
        outputs.kinds = kinds
        return outputs
    }
}
