import Foundation
import SitrepLayout
import XCTest

/// Prints what rendering the default report layout costs, per page, from data built beforehand,
/// and what parsing and compiling it costs. It measures and prints; it fails only if the page is
/// not the one swift-mustache rendered (`Expected/`). `bench/layout` runs it in release mode;
/// `LAYOUT_BENCH_PAGES` sets the number of pages. (swift-mustache, which sitrep used before,
/// took 1.56 M instructions for this page; LayoutPlan 91 k.)
final class LayoutSpeedTests: XCTestCase {
    func testPrintsTheCostOfAReportPage() throws {
        let pages = ProcessInfo.processInfo.environment["LAYOUT_BENCH_PAGES"].flatMap(Int.init) ?? 50
        let sources = try DefaultLayoutTests.sources()
        let schema = SitePageTypes.report
        let plan = try DefaultLayoutTests.plan(sources, layout: "report", schema: schema)
        let value = SamplePages.reportPage.value(as: .object(schema))
        let expected = try String(contentsOf: DefaultLayoutTests.expectedFile(0, layout: "report", exampleFooter: false), encoding: .utf8)
        XCTAssertEqual(plan.render(value), expected)

        var bytes = 0
        let compiled = Self.seconds {
            for _ in 0..<pages { bytes &+= plan.renderUTF8(value).count }
        }
        let loading = Self.seconds {
            for _ in 0..<pages { _ = try? DefaultLayoutTests.plan(sources, layout: "report", schema: schema) }
        }
        print(String(format: "layout bench: %d report pages: LayoutPlan %.1f µs/page; "
                        + "parsing and compiling the report layout with its partials %.1f µs (%d bytes rendered)",
                     pages, compiled / Double(pages) * 1e6, loading / Double(pages) * 1e6, bytes))
    }

    static func seconds(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
