import ArgumentParser
import Foundation
import Nianbao
import NianbaoDatasets
import NianbaoInspect

/// `extract inspect FILE -o view.html`: the page that shows where each value came from.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page showing where each value of a report came from.",
        discussion: """
        PDF: every page drawn by poppler with each cell's box over it. Text and HTML: the lines and \
        table cells with the values marked. Hovering or clicking a value shows its key, official \
        label, value, printed text, kind and diagnostics; clicking a check highlights its cells \
        (`view.html#check=I4.review` selects one on opening). The page needs no network: styles, \
        script and images are inside it. Exit status as for a single-file conversion.
        """
    )

    @Argument(help: "The report (.txt, .md, .html, .pdf).")
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the page to this file (folders are created); standard output when omitted and not a terminal.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Resolution of the PDF page images, in dots per inch (default: 110).", valueName: "DPI"))
    var dpi: Double?

    @Flag(help: "Read blank table cells as 0 (their kind stays `empty`).")
    var blankAsZero = false

    func validate() throws {
        if let dpi, !(36...600).contains(dpi) { throw ValidationError("--dpi must be between 36 and 600.") }
        if output == nil && isatty(1) != 0 {
            throw ValidationError("the page is HTML for a browser; name the file with -o view.html (or redirect standard output).")
        }
    }

    func run() throws {
        let page: [UInt8]
        do {
            page = try InspectPage(options: ExtractOptions(blankAsZero: blankAsZero), dpi: dpi ?? 110).html(file: file)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(error.exitStatus)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(page))
            return
        }
        do {
            try OutputFile.write(page, to: output)
        } catch {
            FileHandle.standardError.write(Data("\(output): error: cannot write: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
