import Testing
@testable import NianbaoCore
@testable import NianbaoOCR

/// What the readings of a photocopy's cells say when they are no number, and which reading of a
/// label cell reads as a label (the whole path is measured on the noisy scans by
/// `Scripts/evaluate-scans`, see the README).
@Suite struct PhotocopyCellTests {
    // Readings seen on p03's noisy 200 dpi scan (page line, cell by chi_sim, cell by digits model).
    @Test func aCellBothPageModelReadingsSeeAChineseCharacterInIsText() {
        // `3.其他` cut by a stray ruling: the digits model made `3.4` of `3.其`.
        #expect(PhotocopyCell.isText(["3.其", "3.其1", "3.4"]))
        // One reading of the page model is no guide: `信` on the page, `{` alone (a header's edge).
        #expect(!PhotocopyCell.isText(["信", "{", "4"]))
        #expect(!PhotocopyCell.isText(["12", "12", "12"]))
        // A piece of hongze's `（五）不予处理` (the digits model read `4`).
        #expect(PhotocopyCell.isText(["博", "是", "4"]))
        // p02's `6` in Table 四 read `所` on the page and alone: one lone character twice may be a digit.
        #expect(!PhotocopyCell.isText(["所", "所", "6"]))
    }

    @Test func aMarkNeitherCellReadingSeesIsDebris() {
        // What a ruling extended through `计` left of it.
        #expect(PhotocopyCell.isDebris(["-", "", ""]))
        #expect(PhotocopyCell.isDebris([".，", "", ""]))
        // A dash the digits model reads is printed; a digit or a character is no debris.
        #expect(!PhotocopyCell.isDebris(["-", "", "-"]))
        #expect(!PhotocopyCell.isDebris(["1", "", ""]))
        #expect(!PhotocopyCell.isDebris(["他", "", ""]))
        #expect(!PhotocopyCell.isDebris(["", "", ""]))
    }

    @Test func theReadingHoldingMoreOfALabelScoresHigher() {
        #expect(LabelVocabulary.score("(七天总计") == 1)
        #expect(LabelVocabulary.score("(七) 总 -") < 1 - CellReader.labelMargin)
        #expect(LabelVocabulary.score("5.属于三类内部事务信息") == 1)
        #expect(LabelVocabulary.score("5.民上 -类内部吉务信息") < 1 - CellReader.labelMargin)
        #expect(LabelVocabulary.score("") == 0)
        #expect(LabelVocabulary.score("1234") == 0)
    }
}
