import Foundation
import Testing

/// What a test needs from its surroundings: a file of `../shared`, a tool on PATH, the built
/// `extract` binary, or the slow set being asked for.
///
/// A test never passes without running. Outside CI a missing prerequisite disables the test with a
/// reason (Swift Testing reports it as skipped); with `CI=true` the test runs anyway and fails at its
/// `try #require(…)` of the missing thing.
enum Prerequisite {
    static let environment = ProcessInfo.processInfo.environment

    /// `CI=true`: every prerequisite must be there; nothing is skipped.
    static let isCI = environment["CI"] == "true"

    /// The slow tests run with `NIANBAO_SLOW=1` (`.ci/run` sets it) or under CI.
    static let runsSlowTests = environment["NIANBAO_SLOW"] == "1" || isCI

    /// Enables a test when `available`, or always under CI (where its `#require` then fails).
    static func needs(_ available: @autoclosure @escaping @Sendable () -> Bool, _ reason: String) -> ConditionTrait {
        .enabled(if: isCI || available(), Comment(rawValue: reason))
    }

    /// A file under `../shared` (beside the package).
    static func shared(_ relative: String) -> ConditionTrait {
        needs(TestSupport.sharedFile(relative) != nil, "../shared/\(relative) is not there (required when CI=true)")
    }

    /// A tool on PATH.
    static func tool(_ name: String) -> ConditionTrait {
        needs(TestSupport.which(name) != nil, "\(name) is not installed (required when CI=true)")
    }

    /// The `extract` binary built beside the tests.
    static var extractBinary: ConditionTrait {
        needs(TestSupport.extractBinary != nil, "the extract binary is not built (required when CI=true)")
    }

    /// The slow set: enabled by `NIANBAO_SLOW=1` or `CI=true`. Use with `.tags(.slow)`.
    static var slow: ConditionTrait {
        .enabled(if: runsSlowTests, "slow: run with NIANBAO_SLOW=1 (the full set, as .ci/run does)")
    }
}
