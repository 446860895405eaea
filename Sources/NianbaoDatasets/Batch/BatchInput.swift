import NianbaoArchive
import Nianbao
import Crypto
import Foundation

/// One input of a batch.
package struct BatchInput: Sendable, Hashable {
    /// The path to read, as given (directory arguments joined with the path found under them). It is
    /// also the report's `source.path`.
    package var path: String
    /// The report id: a relative path that never escapes an output folder (no `..`, not absolute).
    /// It names the `--out` file (`<id>.json`), the `report_id` column, and decides the shard.
    package var id: String
    /// Set when discovery already knows the input cannot be converted (an archive libarchive
    /// cannot open): the batch records this error for it.
    package var failure: ExtractError?

    package init(path: String, id: String, failure: ExtractError? = nil) {
        self.path = path
        self.id = id
        self.failure = failure
    }
}
