import SitrepDiagnostics
import XCTest

@testable import SitrepContent
@testable import SitrepFigures
@testable import SitrepTemplates

/// Finding `{{ name | filter: argument }}` in text, with exact positions for messages, and
/// evaluating placeholders against a report's figures.
final class PlaceholderTests: XCTestCase {
    // MARK: Helpers

    private let file = "content/belarus/2022-06/report.md"

    private func scan(_ text: String, lineOffset: Int = 0) -> [PlaceholderScanner.Match] {
        PlaceholderScanner.scan(text, file: file, lineOffset: lineOffset)
    }

    private func placeholder(_ match: PlaceholderScanner.Match?, _ caller: StaticString = #filePath,
                             line: UInt = #line) throws -> Placeholder {
        switch try XCTUnwrap(match, file: caller, line: line).result {
        case .success(let placeholder): return placeholder
        case .failure(let diagnostic):
            XCTFail("expected a placeholder, got \(diagnostic)", file: caller, line: line)
            throw diagnostic
        }
    }

    private func diagnostic(_ match: PlaceholderScanner.Match?, _ caller: StaticString = #filePath,
                            line: UInt = #line) throws -> Diagnostic {
        switch try XCTUnwrap(match, file: caller, line: line).result {
        case .success(let placeholder):
            XCTFail("expected an error, got \(placeholder)", file: caller, line: line)
            throw XCTSkip("no diagnostic")
        case .failure(let diagnostic): return diagnostic
        }
    }

    private func matched(_ match: PlaceholderScanner.Match, in text: String) -> String {
        String(text.unicodeScalars[match.range])
    }

    /// Iraq 398 of 533, Cuba 48, others 87; a date, a text and a list stated in figures.yml.
    private func figures() throws -> FigureSet {
        let csv = try CSVReader.read(Array("country,count\nIraq,398\nCuba,48\nSri Lanka,87\n".utf8), file: "r/avrr.csv")
        let avrr = try Table(name: "avrr", source: csv)
        let location = SourceLocation(file: "r/figures.yml", line: 1, column: 1)
        let report = Report(
            folder: "2022-06", title: "Belarus",
            period: Period(start: Day(year: 2022, month: 5, day: 27)!, end: Day(year: 2022, month: 6, day: 9)!),
            keyFigures: [], notes: [], narrative: "", narrativeFile: file, narrativeLineOffset: 0,
            tables: [avrr],
            statedFigures: [
                StatedFigure(name: "staff.gomel", value: .number(Rational(2)), location: location),
                StatedFigure(name: "staff.grodno", value: .number(Rational(1)), location: location),
                StatedFigure(name: "bmmw.referrals", value: .number(Rational(20)), location: location),
                StatedFigure(name: "office.name", value: .text("IOM Belarus"), location: location),
                StatedFigure(name: "dtm.regions", value: .list(["Gomel", "Vitebsk", "Grodno"]), location: location),
            ])
        let series = try SeriesConfig(slug: "belarus", file: "s.yml",
                                      yaml: YAMLNode.parse("title: Belarus\nonset: 2022-02-24\n", file: "s.yml"),
                                      defaultLocale: "en")
        return try FigureComputer.figures(for: report, in: series)
    }

    /// Scans `text`, which must hold one well-formed placeholder, and evaluates it.
    private func evaluate(_ text: String, style: String = "en", _ caller: StaticString = #filePath,
                          line: UInt = #line) throws -> Result<String, Diagnostic> {
        let matches = scan(text)
        XCTAssertEqual(matches.count, 1, file: caller, line: line)
        let evaluator = PlaceholderEvaluator(figures: try figures(), style: LocaleStyle.named(style)!, file: file)
        return evaluator.evaluate(try placeholder(matches.first, caller, line: line), sourceLine: text)
    }

    private func value(_ text: String, style: String = "en", _ caller: StaticString = #filePath,
                       line: UInt = #line) throws -> String? {
        switch try evaluate(text, style: style, caller, line: line) {
        case .success(let value): return value
        case .failure(let diagnostic):
            XCTFail("expected a value, got \(diagnostic)", file: caller, line: line)
            return nil
        }
    }

    private func failure(_ text: String, _ caller: StaticString = #filePath, line: UInt = #line) throws -> Diagnostic? {
        switch try evaluate(text, caller, line: line) {
        case .success(let value):
            XCTFail("expected an error, got '\(value)'", file: caller, line: line)
            return nil
        case .failure(let diagnostic): return diagnostic
        }
    }

    // MARK: Scanning

    func testPlaceholderParts() throws {
        let text = "Total: {{ avrr.total }}, share {{avrr.country.Iraq.share|percent:0}}."
        let matches = scan(text)
        XCTAssertEqual(matches.count, 2)
        let first = try placeholder(matches.first)
        XCTAssertEqual(first.name, "avrr.total")
        XCTAssertEqual(first.source, " avrr.total ")
        XCTAssertNil(first.filter)
        XCTAssertEqual(matched(matches[0], in: text), "{{ avrr.total }}")
        let second = try placeholder(matches.last)
        XCTAssertEqual(second.name, "avrr.country.Iraq.share")
        XCTAssertEqual(second.filter?.name, "percent")
        XCTAssertEqual(second.filter?.argument, "0")
        XCTAssertEqual(matched(matches[1], in: text), "{{avrr.country.Iraq.share|percent:0}}")
    }

    func testNamesMayHoldSpacesAndPunctuation() throws {
        let found = try placeholder(scan("{{ distributions.item.Food kit.region.Grodno | words }}").first)
        XCTAssertEqual(found.name, "distributions.item.Food kit.region.Grodno")
        XCTAssertEqual(found.filter?.name, "words")
        XCTAssertNil(found.filter?.argument)
        XCTAssertEqual(try placeholder(scan("{{ employment.support.Micro-business course }}").first).name,
                       "employment.support.Micro-business course")
    }

    /// Columns are counted on from the previous placeholder of the line; they must still be the
    /// characters from the line's start, whatever comes between (a combining mark joined to the
    /// closing brace, CJK, emoji, tabs).
    func testColumnsOfSeveralPlaceholdersOnALineCountCharactersFromTheLineStart() throws {
        let lines = [
            "{{ a }}\u{301} é {{ b }} and {{ c }}",
            "Всего {{ a }}: 数字 {{ b }}👍🏽{{ c }}\t{{ d }}",
            "plain {{ a }} text {{ b }} only {{ c }}",
            "e\u{301}{{ a }}e\u{301}{{ b }}",
        ]
        let text = lines.joined(separator: "\n")
        let matches = scan(text)
        XCTAssertEqual(matches.count, 12)
        for match in matches {
            let start = match.range.lowerBound
            let lineStart = text[..<start].lastIndex(of: "\n").map(text.index(after:)) ?? text.startIndex
            let expected = text[lineStart..<start].count + 1
            XCTAssertEqual(try placeholder(match).column, expected, matched(match, in: text))
        }
    }

    func testPositionsOnMultiLineTextWithNonASCIICharacters() throws {
        let text = "Première ligne — «intro».\nÀ Minsk – {{ avrr.total | percent: 1 }} et {{ x }}\n\nВсего 数字: {{\tavrr.total}}\n"
        let matches = scan(text)
        XCTAssertEqual(matches.count, 3)
        let first = try placeholder(matches[0])
        XCTAssertEqual(first.line, 2)
        XCTAssertEqual(first.column, 11, "column of the opening {{, counted in characters")
        XCTAssertEqual(first.nameColumn, 14)
        XCTAssertEqual(first.filter?.column, 27)
        XCTAssertEqual(first.filter?.argument, "1")
        let second = try placeholder(matches[1])
        XCTAssertEqual([second.line, second.column, second.nameColumn], [2, 44, 47])
        let third = try placeholder(matches[2])
        XCTAssertEqual([third.line, third.column, third.nameColumn], [4, 11, 14])
        XCTAssertEqual(matched(matches[2], in: text), "{{\tavrr.total}}")
    }

    func testLineOffsetIsAddedToLines() throws {
        let matches = scan("a\n{{ x }}\n{{ y", lineOffset: 10)
        XCTAssertEqual(try placeholder(matches[0]).line, 12)
        XCTAssertEqual(try diagnostic(matches[1]).location, SourceLocation(file: file, line: 13, column: 1))
    }

    func testTextWithoutPlaceholders() {
        XCTAssertTrue(scan("No figures { here } and {x} or { {y} }.\n").isEmpty)
        XCTAssertTrue(scan("").isEmpty)
    }

    func testUnclosedPlaceholderIsAnErrorAtItsColumn() throws {
        let text = "Intro.\nSince — {{ series.onset | date: short, people\n}} arrived; {{ ok }}"
        let matches = scan(text)
        XCTAssertEqual(matches.count, 2)
        let problem = try diagnostic(matches[0])
        XCTAssertEqual(problem.severity, .error)
        XCTAssertEqual(problem.location, SourceLocation(file: file, line: 2, column: 9))
        XCTAssertEqual(problem.message, "this placeholder is not closed")
        XCTAssertEqual(problem.sourceLine, "Since — {{ series.onset | date: short, people")
        XCTAssertTrue(problem.hint?.contains("}} on the same line") == true)
        XCTAssertTrue(problem.description.hasPrefix("\(file):2:9: error: this placeholder is not closed"), problem.description)
        XCTAssertTrue(problem.description.contains("\n    Since — {{ series.onset | date: short, people\n            ^"),
                      problem.description)
        let next = try placeholder(matches[1])
        XCTAssertEqual(next.name, "ok", "scanning goes on after the unclosed placeholder")
        XCTAssertEqual(next.line, 3)
    }

    func testEmptyNameIsAnError() throws {
        for text in ["x {{ }} y", "x {{}} y", "x {{ | percent }} y"] {
            let problem = try diagnostic(scan(text).first)
            XCTAssertEqual(problem.message, "this placeholder names no figure", text)
            XCTAssertEqual(problem.location?.column, 3, text)
            XCTAssertEqual(problem.location?.line, 1, text)
        }
    }

    func testNameWithBracesIsAnError() throws {
        let problem = try diagnostic(scan("{{ a {{ b }}").first)
        XCTAssertEqual(problem.message, "a figure name cannot contain braces")
        XCTAssertEqual(problem.location?.column, 4)
    }

    func testTwoFiltersAreRejectedAtTheSecond() throws {
        let problem = try diagnostic(scan("Share: {{ avrr.country.Iraq.share | percent | words }}").first)
        XCTAssertEqual(problem.message, "a placeholder takes one filter at most")
        XCTAssertEqual(problem.location, SourceLocation(file: file, line: 1, column: 45))
        XCTAssertEqual(problem.sourceLine, "Share: {{ avrr.country.Iraq.share | percent | words }}")
    }

    func testBarWithoutFilterIsAnError() throws {
        let problem = try diagnostic(scan("{{ avrr.total |  }}").first)
        XCTAssertEqual(problem.message, "there is a | but no filter after it")
        XCTAssertEqual(problem.location?.column, 18)
    }

    func testFilterArgumentsWithAndWithoutQuotes() throws {
        XCTAssertEqual(try placeholder(scan("{{ dtm.regions | list: \"serial\" }}").first).filter?.argument, "serial")
        XCTAssertEqual(try placeholder(scan("{{ dtm.regions | list:serial }}").first).filter?.argument, "serial")
        XCTAssertEqual(try placeholder(scan("{{ period.end | date: \"short\"}}").first).filter?.argument, "short")
        XCTAssertEqual(try placeholder(scan("{{ x | date: \"a: b\" }}").first).filter?.argument, "a: b")
        XCTAssertEqual(try placeholder(scan("{{ x | date: \" }}").first).filter?.argument, "\"", "a lone quote is kept")
        XCTAssertEqual(try placeholder(scan("{{ x | date: }}").first).filter?.argument, "")
        XCTAssertEqual(try placeholder(scan("{{ x | date: \"short\" }}").first).filter?.column, 8)
    }

    // MARK: Evaluation

    func testValuesWithAndWithoutFilters() throws {
        XCTAssertEqual(try value("{{ avrr.total }}"), "533")
        XCTAssertEqual(try value("{{ avrr.country.Iraq.share | percent }}"), "74.7 per cent")
        XCTAssertEqual(try value("{{ avrr.country.Cuba.share | percent: 0 }}"), "9 per cent")
        XCTAssertEqual(try value("{{ avrr.country.Cuba.share | percent: \"2\" }}"), "9.01 per cent")
        XCTAssertEqual(try value("{{ avrr.country.Iraq.share | percent }}", style: "ru"), "74,7\u{00A0}%")
        XCTAssertEqual(try value("{{ avrr.country.Iraq.share | decimals: 3 }}"), "0.747")
        XCTAssertEqual(try value("{{ avrr.country.Iraq.share }}"), "0.75")
        XCTAssertEqual(try value("{{ staff.gomel | words }}"), "two")
        XCTAssertEqual(try value("{{ staff.gomel | words }}", style: "ru"), "два")
        XCTAssertEqual(try value("{{ bmmw.referrals | words }}"), "20", "10 and above stay in digits")
        XCTAssertEqual(try value("{{ bmmw.referrals | words: feminine }}", style: "ru"), "20")
    }

    /// One and two agree with the noun that follows where the language has genders; the default
    /// is the masculine form, and English has one form whatever the argument.
    func testNumbersInWordsAgreeWithTheNounsGender() throws {
        let cases: [(style: String, figure: String, gender: String?, words: String)] = [
            ("ru", "staff.gomel", nil, "два"), ("ru", "staff.gomel", "masculine", "два"),
            ("ru", "staff.gomel", "feminine", "две"), ("ru", "staff.gomel", "neuter", "два"),
            ("ru", "staff.grodno", nil, "один"), ("ru", "staff.grodno", "feminine", "одна"),
            ("ru", "staff.grodno", "neuter", "одно"),
            ("fr", "staff.grodno", nil, "un"), ("fr", "staff.grodno", "feminine", "une"),
            ("fr", "staff.gomel", "feminine", "deux"),
            ("es", "staff.grodno", nil, "un"), ("es", "staff.grodno", "feminine", "una"),
            ("es", "staff.gomel", "feminine", "dos"),
            ("en", "staff.grodno", nil, "one"), ("en", "staff.grodno", "feminine", "one"),
            ("en", "staff.gomel", "neuter", "two"),
        ]
        for (style, figure, gender, words) in cases {
            let filter = gender.map { "words: \($0)" } ?? "words"
            XCTAssertEqual(try value("{{ \(figure) | \(filter) }}", style: style), words, "\(style) \(figure) \(filter)")
        }
        XCTAssertEqual(try value("{{ avrr.country.list }}"), "Iraq, Sri Lanka and Cuba")
        XCTAssertEqual(try value("{{ dtm.regions | list: serial }}"), "Gomel, Vitebsk, and Grodno")
        XCTAssertEqual(try value("{{ dtm.regions | list }}"), "Gomel, Vitebsk and Grodno")
        XCTAssertEqual(try value("{{ office.name | list }}"), "IOM Belarus")
        XCTAssertEqual(try value("{{ series.onset | date: short }}"), "24 February")
        XCTAssertEqual(try value("{{ series.onset | date }}"), "24 February 2022")
        XCTAssertEqual(try value("{{ series.onset | date: long }}"), "24 February 2022")
        XCTAssertEqual(try value("{{ period.end | date: iso }}"), "2022-06-09")
        XCTAssertEqual(try value("{{ period.start }}"), "27 May 2022")
    }

    func testUnknownFigureSuggestsTheNearestName() throws {
        let text = "Во — {{ avrr.totl | words }}"
        let problem = try XCTUnwrap(try failure(text))
        XCTAssertEqual(problem.message, "no figure is called 'avrr.totl'")
        XCTAssertEqual(problem.location, SourceLocation(file: file, line: 1, column: 9))
        XCTAssertEqual(problem.hint, "did you mean 'avrr.total'? (`sitrep figures` lists every name)")
        XCTAssertEqual(problem.sourceLine, text)

        let shares = try XCTUnwrap(try failure("{{ avrr.country.Irak.share | percent }}"))
        XCTAssertEqual(shares.hint?.hasPrefix("did you mean 'avrr.country.Iraq.share'?"), true, shares.hint ?? "")
    }

    func testUnknownFigureWithNothingNearSaysHowToListNames() throws {
        let problem = try XCTUnwrap(try failure("{{ completely.different }}"))
        XCTAssertEqual(problem.message, "no figure is called 'completely.different'")
        XCTAssertEqual(problem.hint, "`sitrep figures SERIES/PERIOD` lists every figure name")
    }

    func testUnknownFilterSuggestsTheNearestFilter() throws {
        let problem = try XCTUnwrap(try failure("{{ avrr.country.Iraq.share | percnt: 1 }}"))
        XCTAssertEqual(problem.message, "there is no filter called 'percnt'")
        XCTAssertEqual(problem.location, SourceLocation(file: file, line: 1, column: 30))
        XCTAssertEqual(problem.hint, "did you mean 'percent'? filters: percent, words, list, date, decimals")

        let far = try XCTUnwrap(try failure("{{ avrr.total | uppercase }}"))
        XCTAssertEqual(far.hint, "filters: percent, words, list, date, decimals")
    }

    func testFilterOnTheWrongKindOfValue() throws {
        let percentOnList = try XCTUnwrap(try failure("{{ avrr.country.list | percent }}"))
        XCTAssertEqual(percentOnList.message, "the percent filter needs a number, but this figure is a list ('avrr.country.list')")
        XCTAssertEqual(percentOnList.location, SourceLocation(file: file, line: 1, column: 24))

        let dateOnNumber = try XCTUnwrap(try failure("{{ avrr.total | date: short }}"))
        XCTAssertEqual(dateOnNumber.message, "the date filter needs a date, but this figure is a number ('avrr.total')")
        XCTAssertEqual(dateOnNumber.location?.column, 17)

        XCTAssertEqual(try failure("{{ period.end | words }}")?.message,
                       "the words filter needs a number, but this figure is a date ('period.end')")
        XCTAssertEqual(try failure("{{ avrr.total | list }}")?.message,
                       "the list filter needs a list, but this figure is a number ('avrr.total')")
        XCTAssertEqual(try failure("{{ office.name | decimals: 1 }}")?.message,
                       "the decimals filter needs a number, but this figure is text ('office.name')")
    }

    func testBadFilterArguments() throws {
        XCTAssertEqual(try failure("{{ avrr.country.Iraq.share | percent: 7 }}")?.message,
                       "percent takes a number of decimals from 0 to 6, not '7' ('avrr.country.Iraq.share')")
        XCTAssertEqual(try failure("{{ avrr.country.Iraq.share | percent: one }}")?.message,
                       "percent takes a number of decimals from 0 to 6, not 'one' ('avrr.country.Iraq.share')")
        XCTAssertEqual(try failure("{{ dtm.regions | list: oxford }}")?.message,
                       "list takes no argument or `serial`, not 'oxford' ('dtm.regions')")
        XCTAssertEqual(try failure("{{ period.end | date: medium }}")?.message,
                       "date takes `short`, `long` or `iso`, not 'medium' ('period.end')")
        XCTAssertEqual(try failure("{{ staff.gomel | words: 2 }}")?.message,
                       "words takes `feminine`, `neuter` or `masculine` (the default), not '2' ('staff.gomel')")
        XCTAssertEqual(try failure("{{ staff.gomel | words: female }}")?.message,
                       "words takes `feminine`, `neuter` or `masculine` (the default), not 'female' ('staff.gomel')")
    }
}
