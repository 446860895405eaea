import ArgumentParser
import Foundation
import Nianbao
import NianbaoDatasets
import NianbaoInspect

/// `extract inspect FILE -o view.html`: the page that shows where each value came from.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
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

    @Option(help: ArgumentHelp("Time limit, in seconds (exit 7 when over; default: 120).", valueName: "SECONDS"))
    var timeout: Double?

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive.") }
        if let dpi, !(36...600).contains(dpi) { throw ValidationError("--dpi must be between 36 and 600.") }
        if output == nil && isatty(1) != 0 {
            throw ValidationError("the page is HTML for a browser; name the file with -o view.html (or redirect standard output).")
        }
    }

    func run() throws {
        let page: [UInt8]
        // As for one file's conversion: a watchdog ends the process with status 7.
        let file = self.file, limit = timeout ?? 120
        let watchdog = DispatchWorkItem {
            let error = ExtractError(.timeout, path: file, String(format: "inspection took longer than %g s", limit))
            Console.error(error.description + "\n")
            _exit(error.exitStatus)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        defer { watchdog.cancel() }
        do {
            page = try InspectPage(options: ExtractOptions(blankAsZero: blankAsZero), dpi: dpi ?? 110).html(file: file)
        } catch {
            Console.error(error.description + "\n")
            throw ExitCode(error.exitStatus)
        }
        guard let output else {
            if let failure = Console.writeOut(page) {
                Console.error("extract: error: cannot write the page of \(file) to standard output: \(failure)\n")
                throw ExitCode(Console.cannotWrite)
            }
            return
        }
        do {
            try OutputFile.write(page, to: output)
        } catch {
            Console.error("\(output): error: cannot write: \(error)\n")
            throw ExitCode(Console.cannotWrite)
        }
    }
}
