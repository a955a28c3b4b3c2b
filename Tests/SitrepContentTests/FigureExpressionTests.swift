import SitrepDiagnostics
import XCTest

@testable import SitrepContent

/// Formulas of `computed:` in series.yml: what they mean (precedence, parentheses, the
/// operators word processors type, names with spaces and hyphens), and where their errors point.
final class FigureExpressionTests: XCTestCase {
    // MARK: Helpers

    /// The formula written at column 10 of line 3 of series.yml.
    private func parse(_ text: String) throws(DiagnosticError) -> FigureExpression {
        try FigureExpression.parse(text, at: SourceLocation(file: "s/series.yml", line: 3, column: 10), what: "the formula of 'x'")
    }

    /// The formula with its structure spelt out: `(a - (b * c))`.
    private func shape(_ text: String) throws -> String {
        func spell(_ expression: FigureExpression) -> String {
            switch expression.kind {
            case .number(let value): return value.description
            case .figure(let name): return "[\(name)]"
            case .negated(let operand): return "(-\(spell(operand)))"
            case .rounded(let operand, let decimals): return "round(\(spell(operand)), \(decimals))"
            case .binary(let operation, let left, let right):
                let symbol = switch operation { case .add: "+"; case .subtract: "-"; case .multiply: "*"; case .divide: "/" }
                return "(\(spell(left)) \(symbol) \(spell(right)))"
            }
        }
        return spell(try parse(text))
    }

    /// The one error parsing `text` gives: its column and message.
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (column: Int?, message: String, hint: String?) {
        do {
            let parsed = try parse(text)
            XCTFail("parsed as \(parsed.text)", file: file, line: line)
            return (nil, "", nil)
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1, file: file, line: line)
            let diagnostic = error.diagnostics[0]
            XCTAssertEqual(diagnostic.location?.line, 3, file: file, line: line)
            return (diagnostic.location?.column, diagnostic.message, diagnostic.hint)
        }
    }

    /// series.yml with `lines` under `computed:`.
    private func computed(_ lines: String) throws(DiagnosticError) -> ComputedFigures {
        try SeriesConfig(slug: "s", file: "s/series.yml", yaml: YAMLNode.parse("title: S\ncomputed:\n" + lines, file: "s/series.yml")).computed
    }

    private func computedError(_ lines: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let parsed = try computed(lines)
            XCTFail("read \(parsed.declarations.map(\.name))", file: file, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    // MARK: Meaning

    func testTimesAndDivisionBindTighterThanPlusAndMinus() throws {
        XCTAssertEqual(try shape("a + b * c"), "([a] + ([b] * [c]))")
        XCTAssertEqual(try shape("a - b / c - d"), "(([a] - ([b] / [c])) - [d])")
        XCTAssertEqual(try shape("a / b / c"), "(([a] / [b]) / [c])")
    }

    func testParenthesesGroup() throws {
        XCTAssertEqual(try shape("(a + b) * c"), "(([a] + [b]) * [c])")
        XCTAssertEqual(try shape("((a))"), "[a]")
        XCTAssertEqual(try parse("(a + b) * c").text, "(a + b) * c")
    }

    func testSignsAndNumbers() throws {
        XCTAssertEqual(try shape("-a + 2"), "((-[a]) + 2)")
        XCTAssertEqual(try shape("- -a"), "(-(-[a]))")
        XCTAssertEqual(try shape("+a * 0.5"), "([a] * 1/2)")
        XCTAssertEqual(try shape("a * -1"), "([a] * (-1))")
    }

    func testTheOperatorsWordProcessorsType() throws {
        XCTAssertEqual(try shape("a − b"), "([a] - [b])")
        XCTAssertEqual(try shape("a – b"), "([a] - [b])")
        XCTAssertEqual(try shape("a × b ÷ c"), "(([a] * [b]) / [c])")
        XCTAssertEqual(try shape("a · b"), "([a] * [b])")
    }

    func testRound() throws {
        XCTAssertEqual(try shape("round(a / b)"), "round(([a] / [b]), 0)")
        XCTAssertEqual(try shape("round (a / b * 100, 1) + 1"), "(round((([a] / [b]) * 100), 1) + 1)")
    }

    func testNamesKeepTheirSpacesHyphensAndQuotedParentheses() throws {
        XCTAssertEqual(try shape("avrr.country.Sri Lanka - avrr.country.Iraq"), "([avrr.country.Sri Lanka] - [avrr.country.Iraq])")
        XCTAssertEqual(try shape("employment.support.Micro-business course.status.assisted"),
                       "[employment.support.Micro-business course.status.assisted]")
        XCTAssertEqual(try shape("a-b - c"), "([a-b] - [c])")
        XCTAssertEqual(try shape("10-4"), "(10 - 4)")
        XCTAssertEqual(try shape("\"avrr.country.Congo (Kinshasa)\" + “x.a+b”"), "([avrr.country.Congo (Kinshasa)] + [x.a+b])")
    }

    func testEachPartKnowsWhereItIs() throws {
        let formula = try parse("a.total - round(b / c)")
        XCTAssertEqual(formula.location.column, 18, "a difference is where its operator is")
        XCTAssertEqual(formula.figures.map(\.name), ["a.total", "b", "c"])
        XCTAssertEqual(formula.figures.map(\.location.column), [10, 26, 30])
    }

    func testOnlySumsOfFiguresAreCounts() throws {
        XCTAssertTrue(try parse("a - (b + -c)").isSumOfFigures)
        XCTAssertFalse(try parse("a - 1").isSumOfFigures)
        XCTAssertFalse(try parse("a * b").isSumOfFigures)
        XCTAssertFalse(try parse("round(a + b)").isSumOfFigures)
    }

    // MARK: Errors

    func testSyntaxErrorsPointAtTheirColumn() {
        var found = error("a + * b")
        XCTAssertEqual(found.column, 14)
        XCTAssertEqual(found.message, "'*' where a figure, a number or '(' should come, in the formula of 'x'")

        found = error("(a + b")
        XCTAssertEqual(found.column, 10)
        XCTAssertEqual(found.message, "this '(' is not closed in the formula of 'x'")

        found = error("a + b)")
        XCTAssertEqual(found.column, 15)
        XCTAssertEqual(found.message, "this ')' closes no '(' in the formula of 'x'")

        found = error("a -")
        XCTAssertEqual(found.column, 13)
        XCTAssertEqual(found.message, "the formula of 'x' ends where a figure, a number or '(' should come")

        found = error("  ")
        XCTAssertEqual(found.message, "the formula of 'x' is empty")

        found = error("1,000 * a")
        XCTAssertEqual(found.column, 11)
        XCTAssertEqual(found.message, "',' outside round(…) in the formula of 'x'")
        XCTAssertTrue(found.hint?.contains("1000, not 1,000") == true)

        found = error("sum(a, b)")
        XCTAssertEqual(found.column, 10)
        XCTAssertEqual(found.message, "'sum' is not a function sitrep knows, in the formula of 'x'")

        found = error("round(a, 1.5)")
        XCTAssertEqual(found.column, 19)
        XCTAssertEqual(found.message, "round's second argument is the number of decimals, in the formula of 'x'")

        found = error("(a) b")
        XCTAssertEqual(found.column, 14)
        XCTAssertEqual(found.message, "'b' follows ')' without an operator in the formula of 'x'")

        found = error("\"a.b - c")
        XCTAssertEqual(found.column, 10)
        XCTAssertEqual(found.message, "this quote is not closed in the formula of 'x'")
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertEqual(error("a.Беларусь − * b").column, 23)
    }

    func testDeepNestingAndLongFormulasAreRefusedNotRecursedInto() {
        var found = error(String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100))
        XCTAssertEqual(found.message, "the formula of 'x' nests more than 64 levels deep")
        found = error(Array(repeating: "a", count: 600).joined(separator: "+"))
        XCTAssertEqual(found.message, "the formula of 'x' is 1199 characters long; a formula may have 1000")
        XCTAssertEqual(found.column, 10)
    }

    // MARK: Declarations in series.yml

    func testAFormulaIsLocatedInSeriesYAMLQuotedOrNot() throws {
        let figures = try computed("  a.x: b.total - b.y\n  a.z: \"b.total * 2\"\n")
        XCTAssertEqual(figures.declarations.map(\.name), ["a.x", "a.z"])
        XCTAssertEqual(figures.declarations[0].formula.location, SourceLocation(file: "s/series.yml", line: 3, column: 16))
        XCTAssertEqual(figures.declarations[1].formula.location, SourceLocation(file: "s/series.yml", line: 4, column: 17))
        let problems = computedError("  a.x: b.total +\n")
        XCTAssertEqual(problems.first?.location, SourceLocation(file: "s/series.yml", line: 3, column: 17))
    }

    func testFiguresAreComputedAfterTheComputedFiguresTheyName() throws {
        let figures = try computed("  c: b * 2\n  b: a + 1\n  a: t.total\n  d: t.total\n")
        XCTAssertEqual(figures.declarations.map(\.name), ["a", "b", "c", "d"])
    }

    func testACycleIsAnErrorNamingIt() {
        var problems = computedError("  a: t.total\n  b: c + a\n  c: 2 * b\n")
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.message, "the computed figures 'b', 'c' are computed from each other: b → c → b")
        XCTAssertEqual(problems.first?.location, SourceLocation(file: "s/series.yml", line: 4, column: 6))
        XCTAssertEqual(problems.first?.hint, "compute one of them from table or stated figures only")

        problems = computedError("  a: a + 1\n")
        XCTAssertEqual(problems.first?.message, "the computed figure 'a' is computed from itself")
        XCTAssertEqual(problems.first?.location, SourceLocation(file: "s/series.yml", line: 3, column: 6))
    }

    func testNamesLikeDerivedFiguresAndListsAreRefused() {
        var problems = computedError("  a.previous: t.total\n  b: [1, 2]\n  c..d: 1\n")
        XCTAssertEqual(problems.map(\.message), [
            "the computed figure 'a.previous' ends with '.previous', like a figure sitrep derives from another",
            "the formula of 'b' must be one line of text, not a list or a map",
            "the computed figure 'c..d' has an empty part between dots",
        ])
        XCTAssertEqual(problems.first?.location, SourceLocation(file: "s/series.yml", line: 3, column: 3))
        problems = computedError("  a.change.relative: t.total\n")
        XCTAssertEqual(problems.first?.message, "the computed figure 'a.change.relative' ends with '.relative', like a figure sitrep derives from another")
    }

    // MARK: Totals words

    func testTotalsWordsOfEveryLanguageAndOfSeriesYAML() throws {
        let standard = TotalsWords.standard
        for word in ["Total", "TOTAL", " Totals ", "Grand total", "Total:", "Итого", "ВСЕГО", "Усього", "Total général", "المجموع", "Gesamt"] {
            XCTAssertTrue(standard.contains(word), word)
        }
        for word in ["Total hygiene kit", "Subtotals", "Tot", "Sum of all", ""] {
            XCTAssertFalse(standard.contains(word), word)
        }
        // A capital outside ASCII that starts with another byte than its small letter.
        XCTAssertTrue(TotalsWords(adding: ["σύνολο"]).contains("Σύνολο"))
        XCTAssertTrue(TotalsWords(adding: ["Σύνολο"]).contains("ΣΎΝΟΛΟ"))
        let config = try SeriesConfig(slug: "s", file: "s/series.yml", yaml: YAMLNode.parse(
            "title: S\ntotals: [Sum of all]\ntables:\n  a: {totals: Alle}\n  b: {title: B}\n", file: "s/series.yml"))
        XCTAssertTrue(config.totalsWords(for: "a").contains("sum of all"))
        XCTAssertTrue(config.totalsWords(for: "a").contains("ALLE"))
        XCTAssertTrue(config.totalsWords(for: "b").contains("Sum of all"))
        XCTAssertFalse(config.totalsWords(for: "b").contains("Alle"))
        XCTAssertTrue(config.totalsWords(for: "undeclared").contains("Sum of all"))
        XCTAssertTrue(config.totalsWords(for: "undeclared").contains("Total"))
    }
}
