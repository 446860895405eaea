import Foundation
import NianbaoDatasets

/// The progress line on a terminal: redrawn at most 10 times a second.
final class ProgressPrinter: @unchecked Sendable {
    let lock = NSLock()
    var last = 0.0
    var shown = false

    func show(_ p: BatchProgress) {
        lock.lock(); defer { lock.unlock() }
        let now = Date().timeIntervalSinceReferenceDate
        guard now - last >= 0.1 || p.done == p.total else { return }
        last = now
        shown = true
        Console.error("\r\u{1B}[K" + p.line)
    }

    func clear() {
        lock.lock(); defer { lock.unlock() }
        if shown { Console.error("\r\u{1B}[K") }
        shown = false
    }
}
