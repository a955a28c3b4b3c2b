import XCTest

import SitrepContent
@testable import SitrepSite

/// figures.json's strings: each character that JSON or an HTML page inlining the file needs
/// escaped, at every position of a short and a longer string; everything else as it is.
final class FiguresJSONEscapingTests: XCTestCase {
    private func quoted(_ text: String) -> String {
        var writer = ByteWriter(capacity: 1)
        FiguresJSON.quote(text, into: &writer)
        return String(decoding: writer.bytes(), as: UTF8.self)
    }

    func testEverySpecialCharacterIsEscapedAtEveryPosition() {
        let escapes: [(Character, String)] = [
            ("\"", "\\\""), ("\\", "\\\\"), ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\n", "\\n"),
            ("\t", "\\t"), ("\r", "\\r"), ("\u{01}", "\\u0001"), ("\u{1F}", "\\u001f"), ("\u{2028}", "\\u2028"), ("\u{2029}", "\\u2029"),
        ]
        for (character, escaped) in escapes {
            for length in [1, 7, 8, 9, 17] {
                for position in 0..<length {
                    var text = Array(repeating: Character("a"), count: length)
                    text[position] = character
                    var expected = text.map(String.init)
                    expected[position] = escaped
                    XCTAssertEqual(quoted(String(text)), "\"" + expected.joined() + "\"", "\(escaped) at \(position) of \(length)")
                }
            }
        }
    }

    func testPlainTextIsCopiedAsItIs() {
        for text in ["", "a", "arrivals.nationality.Ukraine.share", "Гомельская область", "Côte d'Ivoire", "€ 5 ‒ 7 ‧", " ~!#$%'()*+,-./:;=?@[]^_`{|}"] {
            XCTAssertEqual(quoted(text), "\"\(text)\"")
        }
    }

    /// A name is written sharing the plain bytes it starts with with the previous one, and a
    /// top N list is copied out of its column's keys: the same text as each quoted on its own.
    func testNamesAndListsWrittenFromEarlierOnesAreEscapedAsOnTheirOwn() {
        let stems = ["a<b.x", "a<b.y", "a<b", "a", "a.b.c\u{2028}", "a.b.c\u{2028}d", "a.b.c", "a.b.c\u{2029}",
                     "arrivals.nationality.Côte d'Ivoire", "arrivals.nationality.Côte d'Ivoire.share", "arrivals.nationality.C&te", "", "x"]
        var listing = FiguresJSON.Listing(json: ByteWriter(capacity: 1))
        var expected = ""
        for (position, stem) in stems.enumerated() {
            listing.figure(stem, ".rank", .number(Rational(position)))
            expected += (position == 0 ? "\n    " : ",\n    ") + quoted(stem + ".rank") + ": \(position)"
        }
        for column in ["t.<d>", "t.d"] {
            listing.topGroups(column, keys: ["x", "y<", "z"])
            listing.topList(1, "", 0..<1)
            listing.topFigure(1, ".total", .number(Rational(5)))
            listing.topList(1, ".other.list", 1..<3)
            listing.topList(2, "", 0..<2)
            expected += ",\n    " + quoted(column + ".top1") + ": [\"x\"]"
                + ",\n    " + quoted(column + ".top1.total") + ": 5"
                + ",\n    " + quoted(column + ".top1.other.list") + ": [\"y\\u003c\", \"z\"]"
                + ",\n    " + quoted(column + ".top2") + ": [\"x\", \"y\\u003c\"]"
        }
        let text = String(decoding: listing.finish().bytes(), as: UTF8.self)
        XCTAssertEqual(text, expected)
    }
}
