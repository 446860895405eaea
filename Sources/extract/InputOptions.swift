import ArgumentParser
import Foundation
import NianbaoDatasets

/// What `extract convert` reads: reports or folders named on the command line, or a list of paths.
struct InputOptions: ParsableArguments {
    @Argument(help: "Reports or folders of reports (`-` for standard input, one file only).")
    var inputs: [String] = []

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read input paths from this file, one a line (`-`: standard input).", valueName: "LIST"))
    var filesFrom: String?

    /// Several inputs, a list, a folder or an archive: a batch (whatever the outputs).
    var namesBatch: Bool {
        if filesFrom != nil || inputs.count != 1 { return true }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: inputs[0], isDirectory: &isDir) && isDir.boolValue { return true }
        // An archive holds several reports: one record per report inside.
        return inputs[0] != "-" && BatchDiscovery.isArchiveFile(inputs[0])
    }

    /// Neither inputs nor a list. Checked by the command, not by a `validate()` here: an error while
    /// the group is read would make a bare `extract` print the overview instead of this usage error.
    var isEmpty: Bool { inputs.isEmpty && filesFrom == nil }

    /// The paths of --files-from, blank lines left out (none without the option).
    /// Exits with the usage status when the list cannot be read.
    func listedPaths() throws -> [String] {
        guard let filesFrom else { return [] }
        let data: Data?
        data = filesFrom == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: filesFrom)
        guard let data else {
            Console.error("\(filesFrom): error: cannot read the list of files\n")
            throw ExitCode(Console.usage)
        }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
