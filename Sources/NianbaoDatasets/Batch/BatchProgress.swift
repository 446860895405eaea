import Nianbao
import Foundation

package struct BatchProgress: Sendable {
    /// Converting inputs (their outputs are written as they come), then finishing: the cross-year
    /// checks are added and the outputs put in place.
    package enum Phase: Sendable { case converting, finishing }
    package var phase: Phase = .converting
    package var done: Int
    package var total: Int
    /// Converted in this run / taken from the state of an earlier run.
    package var converted: Int
    package var reused: Int
    package var failed: Int
    package var elapsed: Double

    /// `  412/1000  41%  35.2/s  ETA 0:17  failed 3`
    package var line: String {
        if phase == .finishing {
            return String(format: "%6d/%d converted; adding cross-year checks, writing the outputs…  failed %d", done, total, failed)
        }
        let rate = elapsed > 0 ? Double(converted) / elapsed : 0
        let left = total - done
        let eta: String
        if rate > 0 { let s = Int(Double(left) / rate); eta = String(format: "%d:%02d", s / 60, s % 60) } else { eta = "–" }
        let percent = total > 0 ? done * 100 / total : 100
        return String(format: "%6d/%d %3d%%  %.1f/s  ETA %@  failed %d", done, total, percent, rate, eta, failed)
            + (reused > 0 ? "  resumed \(reused)" : "")
    }
}
