import SitrepDiagnostics
import XCTest

@testable import SitrepContent
@testable import SitrepFigures
@testable import SitrepTemplates

/// `sitrep-chart` blocks: their options and located errors, and the SVG they draw: the same
/// bytes for the same data, round axis ticks, numbers in the series' locale, accessible names
/// and descriptions, and values from data escaped.
final class ChartBlockTests: XCTestCase {
    private let file = "content/belarus/2022-06/report.md"

    private func table(_ name: String, _ csv: String) throws -> Table {
        try Table(name: name, source: CSVReader.read(Array(csv.utf8), file: "r/\(name).csv"))
    }

    /// Iraq 398 (272 male, 126 female), Sri Lanka 76, Cuba 48, Guinea 9, Nigeria 2, Egypt 1:
    /// 534 in all.
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
        Egypt,male,1
        """

    private let arrivalsCSV = "nationality,count\nBelarus,902\nUkraine,31176\nThird countries,244\n"

    private func figures(_ stated: [String: Int], tables: [Table] = []) throws -> FigureSet {
        let location = SourceLocation(file: "figures.yml", line: 1)
        let report = Report(
            folder: "2022-06", title: "Belarus",
            period: Period(start: Day(year: 2022, month: 5, day: 27)!, end: Day(year: 2022, month: 6, day: 9)!),
            narrativeFile: file, tables: tables,
            statedFigures: stated.sorted { $0.key < $1.key }.map { StatedFigure(name: $0.key, value: .number(Rational($0.value)), location: location) })
        let series = try SeriesConfig(slug: "belarus", file: "s.yml", yaml: YAMLNode.parse("title: Belarus\nonset: 2022-02-24\n", file: "s.yml"),
                                      defaultLocale: "en")
        return try FigureComputer.figures(for: report, in: series)
    }

    private func render(_ markdown: String, style: String = "en", history: FigureHistory? = nil,
                        tables: [Table]? = nil) throws -> String {
        let tables = try tables ?? [table("avrr", avrrCSV), table("arrivals", arrivalsCSV)]
        let renderer = NarrativeRenderer(figures: try figures(["x": 5], tables: tables), tables: tables,
                                         style: LocaleStyle.named(style)!, history: history)
        return try renderer.render(markdown, file: file, lineOffset: 10).html
    }

    private func chart(_ yaml: String) -> String { "Text.\n\n```sitrep-chart\n\(yaml)\n```\n" }

    private func problems(_ markdown: String) -> [Diagnostic] {
        do { _ = try render(markdown); return [] } catch let error as DiagnosticError { return error.diagnostics } catch { return [] }
    }

    // MARK: Options

    func testEveryOptionIsRead() throws {
        let block = try ChartBlock(yaml: "type: stacked\ntable: avrr\nrows: country\nsplit: sex\ntop: 3\nshare: true\nunit: people\ntitle: AVRR",
                                   file: file, lineOffset: 4)
        XCTAssertEqual(block.kind, .stacked)
        XCTAssertEqual([block.table, block.rows, block.split, block.unit, block.title], ["avrr", "country", "sex", "people", "AVRR"])
        XCTAssertEqual(block.top, 3)
        XCTAssertTrue(block.share)
        let line = try ChartBlock(yaml: "type: line\nfigure: arrivals.total\ntitle: Arrivals", file: file, lineOffset: 4)
        XCTAssertEqual(line.kind, .line)
        XCTAssertEqual(line.figure, "arrivals.total")
        XCTAssertFalse(line.share)
    }

    func testBadOptionsAreErrorsAtTheirPlace() {
        // The fence is on line 13 of the file (lineOffset 10, third line of the Markdown); the YAML starts on line 14.
        let cases: [(String, String, String)] = [
            ("table: avrr", "\(file):13: error: a sitrep-chart block needs `type:`", "one of: bar, stacked, line, column"),
            ("type: pie", "\(file):14:7: error: type cannot be 'pie'", "use one of: bar, stacked, line, column"),
            ("type: line\nfigure: x\nsplit: sex", "\(file):16:1: error: `split` is not an option of a line chart",
             "a line chart takes: figure, unit, title"),
            ("type: stacked\ntable: avrr\nrows: country", "\(file):14:7: error: a stacked bar chart needs `split:`", "split: sex"),
            ("type: bar\ntable: avrr\nrows: country\ntop: 0", "\(file):17:6: error: top must be a whole number above 0, not '0'", ""),
            ("type: bar\ntable: avrr\nrows: country\nshare: yes", "\(file):17:8: error: share must be true or false, not 'yes'", ""),
            ("type: bar\ntable: avrr\nrows: country\ncolour: red", "\(file):17:1: error: unknown key 'colour' in a sitrep-chart block", ""),
            ("type: bar\ntable: avr\nrows: country\ntitle: T", "\(file):15:8: error: there is no table called 'avr' in this period",
             "did you mean 'avrr'?"),
            ("type: stacked\ntable: avrr\nrows: country\nsplit: sx\ntitle: T", "\(file):17:8: error: the table 'avrr' has no column 'sx'",
             "did you mean 'sex'?"),
            ("type: bar\ntable: avrr\nrows: country", "\(file):14:7: error: a bar chart needs `title:`", "series.yml"),
            ("type: line\nfigure: y\ntitle: T", "\(file):15:9: error: no figure is called 'y'", "did you mean 'x'?"),
        ]
        for (yaml, message, hint) in cases {
            let found = problems(chart(yaml))
            XCTAssertEqual(found.count, 1, yaml)
            XCTAssertTrue(found.first?.description.hasPrefix(message) == true, "\(yaml)\n\(found.map(\.description))")
            XCTAssertTrue(hint.isEmpty || found.first?.description.contains(hint) == true, "\(yaml)\n\(found.map(\.description))")
        }
    }

    // MARK: Drawing

    /// Two renders in one process give the same bytes: nothing carries over from one chart to the
    /// next (an id counter, a cache keyed by something else than the data). Hash seeds, which
    /// differ between processes, are the two-process test's (`testTwoBuildsAreByteIdentical…`).
    func testTheSameDataGivesTheSameBytes() throws {
        for yaml in ["type: bar\ntable: arrivals\nrows: nationality\nshare: true\ntitle: Arrivals",
                     "type: stacked\ntable: avrr\nrows: country\nsplit: sex\ntop: 3\ntitle: AVRR",
                     "type: column\nfigure: x\ntitle: X", "type: line\nfigure: x\ntitle: X"] {
            XCTAssertEqual(try render(chart(yaml)), try render(chart(yaml)), yaml)
        }
    }

    func testTopBarsAndOtherAddUpToTheTotal() throws {
        let html = try render(chart("type: stacked\ntable: avrr\nrows: country\nsplit: sex\ntop: 3\ntitle: AVRR"))
        // Iraq 398, Sri Lanka 76, Cuba 48, then Other (3): Guinea 9 + Nigeria 2 + Egypt 1 = 12; 534 in all.
        XCTAssertTrue(html.contains(
            "Iraq: 398 (male: 272, female: 126); Sri Lanka: 76 (male: 50, female: 26); Cuba: 48 (male: 30, female: 18); "
                + "Other (3): 12 (male: 10, female: 2); Total: 534."), html)
        let values = try XCTUnwrap(html.matches(of: /<text class="value"[^>]*>([0-9,]+)<\/text>/).map { Int($0.1.replacing(",", with: ""))! })
        XCTAssertEqual(values, [398, 76, 48, 12])
        XCTAssertEqual(values.reduce(0, +), 534)
        // One "Other" is never a single row: top 5 of 6 shows all six.
        let five = try render(chart("type: bar\ntable: avrr\nrows: country\ntop: 5\ntitle: AVRR"))
        XCTAssertFalse(five.contains("Other"), five)
    }

    func testAxisTicksAreRoundNumbers() {
        func ticks(_ values: [Double]) -> [String] { ChartScale(values: values).ticks.map(\.description) }
        XCTAssertEqual(ticks([902, 31176, 244]), ["0", "10000", "20000", "30000", "40000"])
        XCTAssertEqual(ticks([398, 48]), ["0", "100", "200", "300", "400"])
        XCTAssertEqual(ticks([7]), ["0", "2", "4", "6", "8"])
        XCTAssertEqual(ticks([-15, 30]), ["-20", "0", "20", "40"])
        XCTAssertEqual(ticks([0.3]), ["0", "1/10", "1/5", "3/10"])
        XCTAssertEqual(ticks([0.004]), ["0", "1/100"], "no step finer than the two decimals a label prints")
        XCTAssertEqual(ticks([]), ["0", "1"])
        XCTAssertFalse(ticks([Double(Int.max)]).isEmpty)
    }

    func testNumbersAreWrittenInTheSeriesLocale() throws {
        let yaml = "type: bar\ntable: arrivals\nrows: nationality\nshare: true\ntitle: Arrivals"
        let english = try render(chart(yaml))
        XCTAssertTrue(english.contains(">31,176 (96.5%)</text>"), english)
        XCTAssertTrue(english.contains(">30,000</text>"), english)
        XCTAssertTrue(english.contains("Total: 32,322."), english)
        let russian = try render(chart(yaml), style: "ru")
        XCTAssertTrue(russian.contains(">31\u{00A0}176 (96,5\u{00A0}%)</text>"), russian)
        XCTAssertTrue(russian.contains("Всего: 32\u{00A0}322."), russian)
    }

    func testAChartIsAnImageWithATitleAndADescription() throws {
        let html = try render(chart("type: bar\ntable: arrivals\nrows: nationality\ntitle: Arrivals")
                              + chart("type: line\nfigure: x\ntitle: X over time"))
        XCTAssertTrue(html.contains("<figure class=\"sitrep-chart sitrep-chart-bar\">\n<figcaption>Arrivals</figcaption>\n"), html)
        XCTAssertTrue(html.contains("viewBox=\"0 0 400 "), html)
        XCTAssertTrue(html.contains("role=\"img\" aria-labelledby=\"sitrep-chart-1-title\" aria-describedby=\"sitrep-chart-1-desc\""), html)
        XCTAssertTrue(html.contains("<title id=\"sitrep-chart-1-title\">Arrivals</title>"), html)
        XCTAssertTrue(html.contains("<desc id=\"sitrep-chart-1-desc\">Ukraine: 31,176; Belarus: 902; Third countries: 244; Total: 32,322.</desc>"), html)
        XCTAssertTrue(html.contains("<title id=\"sitrep-chart-2-title\">X over time</title>"), html)
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org/2000/svg\""), html)
    }

    func testValuesFromDataAreEscapedInLabelsAndDescriptions() throws {
        let hostile = try table("t", "country,count\n\"<script>alert(\"\"x\"\")</script> & 'y'\",5\nIraq,3\n")
        let html = try render(chart("type: bar\ntable: t\nrows: country\ntitle: \"<b>T</b> & 'q'\""), tables: [hostile])
        XCTAssertFalse(html.contains("<script>"), html)
        XCTAssertFalse(html.contains("<b>"), html)
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"), html)
        XCTAssertTrue(html.contains("<figcaption>&lt;b&gt;T&lt;/b&gt; &amp; &#39;q&#39;</figcaption>"), html)
        XCTAssertTrue(html.contains("<title id=\"sitrep-chart-1-title\">&lt;b&gt;T&lt;/b&gt; &amp; &#39;q&#39;</title>"), html)
    }

    func testLongLabelsWrapAndTheLongestAreCutWithTheFullNameAsATooltip() throws {
        let long = "Democratic Republic of the Congo and a great many other places named at length here"
        let endless = String(repeating: "Averyveryverylongname", count: 8)
        let data = try table("t", "country,count\n\(long),5\n\(endless),3\nIraq,2\n")
        let html = try render(chart("type: bar\ntable: t\nrows: country\ntitle: T"), tables: [data])
        XCTAssertTrue(html.contains(">Democratic Republic of the Congo and a great many other</text>"), html)
        XCTAssertTrue(html.contains(">places named at length here</text>"), html)
        XCTAssertTrue(html.contains("<title>\(endless)</title>Averyvery"), html)
        XCTAssertTrue(html.contains("…</text>"), html)
        for line in ChartText.lines(long + " " + endless, width: 400, fontSize: 13, maxLines: 2).lines {
            XCTAssertLessThanOrEqual(ChartText.width(line, fontSize: 13), 400, line)
        }
    }

    func testALineFollowsTheFigureOverThePeriodsUpToThisReport() throws {
        var history = FigureHistory(tracking: ["x"])
        let days = [(2, 24, 5, 12), (5, 13, 5, 26), (5, 27, 6, 9), (6, 10, 6, 23)]
        for ((startMonth, startDay, endMonth, endDay), value) in zip(days, [27806, 30011, 32322, 45678]) {
            history.record(FigureHistory.Period(start: Day(year: 2022, month: startMonth, day: startDay)!,
                                                end: Day(year: 2022, month: endMonth, day: endDay)!, label: "to \(endDay)"),
                           figures: try figures(["x": value]))
        }
        let html = try render(chart("type: line\nfigure: x\nunit: people\ntitle: X"), history: history.through(2))
        XCTAssertTrue(html.contains("to 12: 27,806 people; to 26: 30,011 people; to 9: 32,322 people.</desc>"), html)
        XCTAssertFalse(html.contains("45,678"), "a later period is not shown")
        XCTAssertEqual(html.components(separatedBy: "<circle ").count - 1, 3)
        XCTAssertTrue(html.contains(">12 May 2022</text>") && html.contains(">9 June 2022</text>"), html)
        let columns = try render(chart("type: column\nfigure: x\ntitle: X"), history: history.through(3))
        XCTAssertEqual(columns.components(separatedBy: "<rect class=\"bar s1\"").count - 1, 4)
        XCTAssertThrowsError(try render(chart("type: line\nfigure: y\ntitle: Y"), history: history)) { error in
            XCTAssertTrue("\(error)".contains("no figure is called 'y'"), "\(error)")
        }
    }

    // MARK: Right to left

    /// The attributes of the elements that start with `element` (e.g. `<text class="tick"`), in order.
    private func tags(_ element: String, in html: String) -> [Substring] {
        html.components(separatedBy: element).dropFirst().map { $0.prefix { $0 != ">" } }
    }

    /// The numbers of `attribute` in the elements that start with `element`, in order.
    private func numbers(_ attribute: String, of element: String, in html: String) -> [Double] {
        tags(element, in: html).compactMap { tag in
            guard let range = tag.range(of: " \(attribute)=\"") else { return nil }
            return Double(tag[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func testABarChartInArabicIsMirroredWithItsBarsAndLabelsAtTheRight() throws {
        let yaml = "type: bar\ntable: arrivals\nrows: nationality\nshare: true\nunit: people\ntitle: Arrivals"
        let arabic = try render(chart(yaml), style: "ar")
        let (xs, widths) = (numbers("x", of: "<rect class=\"bar s1\"", in: arabic), numbers("width", of: "<rect class=\"bar s1\"", in: arabic))
        XCTAssertEqual(xs.count, 3)
        for (x, width) in zip(xs, widths) { XCTAssertEqual(x + width, 400, accuracy: 0.1, "every bar ends at the right edge") }
        XCTAssertEqual(widths, widths.sorted(by: >), "largest first")
        // Labels end at the right edge, and are set right to left.
        let labels = tags("<text class=\"label\"", in: arabic)
        XCTAssertEqual(labels.count, 3)
        XCTAssertTrue(labels.allSatisfy { $0.contains(" x=\"400\"") && $0.contains("text-anchor=\"end\"") }, arabic)
        XCTAssertTrue(arabic.contains(">&#x2067;Ukraine&#x2069;</text>"), arabic)
        // Each value ends left of its bar's left end.
        let values = tags("<text class=\"value\"", in: arabic)
        XCTAssertTrue(values.allSatisfy { $0.contains("text-anchor=\"end\"") }, arabic)
        for (value, x) in zip(numbers("x", of: "<text class=\"value\"", in: arabic), xs) { XCTAssertEqual(value, x - 4, accuracy: 0.1) }
        XCTAssertTrue(arabic.contains(">&#x2067;31\u{00A0}176 (96.5%)&#x2069;</text>"), arabic)
        // The axis's numbers grow to the left from its start at the right edge; the unit begins at its far end.
        let ticks = numbers("x", of: "<text class=\"tick\"", in: arabic)
        XCTAssertGreaterThan(ticks.count, 2)
        XCTAssertEqual(ticks, ticks.sorted(by: >), "ticks run right to left")
        XCTAssertEqual(numbers("x1", of: "<line class=\"axis\"", in: arabic).first, 400)
        XCTAssertEqual(numbers("x", of: "<text class=\"unit\"", in: arabic), [numbers("x2", of: "<line class=\"axis\"", in: arabic)[0]])
        XCTAssertFalse(tags("<text class=\"unit\"", in: arabic)[0].contains("text-anchor"), arabic)
        // The English chart is not touched.
        let english = try render(chart(yaml))
        XCTAssertEqual(Set(numbers("x", of: "<rect class=\"bar s1\"", in: english)), [0])
        let englishTicks = numbers("x", of: "<text class=\"tick\"", in: english)
        XCTAssertEqual(englishTicks, englishTicks.sorted(), "English ticks run left to right")
        XCTAssertFalse(english.contains("&#x2067;"), english)
    }

    func testAStackedChartInArabicSplitsFromTheRightWithItsLegendInRightToLeftOrder() throws {
        let arabic = try render(chart("type: stacked\ntable: avrr\nrows: country\nsplit: sex\ntitle: AVRR"), style: "ar")
        let swatches = numbers("x", of: "<rect class=\"swatch", in: arabic)
        XCTAssertEqual(swatches.count, 2)
        XCTAssertEqual(swatches[0], 390, "the first legend item is at the right edge")
        XCTAssertLessThan(swatches[1], swatches[0], "the second stands left of the first")
        XCTAssertEqual(numbers("x", of: "<text class=\"legend\"", in: arabic).first, 386, "a name ends left of its swatch")
        XCTAssertTrue(tags("<text class=\"legend\"", in: arabic).allSatisfy { $0.contains("text-anchor=\"end\"") }, arabic)
        // Iraq's first part (male) ends at the right edge, its second (female) ends where the first begins.
        let (first, second) = (numbers("x", of: "<rect class=\"bar s1\"", in: arabic), numbers("x", of: "<rect class=\"bar s2\"", in: arabic))
        let (firstWidth, secondWidth) = (numbers("width", of: "<rect class=\"bar s1\"", in: arabic), numbers("width", of: "<rect class=\"bar s2\"", in: arabic))
        XCTAssertEqual(first[0] + firstWidth[0], 400, accuracy: 0.1)
        XCTAssertEqual(second[0] + secondWidth[0], first[0], accuracy: 0.1)
    }

    func testALineChartInArabicKeepsTimeLeftToRightWithItsTextSetRightToLeft() throws {
        var history = FigureHistory(tracking: ["x"])
        for (month, value) in zip(4...6, [27806, 30011, 32322]) {
            let start = Day(year: 2022, month: month, day: 1)!
            history.record(FigureHistory.Period(start: start, end: start.endOfMonth, label: "\(month)"), figures: try figures(["x": value]))
        }
        let arabic = try render(chart("type: line\nfigure: x\nunit: people\ntitle: X"), style: "ar", history: history)
        let english = try render(chart("type: line\nfigure: x\nunit: people\ntitle: X"), history: history)
        let points = numbers("cx", of: "<circle", in: arabic)
        XCTAssertEqual(points.count, 3)
        XCTAssertEqual(points, points.sorted(), "the earliest period is at the left")
        XCTAssertEqual(numbers("cx", of: "<circle", in: english).sorted(), numbers("cx", of: "<circle", in: english))
        // Text keeps its English place and anchor, set right to left.
        XCTAssertTrue(arabic.contains("<text class=\"unit\" x=\"0\" y=\"12\" font-size=\"11\">&#x2067;people&#x2069;</text>"), arabic)
        XCTAssertTrue(english.contains("<text class=\"unit\" x=\"0\" y=\"12\" font-size=\"11\">people</text>"), english)
        let anchoredAtEnd = { (html: String) in self.tags("<text class=\"tick\"", in: html).filter { $0.contains("text-anchor=\"end\"") }.count }
        XCTAssertEqual(anchoredAtEnd(arabic), anchoredAtEnd(english))
        XCTAssertGreaterThan(anchoredAtEnd(arabic), 2, "the value axis's numbers end at the axis")
    }

    func testATrendInArabicRunsLeftToRightAsInEnglish() {
        let points = [TrendChart.Point(label: "a", value: Rational(3)), TrendChart.Point(label: "b", value: Rational(5)),
                      TrendChart.Point(label: "c", value: Rational(4))]
        let arabic = TrendChart(title: "T", points: points, style: LocaleStyle.named("ar")!).html(id: "t")
        XCTAssertEqual(arabic, TrendChart(title: "T", points: points, style: LocaleStyle.named("en")!).html(id: "t"))
        XCTAssertTrue(arabic.contains("<path class=\"line s1\" d=\"M4 32 L80 4 L156 18\""), arabic)
    }

    func testTheFiguresChartsFollowAreFoundBeforeTheSeriesIsRead() {
        let narrative = """
            Text with a `sitrep-chart` block, and sitrep-chart at a line's end: sitrep-chart

            ```sitrep-chart
            type: line
            figure: arrivals.total
            ```

            ~~~~ sitrep-chart
            type: column\r
            figure: assessments.total\r
            ~~~~\r

            ```sitrep-chart
            type: bar
            table: avrr
            rows: country
            ```

            ```yaml
            type: line
            figure: not.a.chart
            ```
            """
        XCTAssertEqual(ChartBlock.seriesFigures(in: narrative), ["arrivals.total", "assessments.total"])
        XCTAssertEqual(ChartBlock.seriesFigures(in: "No charts."), [])
    }
}
