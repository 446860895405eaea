/// The verdicts of ``IdentityChecker/check(_:)`` counted, no ``Check`` made: the table readers
/// score every candidate reading by its failed and passing checks only, and building a `Check`
/// (its id, operands and keys retained, then released) for each cost more than deciding it.
package struct IdentityTally: Sendable, Equatable {
    /// The checks that fail.
    package var fails = 0
    /// The checks that pass, by their ids' numbers (``IdentityPlan/idNumber``): a set of ids
    /// compared and counted without hashing a string.
    package var passed = IDs()

    package init() {}

    /// A set of check ids as bits of their numbers (``IdentityPlan/idNumber``, below
    /// ``IDs/capacity``). Equal ids have one number, so the set answers as a `Set<String>` of them.
    package struct IDs: Sendable, Equatable {
        /// Numbers 0–63, then 64–127.
        private var low: UInt64 = 0
        private var high: UInt64 = 0

        /// How many ids a set can hold (checked where the ids are numbered).
        package static let capacity = 128

        package init() {}

        @inline(__always)
        package mutating func insert(_ number: Int) {
            if number < 64 { low |= 1 << UInt64(number) } else { high |= 1 << UInt64(number - 64) }
        }

        package func contains(_ number: Int) -> Bool {
            number < 64 ? low & (1 << UInt64(number)) != 0 : high & (1 << UInt64(number - 64)) != 0
        }

        package var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

        package func isSubset(of other: IDs) -> Bool {
            low & ~other.low == 0 && high & ~other.high == 0
        }
    }
}
