import SitrepContent
import XCTest

@testable import SitrepTemplates

/// UN/IOM house style for numbers, percentages, lists, dates and periods, in each built-in language.
final class FormattingTests: XCTestCase {
    private let en = LocaleStyle.named("en")!
    private let ru = LocaleStyle.named("ru")!
    private let fr = LocaleStyle.named("fr")!

    private func share(_ numerator: Int, _ denominator: Int) -> Rational { Rational(numerator, denominator)! }
    private func day(_ text: String) -> Day { Day(iso: text)! }

    // MARK: Styles

    func testStylesByIdentifierAndRegion() {
        XCTAssertEqual(LocaleStyle.named("en")?.identifier, "en")
        XCTAssertEqual(LocaleStyle.named("en-GB")?.identifier, "en")
        XCTAssertEqual(LocaleStyle.named("fr_CH")?.identifier, "fr")
        XCTAssertEqual(LocaleStyle.named("RU")?.identifier, "ru")
        XCTAssertNil(LocaleStyle.named("de"))
        XCTAssertNil(LocaleStyle.named(""))
    }

    // MARK: Whole numbers

    func testEnglishGroupsThousandsWithCommas() {
        XCTAssertEqual(en.format(integer: 0), "0")
        XCTAssertEqual(en.format(integer: 7), "7")
        XCTAssertEqual(en.format(integer: 999), "999")
        XCTAssertEqual(en.format(integer: 1000), "1,000")
        XCTAssertEqual(en.format(integer: 6000), "6,000")
        XCTAssertEqual(en.format(integer: 32_322), "32,322")
        XCTAssertEqual(en.format(integer: 100_000), "100,000")
        XCTAssertEqual(en.format(integer: 1_268_600), "1,268,600")
        XCTAssertEqual(en.format(integer: Int.max), "9,223,372,036,854,775,807")
    }

    func testNegativeNumbersKeepTheirSignBeforeTheGroups() {
        XCTAssertEqual(en.format(integer: -5), "-5")
        XCTAssertEqual(en.format(integer: -1234), "-1,234")
        XCTAssertEqual(en.format(integer: -123_456), "-123,456")
        XCTAssertEqual(en.format(integer: Int.min), "-9,223,372,036,854,775,808")
    }

    func testRussianAndFrenchGroupWithNoBreakSpaces() {
        XCTAssertEqual(ru.format(integer: 32_322), "32\u{00A0}322")
        XCTAssertEqual(ru.format(integer: 1_268_600), "1\u{00A0}268\u{00A0}600")
        XCTAssertEqual(ru.format(integer: 999), "999")
        XCTAssertEqual(fr.format(integer: 32_322), "32\u{202F}322")
        XCTAssertFalse(ru.format(integer: 32_322).contains(" "), "an ordinary space would let the number break across lines")
    }

    func testFigureValuesWithoutAFilter() {
        XCTAssertEqual(en.format(FigureValue.number(Rational(32_322))), "32,322")
        XCTAssertEqual(en.format(FigureValue.text("IOM Belarus")), "IOM Belarus")
        XCTAssertEqual(en.format(FigureValue.list(["Iraq", "Cuba", "Sri Lanka"])), "Iraq, Cuba and Sri Lanka")
        XCTAssertEqual(en.format(FigureValue.date(day("2022-06-09"))), "9 June 2022")
    }

    // MARK: Decimals

    func testFixedDecimalsRoundHalfAwayFromZero() {
        XCTAssertEqual(en.format(share(1, 8), decimals: 2), "0.13")
        XCTAssertEqual(en.format(share(1, 8), decimals: 3), "0.125")
        XCTAssertEqual(en.format(share(-1, 8), decimals: 2), "-0.13")
        XCTAssertEqual(en.format(share(5, 2), decimals: 0), "3")
        XCTAssertEqual(en.format(share(-5, 2), decimals: 0), "-3")
        XCTAssertEqual(en.format(share(7, 2), decimals: 0), "4")
        XCTAssertEqual(en.format(share(1, 3), decimals: 2), "0.33")
        XCTAssertEqual(en.format(share(2, 3), decimals: 2), "0.67")
        XCTAssertEqual(en.format(share(1, 20), decimals: 1), "0.1", "0.05 rounds up")
        XCTAssertEqual(en.format(Rational(12), decimals: 2), "12.00")
        XCTAssertEqual(en.format(share(1_234_567, 2), decimals: 1), "617,283.5")
        XCTAssertEqual(ru.format(share(45, 2), decimals: 1), "22,5")
        XCTAssertEqual(ru.format(share(2_468_001, 2), decimals: 1), "1\u{00A0}234\u{00A0}000,5")
    }

    func testDefaultNumberFormatShowsUpToTwoDecimals() {
        XCTAssertEqual(en.format(Rational(6000)), "6,000")
        XCTAssertEqual(en.format(share(45, 2)), "22.5")
        XCTAssertEqual(en.format(share(1, 4)), "0.25")
        XCTAssertEqual(en.format(share(1, 3)), "0.33")
        XCTAssertEqual(en.format(share(1, 8)), "0.13")
        XCTAssertEqual(en.format(share(-3, 2)), "-1.5")
        XCTAssertEqual(ru.format(share(45, 2)), "22,5")
    }

    func testTooLargeToScaleIsNil() {
        XCTAssertNil(en.format(Rational(Int.max), decimals: 1))
        XCTAssertNil(en.formatPercent(Rational(Int.max / 10), decimals: 1, inTable: false))
    }

    // MARK: Percentages

    func testPercentagesFromExactShares() {
        XCTAssertEqual(en.formatPercent(share(398, 533), decimals: 1, inTable: false), "74.7 per cent")
        XCTAssertEqual(en.formatPercent(share(48, 533), decimals: 0, inTable: false), "9 per cent")
        XCTAssertEqual(en.formatPercent(share(48, 533), decimals: 1, inTable: false), "9.0 per cent")
        XCTAssertEqual(en.formatPercent(share(398, 533), decimals: 2, inTable: false), "74.67 per cent")
        XCTAssertEqual(en.formatPercent(Rational(1), decimals: 1, inTable: false), "100.0 per cent")
        XCTAssertEqual(en.formatPercent(Rational(0), decimals: 0, inTable: false), "0 per cent")
    }

    func testPercentagesRoundExactHalvesAwayFromZero() {
        XCTAssertEqual(en.formatPercent(share(1, 8), decimals: 1, inTable: false), "12.5 per cent")
        XCTAssertEqual(en.formatPercent(share(1, 8), decimals: 0, inTable: false), "13 per cent")
        XCTAssertEqual(en.formatPercent(share(1, 40), decimals: 1, inTable: false), "2.5 per cent")
        XCTAssertEqual(en.formatPercent(share(1, 40), decimals: 0, inTable: false), "3 per cent")
        XCTAssertEqual(en.formatPercent(share(9, 40), decimals: 1, inTable: false), "22.5 per cent")
        XCTAssertEqual(en.formatPercent(share(9, 40), decimals: 0, inTable: false), "23 per cent")
        XCTAssertEqual(en.formatPercent(share(1, 16), decimals: 1, inTable: false), "6.3 per cent", "6.25 is a half")
        XCTAssertEqual(en.formatPercent(share(1, 80), decimals: 1, inTable: false), "1.3 per cent", "1.25 is a half")
        XCTAssertEqual(en.formatPercent(share(3, 80), decimals: 1, inTable: false), "3.8 per cent", "3.75 is a half")
        XCTAssertEqual(en.formatPercent(share(-1, 16), decimals: 1, inTable: false), "-6.3 per cent")
        // 0.145 and 0.285 are not exact in binary: a Double would round these down.
        XCTAssertEqual(en.formatPercent(share(29, 200), decimals: 0, inTable: false), "15 per cent")
        XCTAssertEqual(en.formatPercent(share(57, 200), decimals: 0, inTable: false), "29 per cent")
        XCTAssertEqual(en.formatPercent(share(1, 3), decimals: 1, inTable: false), "33.3 per cent")
        XCTAssertEqual(en.formatPercent(share(2, 3), decimals: 1, inTable: false), "66.7 per cent")
    }

    func testPercentInTablesUsesTheSign() {
        XCTAssertEqual(en.formatPercent(share(398, 533), decimals: 1, inTable: true), "74.7%")
        XCTAssertEqual(ru.formatPercent(share(398, 533), decimals: 1, inTable: false), "74,7\u{00A0}%")
        XCTAssertEqual(ru.formatPercent(share(398, 533), decimals: 1, inTable: true), "74,7\u{00A0}%")
        XCTAssertEqual(fr.formatPercent(share(398, 533), decimals: 1, inTable: false), "74,7\u{00A0}pour cent")
        XCTAssertEqual(fr.formatPercent(share(398, 533), decimals: 1, inTable: true), "74,7\u{00A0}%")
    }

    // MARK: Lists

    func testListsWithoutSerialComma() {
        XCTAssertEqual(en.format(list: []), "")
        XCTAssertEqual(en.format(list: ["Iraq"]), "Iraq")
        XCTAssertEqual(en.format(list: ["Iraq", "Cuba"]), "Iraq and Cuba")
        XCTAssertEqual(en.format(list: ["Iraq", "Cuba", "Sri Lanka"]), "Iraq, Cuba and Sri Lanka")
        XCTAssertEqual(en.format(list: ["A", "B", "C", "D"]), "A, B, C and D")
    }

    func testListsWithSerialComma() {
        XCTAssertEqual(en.format(list: [], serialComma: true), "")
        XCTAssertEqual(en.format(list: ["Iraq"], serialComma: true), "Iraq")
        XCTAssertEqual(en.format(list: ["Iraq", "Cuba"], serialComma: true), "Iraq and Cuba", "no comma between two")
        XCTAssertEqual(en.format(list: ["Iraq", "Cuba", "Sri Lanka"], serialComma: true), "Iraq, Cuba, and Sri Lanka")
    }

    func testListsUseTheLanguagesConjunction() {
        XCTAssertEqual(ru.format(list: ["Ирак", "Куба", "Шри-Ланка"]), "Ирак, Куба и Шри-Ланка")
        XCTAssertEqual(fr.format(list: ["Irak", "Cuba"]), "Irak et Cuba")
    }

    // MARK: Dates and periods

    func testDates() {
        XCTAssertEqual(en.format(day("2022-06-09")), "9 June 2022")
        XCTAssertEqual(en.format(day("2022-06-09"), withYear: false), "9 June")
        XCTAssertEqual(en.format(day("2022-02-24")), "24 February 2022")
        XCTAssertEqual(en.format(day("2021-12-31")), "31 December 2021")
        XCTAssertEqual(ru.format(day("2022-06-09")), "9 июня 2022")
        XCTAssertEqual(fr.format(day("2022-01-01"), withYear: false), "1 janvier")
    }

    func testPeriodOfAWholeMonth() {
        XCTAssertEqual(en.format(from: day("2022-06-01"), to: day("2022-06-30")), "June 2022")
        XCTAssertEqual(en.format(from: day("2024-02-01"), to: day("2024-02-29")), "February 2024")
        XCTAssertEqual(en.format(from: day("2023-02-01"), to: day("2023-02-28")), "February 2023")
        XCTAssertEqual(fr.format(from: day("2022-06-01"), to: day("2022-06-30")), "Juin 2022")
    }

    func testPeriodsWithinAndAcrossMonthsAndYears() {
        XCTAssertEqual(en.format(from: day("2022-05-27"), to: day("2022-06-09")), "27 May – 9 June 2022")
        XCTAssertEqual(en.format(from: day("2022-06-01"), to: day("2022-06-15")), "1–15 June 2022")
        XCTAssertEqual(en.format(from: day("2022-06-02"), to: day("2022-06-30")), "2–30 June 2022")
        XCTAssertEqual(en.format(from: day("2022-06-01"), to: day("2022-07-31")), "1 June – 31 July 2022")
        XCTAssertEqual(en.format(from: day("2021-12-27"), to: day("2022-01-09")), "27 December 2021 – 9 January 2022")
        XCTAssertEqual(en.format(from: day("2022-06-09"), to: day("2022-06-09")), "9 June 2022")
    }

    // MARK: Spanish and Arabic

    func testSpanishDatesAndPeriods() {
        let es = LocaleStyle.named("es")!
        XCTAssertEqual(es.format(day("2022-06-09")), "9 de junio de 2022")
        XCTAssertEqual(es.format(day("2022-06-09"), withYear: false), "9 de junio")
        XCTAssertEqual(es.format(from: day("2022-06-01"), to: day("2022-06-30")), "Junio de 2022")
        XCTAssertEqual(es.format(from: day("2022-05-27"), to: day("2022-06-09")), "27 de mayo – 9 de junio de 2022")
        XCTAssertEqual(es.format(from: day("2022-06-01"), to: day("2022-06-15")), "1–15 de junio de 2022")
        XCTAssertEqual(es.format(from: day("2021-12-27"), to: day("2022-01-09")), "27 de diciembre de 2021 – 9 de enero de 2022")
    }

    /// As the UN's Arabic documents write them (see docs/content.md).
    func testArabicNumbersDatesAndLists() {
        let ar = LocaleStyle.named("ar")!
        XCTAssertEqual(ar.format(integer: 1_649_331_800), "1\u{00A0}649\u{00A0}331\u{00A0}800")
        XCTAssertEqual(ar.format(Rational(725, 10)!), "72.5")
        XCTAssertEqual(ar.formatPercent(share(398, 533), decimals: 1, inTable: false), "74.7 في المائة")
        XCTAssertEqual(ar.formatPercent(share(398, 533), decimals: 1, inTable: true), "74.7%")
        XCTAssertEqual(ar.format(day("2003-12-23")), "23 كانون الأول/ديسمبر 2003")
        XCTAssertEqual(ar.format(from: day("2022-06-01"), to: day("2022-06-30")), "حزيران/يونيه 2022")
        XCTAssertEqual(ar.format(list: ["الأردن", "لبنان"]), "الأردن ولبنان")
        XCTAssertEqual(ar.format(list: ["العراق", "الأردن", "لبنان"]), "العراق، الأردن ولبنان")
        XCTAssertEqual(ar.smallNumberWord(3, gender: .feminine), "ثلاث")
    }
}
