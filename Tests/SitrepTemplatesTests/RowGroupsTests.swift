import SitrepContent
import XCTest

@testable import SitrepTemplates

/// The grouping a table block and a bar chart share: groups in the order asked, crossed with a
/// second dimension, the groups past `top` summed as one "Other", never an "Other" of one.
final class RowGroupsTests: XCTestCase {
    private let table = Table(name: "avrr", file: "r/avrr.csv", dimensions: ["country", "sex"], rows: [
        Table.Row(keys: ["Iraq", "male"], value: 5, position: 2), Table.Row(keys: ["Cuba", "female"], value: 3, position: 3),
        Table.Row(keys: ["Iraq", "female"], value: 6, position: 4), Table.Row(keys: ["Peru", "male"], value: 2, position: 5),
        Table.Row(keys: ["Chad", "male"], value: 1, position: 6),
    ])

    func testTheGroupsPastTopAreOneOtherButNeverAnOtherOfOne() throws {
        let ranked = try RowGroups(table, rows: 0, columns: 1, top: 2, order: \.rankedPositions)
        XCTAssertEqual(ranked.groups.map(\.key), ["Iraq", "Cuba", "Peru", "Chad"])
        XCTAssertEqual(ranked.columnKeys, ["male", "female"])
        XCTAssertEqual(ranked.cells, [[5, 6], [0, 3], [2, 0], [1, 0]])
        XCTAssertEqual(ranked.shown, [0, 1])
        XCTAssertEqual(ranked.rest, [2, 3])
        XCTAssertEqual(ranked.restTotal, 3)
        XCTAssertEqual(ranked.columnSums(ranked.rest), [3, 0])
        XCTAssertEqual(ranked.restLabel(try XCTUnwrap(LocaleStyle.named("en"))), "Other (2)")

        let nearlyAll = try RowGroups(table, rows: 0, columns: nil, top: 3, order: \.rankedPositions)
        XCTAssertEqual(nearlyAll.shown, [0, 1, 2, 3], "an Other of one row says no more than the row")
        XCTAssertEqual(nearlyAll.rest, [])
        XCTAssertEqual(nearlyAll.cells, [[], [], [], []])
        XCTAssertEqual(nearlyAll.columnSums(nearlyAll.shown), [])

        let inFileOrder = try RowGroups(table, rows: 0, columns: nil, top: nil) { Array($0.groups.indices) }
        XCTAssertEqual(inFileOrder.shown, [0, 1, 2, 3])
    }
}
