import Foundation
import Testing
@testable import NianbaoOCR

/// How three readings of a ruled value cell on a scan vote (the whole path is measured on the
/// committed scans by `OCRScanTests`).
@Suite struct CellReaderTests {
    // Readings seen on the 200 dpi scans of p01 and hongze-2023 (page line, cell by chi_sim, cell by digits model).
    @Test func digitsModelAgreeingWithEitherReadingGivesTheNumber() throws {
        let lone = try #require(CellReader.vote(["0", "O", "0"], [0.95, 0.93, 0.99]))
        #expect(lone.reading == 2 && lone.confidence == 0.99)
        // The page line ran neighbouring numbers together; the cell alone agrees with the digits model.
        let runTogether = try #require(CellReader.vote(["4040", "0", "0"], [0.92, 0.98, 0.97]))
        #expect(runTogether.reading == 2 && runTogether.confidence == 0.98)
        let all = try #require(CellReader.vote(["58", "58", "58"], [0.98, 0.98, 0.99]))
        #expect(all.confidence == 0.99)
    }

    @Test func thePageModelTwiceAgainstTheDigitsModelIsDoubtful() throws {
        let v = try #require(CellReader.vote(["21", "21", "2"], [0.92, 0.94, 0.88]))
        #expect(v.confidence == 0)
        // The digits model silent: p02's speckled `4` read `.1` twice by chi_sim (`.1` is no
        // number) and, were it `1`, the same model twice is still one opinion.
        #expect(CellReader.vote([".1", ".1", ""], [0.94, 0.95, 0]) == nil)
        #expect(try #require(CellReader.vote(["1", "1", ""], [0.94, 0.95, 0])).confidence == 0)
    }

    @Test func oneNumberAloneIsDoubtful() throws {
        let digitsOnly = try #require(CellReader.vote(["JI", "号", "3"], [0.93, 0.85, 0.99]))
        #expect(digitsOnly.reading == 2 && digitsOnly.confidence == 0)
        // p02's thin `9` in Table 二 (no identity): `8` by the page line, `外` alone, nothing by the
        // digits model; it was reported as 8.
        let contradicted = try #require(CellReader.vote(["8", "外", ""], [0.95, 0.85, 0]))
        #expect(contradicted.reading == 0 && contradicted.confidence == 0)
        #expect(try #require(CellReader.vote(["4", "", ""], [0.90, 0, 0])).confidence == 0)
        let differ = try #require(CellReader.vote(["1", "7", ""], [0.96, 0.90, 0]))
        #expect(differ.confidence == 0)
    }

    @Test func noNumberNoVote() {
        #expect(CellReader.vote(["", "]", ""], [0, 0.91, 0]) == nil)
        #expect(CellReader.vote(["了", "", ""], [0.9, 0, 0]) == nil)
        #expect(!CellReader.isNumber("."))
        #expect(CellReader.isNumber("7730.28"))
    }

    @Test func aLeadingZeroIsNoCount() throws {
        // p04's noisy 150 dpi scan: a `0` with a speck beside it read `01` by both models alike.
        #expect(!CellReader.isNumber("01"))
        #expect(CellReader.isNumber("0"))
        #expect(CellReader.isNumber("0.5"))
        #expect(CellReader.isNumber("10"))
        let vote = try #require(CellReader.vote(["0", "01", "01"], [0.99, 0.95, 0.96]))
        #expect(vote.reading == 0)
        #expect(vote.confidence == 0)
    }
}
