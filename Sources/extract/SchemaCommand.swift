import ArgumentParser
import Nianbao
import NianbaoDatasets

/// `extract schema`: the codebook of the flat keys.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the codebook: every flat key with its official Chinese label, table, type and generations.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv, json }

    @Option(help: "md (markdown table), csv, or json (a JSON Schema of the report JSON with the codebook under x-codebook).")
    var format: Format = .md

    @Flag(help: "Start the CSV with a UTF-8 byte order mark (Excel); --format csv only.")
    var bom = false

    func validate() throws {
        if bom && format != .csv { throw ValidationError("--bom applies to --format csv only.") }
    }

    func run() throws {
        let text: String
        switch format {
        case .md: text = CodebookExport.markdown()
        case .csv: text = (bom ? "\u{FEFF}" : "") + CodebookExport.csv()
        case .json: text = String(decoding: Codebook.jsonSchema().serialized(pretty: true), as: UTF8.self)
        }
        if let failure = Console.writeOut(Array(text.utf8)) {
            Console.error("extract: error: cannot write to standard output: \(failure)\n")
            throw ExitCode(Console.cannotWrite)
        }
    }
}
