/// Table 三's rows as indices into ``ApplicationsLayout/matcher``'s priority list, made once: the
/// reader keeps a row's slots in an array by that index instead of a dictionary by row key.
extension ApplicationsLayout {
    /// The index of every row key in the matcher's priority list.
    static let priorityIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: matcher.priority.enumerated().map { ($0.element.key, $0.offset) })
    static let totalProcessedIndex = priorityIndex[totalProcessed.key]!
    static let otherTotalIndex = priorityIndex[otherTotal.key]!
    static let otherSubRowIndices = otherSubRows.map { priorityIndex[$0.key]! }
    /// ``rows2021`` and ``rowsSingleOther`` as indices.
    static let rows2021Indices = rows2021.map { priorityIndex[$0.key]! }
    static let rowsSingleOtherIndices = rowsSingleOther.map { priorityIndex[$0.key]! }
    /// ``flatKeysByColumn`` by index.
    static let flatKeysByPriority: [[String]] = matcher.priority.map { flatKeysByColumn[$0.key]! }
    /// ``resultRows(singleOther:)`` as indices.
    static let resultRowsSingleIndices = resultRowsSingle.map { priorityIndex[$0]! }
    static let resultRowsSplitIndices = resultRowsSplit.map { priorityIndex[$0]! }
    /// I1's rows as indices: 一、本年新收, 二、上年结转, （七）总计, 四、结转下年度.
    static let balanceIndices = [newReceived, carriedOver, totalProcessed, carriedForward].map { priorityIndex[$0.key]! }
}
