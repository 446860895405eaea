import CReadStat
import Foundation

/// A Stata (`.dta`, format 118: UTF-8) or SPSS (`.sav`, compressed) file written through ReadStat.
/// The only code that sees ReadStat: the writer is created, filled and freed within ``write(format:to:variables:rows:)``.
package enum StatFile {
    package enum Format: String, Sendable { case dta, sav }

    package enum VariableType: Sendable, Equatable {
        case number
        /// An integer code with a value-label set (name, code → label).
        case labelled(String, [(Int32, String)])
        /// Text of at most `width` bytes.
        case string(width: Int)

        package static func == (a: VariableType, b: VariableType) -> Bool {
            switch (a, b) {
            case (.number, .number): return true
            case (.labelled(let x, _), .labelled(let y, _)): return x == y
            case (.string(let x), .string(let y)): return x == y
            default: return false
            }
        }
    }

    package struct Variable: Sendable {
        package var name: String
        package var label: String
        package var type: VariableType
    }

    package enum Value: Sendable, Equatable {
        case missing
        case number(Double)
        case code(Int32)
        case text(String)
    }

    package struct WriteError: Error, CustomStringConvertible {
        package var description: String
    }

    /// Writes the file atomically (a temporary file renamed into place). `rows` is called once with a
    /// sink that takes each row (values in variable order); it must give exactly `rowCount` rows.
    package static func write(
        format: Format, to target: String, variables: [Variable], rowCount: Int,
        rows: ((_ row: [Value]) throws -> Void) throws -> Void
    ) throws {
        let temp =
            (target as NSString).deletingLastPathComponent.isEmpty
            ? ".\(target).tmp-\(getpid())"
            : (target as NSString).deletingLastPathComponent + "/." + (target as NSString).lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(description: "\(target): \(String(cString: strerror(errno)))") }
        var closed = false
        defer {
            if !closed { close(fd) }
            unlink(temp)
        }
        guard let writer = readstat_writer_init() else { throw WriteError(description: "\(target): ReadStat could not start a writer") }
        defer { readstat_writer_free(writer) }
        func check(_ rc: readstat_error_t, _ what: String) throws {
            guard rc == READSTAT_OK else {
                throw WriteError(description: "\(target): \(what): \(String(cString: readstat_error_message(rc)))")
            }
        }
        try check(
            readstat_set_data_writer(writer) { data, length, ctx in
                let fd = Int32(Int(bitPattern: ctx))
                var done = 0
                while done < length {
                    let n = Glibc.write(fd, data! + done, length - done)
                    if n < 0 { if errno == EINTR { continue }; return -1 }
                    done += n
                }
                return length
            }, "data writer")
        switch format {
        case .dta: try check(readstat_writer_set_file_format_version(writer, 118), "format version")
        case .sav: try check(readstat_writer_set_compression(writer, READSTAT_COMPRESS_ROWS), "compression")
        }
        readstat_writer_set_file_label(writer, "nianbao")
        var labelSets: [String: UnsafeMutablePointer<readstat_label_set_t>] = [:]
        var handles: [UnsafeMutablePointer<readstat_variable_t>] = []
        for v in variables {
            let handle: UnsafeMutablePointer<readstat_variable_t>?
            switch v.type {
            case .number:
                handle = readstat_add_variable(writer, v.name, READSTAT_TYPE_DOUBLE, 0)
            case .labelled(let setName, let labels):
                handle = readstat_add_variable(writer, v.name, READSTAT_TYPE_INT32, 0)
                if labelSets[setName] == nil, let set = readstat_add_label_set(writer, READSTAT_TYPE_INT32, setName) {
                    for (code, label) in labels { readstat_label_int32_value(set, code, label) }
                    labelSets[setName] = set
                }
                if let handle, let set = labelSets[setName] {
                    readstat_variable_set_label_set(handle, set)
                }
            case .string(let width):
                handle = readstat_add_variable(writer, v.name, READSTAT_TYPE_STRING, max(1, width))
            }
            guard let handle else { throw WriteError(description: "\(target): ReadStat refused the variable \(v.name)") }
            readstat_variable_set_label(handle, v.label)
            handles.append(handle)
        }
        let ctx = UnsafeMutableRawPointer(bitPattern: Int(fd))
        switch format {
        case .dta: try check(readstat_begin_writing_dta(writer, ctx, rowCount), "begin")
        case .sav: try check(readstat_begin_writing_sav(writer, ctx, rowCount), "begin")
        }
        for h in handles { try check(readstat_validate_variable(writer, h), "variable") }
        var written = 0
        try rows { values in
            guard values.count == handles.count else { throw WriteError(description: "\(target): a row of \(values.count) values for \(handles.count) variables") }
            try check(readstat_begin_row(writer), "row")
            for (variable, v) in zip(handles, values) {
                switch v {
                case .missing: try check(readstat_insert_missing_value(writer, variable), "missing value")
                case .number(let d): try check(readstat_insert_double_value(writer, variable, d), "number")
                case .code(let c): try check(readstat_insert_int32_value(writer, variable, c), "code")
                case .text(let s): try check(readstat_insert_string_value(writer, variable, s), "text")
                }
            }
            try check(readstat_end_row(writer), "row")
            written += 1
        }
        guard written == rowCount else { throw WriteError(description: "\(target): \(written) rows written, \(rowCount) announced") }
        try check(readstat_end_writing(writer), "end")
        guard fsync(fd) == 0 || errno == EINVAL else { throw WriteError(description: "\(target): \(String(cString: strerror(errno)))") }
        close(fd)
        closed = true
        guard rename(temp, target) == 0 else { throw WriteError(description: "\(target): \(String(cString: strerror(errno)))") }
    }
}
