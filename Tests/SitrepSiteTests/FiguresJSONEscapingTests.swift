import XCTest

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
}
