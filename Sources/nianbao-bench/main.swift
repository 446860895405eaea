import Foundation

// Developer tools; none of them is a test (README, "Developer tools"):
//   nianbao-bench [--seconds S | --rounds N] FILE…      text path speed, one core (run through Scripts/benchmark-text)
//   nianbao-bench grid FILE…                            the rows and cells a reader makes of each file
//   nianbao-bench ruled-tables FILE.pdf PAGE            the ruling lines and ruled tables of one PDF page
//   nianbao-bench glyphs FILE.pdf PAGE                  the glyphs of one PDF page, with their boxes
//   nianbao-bench pdf-steps FILE.pdf                    time per page of the PDF reader's steps
//   nianbao-bench isolation [--copies N] EXTRACT DIR    batch cost per file in process, in worker processes, one process per file

let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
switch arguments.first {
case "grid": status = GridDump.run(Array(arguments.dropFirst()))
case "ruled-tables", "glyphs", "pdf-steps": status = PDFSteps.run(arguments[0], Array(arguments.dropFirst()))
case "isolation": status = IsolationCost.run(Array(arguments.dropFirst()))
default: status = TextBenchmark.run(arguments)
}
exit(status)
