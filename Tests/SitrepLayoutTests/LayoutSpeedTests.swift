import Foundation
import Mustache
import SitrepLayout
import XCTest

/// Prints what rendering the default report layout costs, per page, with swift-mustache and
/// with `LayoutPlan`, from data built beforehand (a `[String: Any]` context for one, a
/// `LayoutValue` for the other). It measures and prints; it fails only if the two differ.
/// `bench/layout` runs it in release mode; `LAYOUT_BENCH_PAGES` sets the number of pages.
final class LayoutSpeedTests: XCTestCase {
    func testPrintsTheCostOfAReportPage() throws {
        let pages = ProcessInfo.processInfo.environment["LAYOUT_BENCH_PAGES"].flatMap(Int.init) ?? 50
        let sources = try DefaultLayoutTests.sources()
        let data = SamplePages.reportPage
        let schema = SitePageTypes.report

        let plan = try DefaultLayoutTests.plan(sources, layout: "report", schema: schema)
        let value = data.value(as: .object(schema))
        _ = DefaultLayoutTests.ScalarEscaping.registered
        var library = MustacheLibrary()
        for (name, text) in sources {
            library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: \(DefaultLayoutTests.ScalarEscaping.name)}}\n" + text), named: name)
        }
        let context = data.any
        XCTAssertEqual(plan.render(value), library.render(context, withTemplate: "report"))

        var bytes = 0
        let mustache = Self.seconds {
            for _ in 0..<pages { bytes &+= library.render(context, withTemplate: "report")?.utf8.count ?? 0 }
        }
        let compiled = Self.seconds {
            for _ in 0..<pages { bytes &+= plan.renderUTF8(value).count }
        }
        let loading = Self.seconds {
            for _ in 0..<pages { _ = try? DefaultLayoutTests.plan(sources, layout: "report", schema: schema) }
        }
        print(String(format: "layout bench: %d report pages: swift-mustache %.1f µs/page, LayoutPlan %.1f µs/page (%.1fx); "
                        + "parsing and compiling the report layout with its partials %.1f µs (%d bytes rendered)",
                     pages, mustache / Double(pages) * 1e6, compiled / Double(pages) * 1e6, mustache / compiled,
                     loading / Double(pages) * 1e6, bytes))
    }

    static func seconds(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
