import ArgumentParser
import Nianbao

/// How `extract convert` reads each report: blank cells, OCR and the limits of time and size.
struct ReadingOptions: ParsableArguments {
    @Flag(help: "Read blank table cells as 0 (their kind stays `empty`).")
    var blankAsZero = false

    @Option(help: ArgumentHelp("Read pages by OCR: auto (pages without a text layer, and page images), never, always (every page).", valueName: "MODE"))
    var ocr: OCRMode = .auto

    @Option(help: ArgumentHelp("Time limit per input, in seconds (a batch records `timeout` and goes on; one file exits 7).", valueName: "SECONDS"))
    var timeout: Double = 120

    @Option(
        name: .customLong("max-input-size"),
        help: ArgumentHelp("Refuse an input larger than this, in MB (`too_large`; checked while reading, so standard input and pipes are bounded too).", valueName: "MB"))
    var maxInputSize: Int = ExtractOptions.defaultMaxInputSize >> 20

    /// How long LibreOffice may convert one file: a little less than --timeout, so that it is
    /// stopped (and its temporary files removed) before the watchdog or the batch ends the process.
    var converterTimeout: Double { max(timeout * 0.5, timeout - min(2, timeout / 10)) }

    /// The longest --timeout: a week (NaN, infinities and huge values would not convert to a deadline).
    static let maxTimeout: Double = 7 * 24 * 3600

    var extractOptions: ExtractOptions {
        ExtractOptions(blankAsZero: blankAsZero, maxInputSize: maxInputSize << 20, ocr: ocr, converterTimeout: converterTimeout)
    }

    func validate() throws {
        if !timeout.isFinite || timeout <= 0 || timeout > Self.maxTimeout {
            throw ValidationError("--timeout must be a number of seconds between 0 and \(Int(Self.maxTimeout)) (one week).")
        }
        if maxInputSize < 1 || maxInputSize > Int.max >> 21 { throw ValidationError("--max-input-size must be a positive number of MB.") }
    }
}
