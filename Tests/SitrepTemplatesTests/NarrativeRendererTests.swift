import SitrepDiagnostics
import XCTest

@testable import SitrepContent
@testable import SitrepFigures
@testable import SitrepTemplates

/// The narrative end to end: Markdown parsed as written, figures put into the tree, data blocks
/// swapped for tables, values from data never turned into structure.
final class NarrativeRendererTests: XCTestCase {
    // MARK: Helpers

    private let file = "content/belarus/2022-06/report.md"

    private func table(_ name: String, _ csv: String) throws -> Table {
        let document = try CSVReader.read(Array(csv.utf8), file: "r/\(name).csv")
        return try Table(name: name, source: document)
    }

    /// Iraq 398 (272 male, 126 female), Sri Lanka 76, Cuba 48, Guinea 9, Nigeria 2: 533 in all,
    /// 361 male and 172 female.
    private let avrrCSV = """
        country,sex,count
        Iraq,male,272
        Iraq,female,126
        Cuba,male,30
        Cuba,female,18
        Sri Lanka,male,50
        Sri Lanka,female,26
        Guinea,male,9
        Nigeria,female,2
        """

    private static let longValue = String(repeating: "Very-long-country-name-without-any-break-", count: 12) + "end"

    /// Dimension values that look like HTML, Markdown or entities.
    private let hostileCSV = """
        country,count
        <script>alert(1)</script>,50
        *x*,40
        [a](javascript:x),30
        ![i](http://e/x.png),20
        &amp;,10
        # heading,9
        1. item,8
        `code`,7
        \(longValue),6
        """

    private func renderer(style: String = "en", titles: [String: String] = [:]) throws -> NarrativeRenderer {
        let tables = [try table("avrr", avrrCSV), try table("hostile", hostileCSV),
                      try table("arrivals", "nationality,count\nUkraine,1268600\nBelarus,32322\nThird countries,5120\n")]
        let location = SourceLocation(file: "r/figures.yml", line: 1, column: 1)
        let report = Report(
            folder: "2022-06", title: "Belarus",
            period: Period(start: Day(year: 2022, month: 5, day: 27)!, end: Day(year: 2022, month: 6, day: 9)!),
            keyFigures: [], notes: [], narrative: "", narrativeFile: file, narrativeLineOffset: 0,
            tables: tables,
            statedFigures: [
                StatedFigure(name: "staff.gomel", value: .number(Rational(2)), location: location),
                StatedFigure(name: "avrr.period.unaccompanied_minors", value: .number(Rational(1)), location: location),
                StatedFigure(name: "sexes", value: .list(["female", "male"]), location: location),
            ])
        let series = try SeriesConfig(slug: "belarus", file: "s.yml",
                                      yaml: YAMLNode.parse("title: Belarus\nonset: 2022-02-24\n", file: "s.yml"),
                                      defaultLocale: "en")
        let figures = try FigureComputer.figures(for: report, in: series)
        return NarrativeRenderer(figures: figures, tables: tables, style: LocaleStyle.named(style)!, tableTitles: titles)
    }

    private func render(_ markdown: String, lineOffset: Int = 0, style: String = "en", titles: [String: String] = [:],
                        _ caller: StaticString = #filePath, line: UInt = #line) throws -> NarrativeRenderer.Output {
        try renderer(style: style, titles: titles).render(markdown, file: file, lineOffset: lineOffset)
    }

    private func html(_ markdown: String, lineOffset: Int = 0, style: String = "en", titles: [String: String] = [:],
                      _ caller: StaticString = #filePath, line: UInt = #line) throws -> String {
        try render(markdown, lineOffset: lineOffset, style: style, titles: titles, caller, line: line).html
    }

    private func problems(_ markdown: String, lineOffset: Int = 0, _ caller: StaticString = #filePath,
                          line: UInt = #line) throws -> [Diagnostic] {
        let renderer = try renderer()
        do {
            let output = try renderer.render(markdown, file: file, lineOffset: lineOffset)
            XCTFail("expected an error, rendered \(output.html)", file: caller, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    // MARK: Placeholders in the Markdown tree

    func testPlaceholdersInParagraphsHeadingsAndListItems() throws {
        let output = try render("""
            ## Returns: {{ avrr.total }}

            IOM assisted {{ avrr.total }} migrants, {{ avrr.country.Iraq.share | percent }} from Iraq.

            - from Cuba: {{ avrr.country.Cuba }}
            - from {{ avrr.country.top2.other.list | list: serial }}

            > Quoted: {{ arrivals.total }}

            """)
        XCTAssertEqual(output.html, """
            <h2>Returns: 533</h2>
            <p>IOM assisted 533 migrants, 74.7 per cent from Iraq.</p>
            <ul>
            <li>from Cuba: 48</li>
            <li>from Cuba, Guinea, and Nigeria</li>
            </ul>
            <blockquote>
            <p>Quoted: 1,306,042</p>
            </blockquote>

            """)
        XCTAssertEqual(output.warnings, [])
    }

    func testPlaceholdersInsideEmphasisLinksAndCode() throws {
        let html = try html("""
            Returns: *{{ avrr.total }}*, **{{ avrr.country.Iraq }}**, [{{ avrr.country.Cuba }} Cubans](https://iom.int), \
            `{{ avrr.total | decimals: 1 }}` and ![{{ avrr.country.count }} countries](map.png).

            """)
        XCTAssertEqual(html, """
            <p>Returns: <em>533</em>, <strong>398</strong>, <a href="https://iom.int">48 Cubans</a>, \
            <code>533.0</code> and <img src="map.png" alt="5 countries" />.</p>

            """)
    }

    func testPlaceholdersInLinkDestinationsAndTitles() throws {
        let html = try html("[report](<https://example.org/{{ avrr.country.top1 }}/{{ avrr.total }}> \"{{ avrr.total }} returns\")\n")
        XCTAssertEqual(html, "<p><a href=\"https://example.org/Iraq/533\" title=\"533 returns\">report</a></p>\n")
    }

    func testPlaceholdersInCodeBlocks() throws {
        XCTAssertEqual(try html("```\ntotal = {{ avrr.total }}\n```\n"), "<pre><code>total = 533\n</code></pre>\n")
    }

    func testRepeatedPlaceholdersAndNamesWithUnderscores() throws {
        let html = try html("A {{ avrr.total }}, again {{ avrr.total }}; {{ avrr.period.unaccompanied_minors | words }} minor.\n")
        XCTAssertEqual(html, "<p>A 533, again 533; one minor.</p>\n")
    }

    func testTextWithoutPlaceholdersIsUnchanged() throws {
        XCTAssertEqual(try html("Plain *text* with {braces} and { {no} } figures.\n"),
                       "<p>Plain <em>text</em> with {braces} and { {no} } figures.</p>\n")
    }

    func testRussianStyle() throws {
        XCTAssertEqual(try html("Всего {{ arrivals.total }} человек, {{ avrr.country.Iraq.share | percent }}.\n", style: "ru"),
                       "<p>Всего 1\u{00A0}306\u{00A0}042 человек, 74,7\u{00A0}%.</p>\n")
    }

    // MARK: Sentence starts

    func testWordsAreCapitalisedAtTheStartOfAParagraph() throws {
        XCTAssertEqual(try html("{{ staff.gomel | words }} IOM field staff members work in Gomel.\n"),
                       "<p>Two IOM field staff members work in Gomel.</p>\n")
        XCTAssertEqual(try html("## {{ staff.gomel | words }} offices\n"), "<h2>Two offices</h2>\n")
        XCTAssertEqual(try html("- {{ staff.gomel | words }} staff\n"), "<ul>\n<li>Two staff</li>\n</ul>\n")
        XCTAssertEqual(try html("{{ sexes }} applicants.\n"), "<p>Female and male applicants.</p>\n")
    }

    func testWordsAreCapitalisedAfterTheEndOfASentence() throws {
        XCTAssertEqual(try html("Staff arrived. {{ staff.gomel | words }} work in Gomel.\n"),
                       "<p>Staff arrived. Two work in Gomel.</p>\n")
        XCTAssertEqual(try html("Staff arrived? {{ staff.gomel | words }} did!  {{ staff.gomel | words }} more.\n"),
                       "<p>Staff arrived? Two did!  Two more.</p>\n")
        XCTAssertEqual(try html("He said “done.” {{ staff.gomel | words }} left.\n"),
                       "<p>He said “done.” Two left.</p>\n")
        XCTAssertEqual(try html("Done (see annex.) {{ staff.gomel | words }} left.\n"),
                       "<p>Done (see annex.) Two left.</p>\n")
        XCTAssertEqual(try html("On dit «fini.» {{ staff.gomel | words }} left; ‘done.’ {{ staff.gomel | words }} left.\n"),
                       "<p>On dit «fini.» Two left; ‘done.’ Two left.</p>\n")
        XCTAssertEqual(try html("“Done”) {{ staff.gomel | words }} left; “.” {{ staff.gomel | words }} left.\n"),
                       "<p>“Done”) two left; “.” Two left.</p>\n")
    }

    func testAnAbbreviationsFullStopEndsNoSentence() throws {
        XCTAssertEqual(try html("Field offices, e.g. {{ staff.gomel | words }} in Gomel.\n"),
                       "<p>Field offices, e.g. two in Gomel.</p>\n")
        XCTAssertEqual(try html("Kits (approx. {{ staff.gomel | words }} per family).\n"),
                       "<p>Kits (approx. two per family).</p>\n")
        XCTAssertEqual(try html("Kits, approximately. {{ staff.gomel | words }} per family.\n"),
                       "<p>Kits, approximately. Two per family.</p>\n", "a longer word is no abbreviation")
        XCTAssertEqual(try html("Mr. {{ staff.gomel | words }} and No. {{ staff.gomel | words }}; Mr.X. {{ staff.gomel | words }}\n"),
                       "<p>Mr. two and No. two; Mr.X. Two</p>\n")
    }

    func testWordsAreCapitalisedAfterASoftLineBreakFollowingAPeriod() throws {
        XCTAssertEqual(try html("Staff arrived.\n{{ staff.gomel | words }} work in Gomel.\n"),
                       "<p>Staff arrived.\nTwo work in Gomel.</p>\n")
        XCTAssertEqual(try html("Staff arrived.  \n{{ staff.gomel | words }} work in Gomel.\n"),
                       "<p>Staff arrived.<br />\nTwo work in Gomel.</p>\n")
    }

    func testWordsAgreeingWithAFeminineNounAreCapitalisedToo() throws {
        XCTAssertEqual(try html("{{ staff.gomel | words: feminine }} семьи получили помощь.\n", style: "ru"),
                       "<p>Две семьи получили помощь.</p>\n")
        XCTAssertEqual(try html("Помощь получили {{ staff.gomel | words: feminine }} семьи.\n", style: "ru"),
                       "<p>Помощь получили две семьи.</p>\n")
    }

    func testWordsStayLowerCaseMidSentence() throws {
        XCTAssertEqual(try html("There are {{ staff.gomel | words }} staff.\n"), "<p>There are two staff.</p>\n")
        XCTAssertEqual(try html("Staff in Gomel:\n{{ staff.gomel | words }} people.\n"),
                       "<p>Staff in Gomel:\ntwo people.</p>\n")
        XCTAssertEqual(try html("Staff, {{ staff.gomel | words }} of them.\n"), "<p>Staff, two of them.</p>\n")
        XCTAssertEqual(try html("Version 2.{{ staff.gomel | words }}\n"), "<p>Version 2.two</p>\n",
                       "a period without a space after it ends no sentence")
        XCTAssertEqual(try html("Code `a.` {{ staff.gomel | words }}\n"), "<p>Code <code>a.</code> Two</p>\n")
        XCTAssertEqual(try html("*Staff* {{ staff.gomel | words }}\n"), "<p><em>Staff</em> two</p>\n")
        XCTAssertEqual(try html("`{{ staff.gomel | words }}` staff\n"), "<p><code>two</code> staff</p>\n",
                       "code is printed as written")
    }

    func testDigitsAtASentenceStartGiveAWarning() throws {
        let output = try render("Intro.\n\n{{ avrr.total }} migrants returned.\n\nOf them, {{ avrr.country.Iraq }} from Iraq. "
                                + "{{ avrr.country.Cuba }} from Cuba.\n", lineOffset: 5)
        XCTAssertEqual(output.html, "<p>Intro.</p>\n<p>533 migrants returned.</p>\n<p>Of them, 398 from Iraq. 48 from Cuba.</p>\n")
        XCTAssertEqual(output.warnings.count, 2, "\(output.warnings)")
        let first = try XCTUnwrap(output.warnings.first)
        XCTAssertEqual(first.severity, .warning)
        XCTAssertEqual(first.location?.file, file)
        XCTAssertEqual(first.location?.line, 8)
        XCTAssertEqual(first.message, "a sentence starts with the figure {{ avrr.total }} (533)")
        XCTAssertTrue(first.hint?.contains("| words") == true)
        XCTAssertEqual(output.warnings.last?.location?.line, 10)
        XCTAssertEqual(output.warnings.last?.message, "a sentence starts with the figure {{ avrr.country.Cuba }} (48)")
    }

    func testDigitsAfterASoftBreakWarnWithTheirLine() throws {
        let output = try render("Returns rose.\n{{ avrr.country.Iraq.share | percent }} came from Iraq.\n", lineOffset: 20)
        XCTAssertEqual(output.html, "<p>Returns rose.\n74.7 per cent came from Iraq.</p>\n")
        XCTAssertEqual(output.warnings.map(\.location?.line), [22])
    }

    func testNoWarningForWordsOrMidSentenceDigits() throws {
        let output = try render("{{ staff.gomel | words }} staff assisted {{ avrr.total }} people.\n")
        XCTAssertEqual(output.warnings, [])
    }

    // MARK: Values from data stay text

    func testDimensionValuesThroughPlaceholdersAreEscapedText() throws {
        let html = try html("""
            Origins: {{ hostile.country.list }}; first {{ hostile.country.top1 }}.

            {{ hostile.country.top5.other.list }} follow.

            ## Top: {{ hostile.country.top1 }}

            - [{{ hostile.country.top2 }}](https://iom.int) `{{ hostile.country.top1 }}`

            """)
        XCTAssertTrue(html.contains("Origins: &lt;script&gt;alert(1)&lt;/script&gt;, *x*, [a](javascript:x), "
                                    + "![i](http://e/x.png), &amp;amp;, # heading, 1. item, `code` and \(Self.longValue);"), html)
        XCTAssertTrue(html.contains("first &lt;script&gt;alert(1)&lt;/script&gt;.</p>"), html)
        XCTAssertTrue(html.contains("<p># heading, 1. item, `code` and \(Self.longValue) follow.</p>"), html)
        XCTAssertTrue(html.contains("<h2>Top: &lt;script&gt;alert(1)&lt;/script&gt;</h2>"), html)
        XCTAssertTrue(html.contains("<a href=\"https://iom.int\">&lt;script&gt;alert(1)&lt;/script&gt; and *x*</a>"), html)
        XCTAssertTrue(html.contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"), html)
        assertNoStructureFromData(html)
    }

    func testDimensionValuesThroughATableBlockAreEscapedText() throws {
        let html = try html("""
            ```sitrep-table
            table: hostile
            rows: country
            sort: data
            ```

            """)
        for label in ["&lt;script&gt;alert(1)&lt;/script&gt;", "*x*", "[a](javascript:x)", "![i](http://e/x.png)",
                      "&amp;amp;", "# heading", "1. item", "`code`", Self.longValue] {
            XCTAssertTrue(html.contains("<tr><th scope=\"row\">\(label)</th><td class=\"num\">"), "\(label) in \(html)")
        }
        assertNoStructureFromData(html)
    }

    /// A table block read in one report is not read again in the next, but its problems are
    /// still placed in the file and at the line of the block that has them.
    func testAReusedTableBlockPlacesItsProblemsInItsOwnFile() throws {
        let block = "```sitrep-table\ntable: nowhere-\(UUID().uuidString)\nrows: country\n```\n"
        let renderer = try renderer()
        for (file, lineOffset) in [("s/2022-05/report.md", 4), ("s/2022-06/report.md", 4), ("s/2022-07/report.md", 9)] {
            do {
                let output = try renderer.render(block, file: file, lineOffset: lineOffset)
                XCTFail("expected an error, rendered \(output.html)")
            } catch {
                XCTAssertEqual(error.diagnostics.map(\.location), [SourceLocation(file: file, line: lineOffset + 2, column: 8)])
                XCTAssertTrue(error.diagnostics[0].message.hasPrefix("there is no table called 'nowhere-"), "\(error)")
            }
        }
        let good = try TableBlock(yaml: "table: arrivals\nrows: nationality\ncolumns: x\n", file: "a.md", lineOffset: 1)
        let again = try TableBlock(yaml: "table: arrivals\nrows: nationality\ncolumns: x\n", file: "b.md", lineOffset: 1)
        XCTAssertEqual([good.tableLocation, good.rowsLocation, good.columnsLocation].map { $0?.file }, ["a.md", "a.md", "a.md"])
        XCTAssertEqual([again.tableLocation, again.rowsLocation, again.columnsLocation].map { $0?.file }, ["b.md", "b.md", "b.md"])
        XCTAssertEqual([again.tableLocation.line, again.rowsLocation.line, again.columnsLocation?.line], [2, 3, 4])
    }

    func testDimensionValuesAsTableColumnsAreEscaped() throws {
        let html = try html("""
            ```sitrep-table
            table: hostile
            rows: country
            columns: country
            caption: "<b>Origins</b> & *more*"
            ```

            """)
        XCTAssertTrue(html.contains("<caption>&lt;b&gt;Origins&lt;/b&gt; &amp; *more*</caption>"), html)
        XCTAssertTrue(html.contains("<th scope=\"col\" class=\"num\">&lt;script&gt;alert(1)&lt;/script&gt;</th>"), html)
        XCTAssertFalse(html.contains("<b>"), html)
        assertNoStructureFromData(html)
    }

    private func assertNoStructureFromData(_ html: String, _ caller: StaticString = #filePath, line: UInt = #line) {
        for forbidden in ["<script", "<em>x</em>", "href=\"javascript", "<img", "<h1", "<ol", "<code>code</code>"] {
            XCTAssertFalse(html.contains(forbidden), "\(forbidden) in \(html)", file: caller, line: line)
        }
    }

    // MARK: Tables

    func testTableBlockWithRowsColumnsTopShareAndCaption() throws {
        let html = try html("""
            Before.

            ```sitrep-table
            table: avrr
            rows: country
            columns: sex
            sort: total desc
            top: 2
            share: true
            caption: AVRR beneficiaries by country of origin and sex
            ```

            After.

            """)
        XCTAssertEqual(html, """
            <p>Before.</p>
            <table class="sitrep-table">
            <caption>AVRR beneficiaries by country of origin and sex</caption>
            <thead>
            <tr><th scope="col">Country</th><th scope="col" class="num">Male</th><th scope="col" class="num">Female</th>\
            <th scope="col" class="num">Total</th><th scope="col" class="num">Share</th></tr>
            </thead>
            <tbody>
            <tr><th scope="row">Iraq</th><td class="num">272</td><td class="num">126</td><td class="num">398</td><td class="num">74.7%</td></tr>
            <tr><th scope="row">Sri Lanka</th><td class="num">50</td><td class="num">26</td><td class="num">76</td><td class="num">14.3%</td></tr>
            <tr><th scope="row">Other (3)</th><td class="num">39</td><td class="num">20</td><td class="num">59</td><td class="num">11.1%</td></tr>
            </tbody>
            <tfoot>
            <tr><th scope="row">Total</th><td class="num">361</td><td class="num">172</td><td class="num">533</td><td class="num">100.0%</td></tr>
            </tfoot>
            </table>
            <p>After.</p>

            """)
    }

    func testTableBlockGroupsThousandsAndUsesTheDeclaredTitle() throws {
        let html = try html("```sitrep-table\ntable: arrivals\nrows: nationality\n```\n",
                            titles: ["arrivals": "People who entered Belarus"])
        XCTAssertTrue(html.contains("<caption>People who entered Belarus</caption>"), html)
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">Ukraine</th><td class=\"num\">1,268,600</td></tr>"), html)
        XCTAssertTrue(html.contains("<tfoot>\n<tr><th scope=\"row\">Total</th><td class=\"num\">1,306,042</td></tr>\n</tfoot>"), html)
        XCTAssertFalse(html.contains("Share"), html)
        XCTAssertFalse(html.contains("Other"), html)
    }

    func testTableBlockWithoutCaptionOrTitleHasNoCaption() throws {
        let html = try html("```sitrep-table\ntable: arrivals\nrows: nationality\n```\n")
        XCTAssertFalse(html.contains("<caption"), html)
        XCTAssertTrue(html.hasPrefix("<table class=\"sitrep-table\">\n<thead>"), html)
    }

    func testTableBlockInRussian() throws {
        let html = try html("```sitrep-table\ntable: avrr\nrows: country\ntop: 1\nshare: true\n```\n", style: "ru")
        XCTAssertTrue(html.contains("<th scope=\"col\" class=\"num\">Всего</th><th scope=\"col\" class=\"num\">Доля</th>"), html)
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">Другие (4)</th><td class=\"num\">135</td><td class=\"num\">25,3\u{00A0}%</td></tr>"), html)
    }

    private func rowLabels(_ html: String) -> [String] {
        html.components(separatedBy: "<th scope=\"row\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    func testTableBlockSortOrders() throws {
        func labels(_ sort: String) throws -> [String] {
            rowLabels(try html("```sitrep-table\ntable: avrr\nrows: country\nsort: \(sort)\n```\n"))
        }
        XCTAssertEqual(try labels("total desc"), ["Iraq", "Sri Lanka", "Cuba", "Guinea", "Nigeria", "Total"])
        XCTAssertEqual(try labels("total asc"), ["Nigeria", "Guinea", "Cuba", "Sri Lanka", "Iraq", "Total"])
        XCTAssertEqual(try labels("name asc"), ["Cuba", "Guinea", "Iraq", "Nigeria", "Sri Lanka", "Total"])
        XCTAssertEqual(try labels("name desc"), ["Sri Lanka", "Nigeria", "Iraq", "Guinea", "Cuba", "Total"])
        XCTAssertEqual(try labels("data"), ["Iraq", "Cuba", "Sri Lanka", "Guinea", "Nigeria", "Total"])
    }

    func testTopThatWouldLeaveOneRowShowsThatRow() throws {
        let html = try html("```sitrep-table\ntable: avrr\nrows: country\ntop: 4\n```\n")
        XCTAssertEqual(rowLabels(html), ["Iraq", "Sri Lanka", "Cuba", "Guinea", "Nigeria", "Total"])
        XCTAssertFalse(html.contains("Other"), html)
    }

    // MARK: Errors

    func testPlaceholderErrorsCarryFileLineAndColumn() throws {
        let diagnostics = try problems("""
            # Title

            Returned: {{ avrr.totl }} and {{ avrr.total | percnt }}.
            Since — {{ series.onset | date: short
            {{ avrr.country.list | percent }}

            """, lineOffset: 7)
        XCTAssertEqual(diagnostics.count, 4, "\(diagnostics)")
        XCTAssertEqual(diagnostics.map(\.location), [
            SourceLocation(file: file, line: 10, column: 14),
            SourceLocation(file: file, line: 10, column: 47),
            SourceLocation(file: file, line: 11, column: 9),
            SourceLocation(file: file, line: 12, column: 24),
        ])
        XCTAssertEqual(diagnostics[0].message, "no figure is called 'avrr.totl'")
        XCTAssertTrue(diagnostics[0].hint?.contains("'avrr.total'") == true)
        XCTAssertEqual(diagnostics[0].sourceLine, "Returned: {{ avrr.totl }} and {{ avrr.total | percnt }}.")
        XCTAssertEqual(diagnostics[1].message, "there is no filter called 'percnt'")
        XCTAssertEqual(diagnostics[2].message, "this placeholder is not closed")
        XCTAssertEqual(diagnostics[3].message,
                       "the percent filter needs a number, but this figure is a list ('avrr.country.list')")
        XCTAssertTrue(diagnostics.allSatisfy { $0.severity == .error })
    }

    func testErrorsInAWindowsFileQuoteOnlyTheirLine() throws {
        let diagnostics = try problems("First line.\r\nReturned: {{ avrr.totl }}.\r\nUnclosed {{ avrr.total\r\nLast.\r\n")
        XCTAssertEqual(diagnostics.map(\.location), [
            SourceLocation(file: file, line: 2, column: 14),
            SourceLocation(file: file, line: 3, column: 10),
        ])
        XCTAssertEqual(diagnostics.map(\.sourceLine), ["Returned: {{ avrr.totl }}.", "Unclosed {{ avrr.total"])
    }

    func testUnknownTableInABlockIsAnErrorAtItsLine() throws {
        let diagnostics = try problems("Intro.\n\n```sitrep-table\ntable: avr\nrows: country\n```\n", lineOffset: 7)
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)")
        let problem = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(problem.message, "there is no table called 'avr' in this period")
        XCTAssertEqual(problem.location?.file, file)
        XCTAssertEqual(problem.location?.line, 11)
        XCTAssertEqual(problem.hint, "did you mean 'avrr'?")
    }

    func testUnknownColumnInABlockIsAnErrorAtItsLine() throws {
        let rows = try problems("```sitrep-table\ntable: avrr\nrows: contry\n```\n", lineOffset: 3)
        XCTAssertEqual(rows.map(\.message), ["the table 'avrr' has no column 'contry'"])
        XCTAssertEqual(rows.first?.location?.line, 6)
        XCTAssertEqual(rows.first?.hint, "did you mean 'country'? its columns: country, sex")

        let columns = try problems("Text.\n\n```sitrep-table\ntable: avrr\nrows: country\ncolumns: gender\n```\n", lineOffset: 3)
        XCTAssertEqual(columns.map(\.message), ["the table 'avrr' has no column 'gender'"])
        XCTAssertEqual(columns.first?.location?.line, 9)
        XCTAssertEqual(columns.first?.hint, "its columns: country, sex")
    }

    func testBadBlockOptionsAreErrors() throws {
        XCTAssertEqual(try problems("```sitrep-table\ntable: avrr\nrows: country\nsort: biggest\n```\n").first?.message,
                       "sort cannot be 'biggest'")
        XCTAssertEqual(try problems("```sitrep-table\ntable: avrr\nrows: country\ntop: 0\n```\n").first?.message,
                       "top must be a whole number above 0, not '0'")
        XCTAssertEqual(try problems("```sitrep-table\ntable: avrr\nrows: country\nshare: yes please\n```\n").first?.message,
                       "share must be true or false, not 'yes please'")
        let unknownKey = try problems("```sitrep-table\ntable: avrr\nrow: country\n```\n", lineOffset: 1)
        XCTAssertEqual(unknownKey.first?.message, "unknown key 'row' in a sitrep-table block")
        XCTAssertEqual(unknownKey.first?.location?.line, 4)
        XCTAssertEqual(unknownKey.first?.hint, "did you mean 'rows'?")
        let missing = try problems("Text.\n\n```sitrep-table\ntable: avrr\n```\n", lineOffset: 1)
        XCTAssertEqual(missing.first?.message, "a sitrep-table block needs `table:` and `rows:`")
        XCTAssertEqual(missing.first?.location?.line, 4)
    }

    func testEveryProblemIsReportedTogether() throws {
        let diagnostics = try problems("{{ nope }}\n\n```sitrep-table\ntable: nada\nrows: x\n```\n\n{{ avrr.total | date }}\n")
        XCTAssertEqual(diagnostics.map(\.location?.line), [1, 8, 4])
    }
}
