import XCTest

@testable import SitrepContent
@testable import SitrepFigures

/// The name index finds every figure by its name as `[String: Int]` did: canonically equivalent
/// spellings are one name, parts of longer names are looked up by their bytes, and the table
/// grows without losing a name.
final class FigureNameIndexTests: XCTestCase {
    private func figures(_ names: [String]) -> [Figure] {
        names.map { Figure(name: $0, value: .number(Rational(1)), origin: .report) }
    }

    private func index(of figures: [Figure]) -> FigureNameIndex {
        var index = FigureNameIndex()
        for position in figures.indices {
            guard case .vacant(let slot, let hash) = index.probe(figures[position].name, in: figures) else {
                XCTFail("\(figures[position].name) found before it was added")
                continue
            }
            index.insert((slot, hash), at: position)
        }
        return index
    }

    func testEveryNameIsFoundAtItsPositionAfterTheTableGrew() {
        let names = (0..<3000).map { "arrivals.nationality.Country \($0)" } + ["", "a", "arrivals.total", "Côte d'Ivoire", "İstanbul"]
        let all = figures(names)
        let index = index(of: all)
        XCTAssertEqual(index.count, names.count)
        for (position, name) in names.enumerated() {
            XCTAssertEqual(index.position(of: name, in: all), position, name)
        }
        for missing in ["arrivals.nationality.Country 3000", "arrivals.nationality.Country", "arrivals.total ", "b"] {
            XCTAssertNil(index.position(of: missing, in: all), missing)
        }
        if case .found(let position) = index.probe("arrivals.total", in: all) {
            XCTAssertEqual(position, names.firstIndex(of: "arrivals.total"))
        } else {
            XCTFail("a name added is found by a probe")
        }
    }

    func testCanonicallyEquivalentSpellingsAreOneName() {
        // Precomposed ô and o followed by a combining circumflex; the Kelvin sign and K.
        let all = figures(["arrivals.nationality.C\u{F4}te d'Ivoire", "temperature.\u{212A}"])
        let index = index(of: all)
        XCTAssertEqual(index.position(of: "arrivals.nationality.Co\u{302}te d'Ivoire", in: all), 0)
        XCTAssertEqual(index.position(of: "temperature.K", in: all), 1)
        Array("temperature.K".utf8).withUnsafeBufferPointer { bytes in
            XCTAssertEqual(index.position(ofNameBytes: bytes, in: all), 1)
        }
    }

    func testAPartOfALongerNameIsFoundByItsBytes() {
        let all = figures(["arrivals.nationality.Syria", "arrivals.nationality.Côte d'Ivoire"])
        let index = index(of: all)
        for (position, name) in ["arrivals.nationality.Syria.share", "arrivals.nationality.Côte d'Ivoire.rank"].enumerated() {
            let suffix = name.hasSuffix(".share") ? 6 : 5
            Array(name.utf8).withUnsafeBufferPointer { bytes in
                XCTAssertEqual(index.position(ofNameBytes: UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - suffix)]), in: all), position)
                XCTAssertNil(index.position(ofNameBytes: UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - suffix - 1)]), in: all))
            }
        }
    }

    func testTheHashOfASCIIBytesIsTheHashOfTheSameBytesOneAtATime() {
        let text = Array("arrivals.nationality.Syrian Arab Republic.share".utf8)
        for length in 0...text.count {
            var streaming = FigureNameIndex.StreamingHash()
            for byte in text[..<length] { streaming.add(byte) }
            let whole = text[..<length].withUnsafeBufferPointer { FigureNameIndex.asciiHash($0) }
            XCTAssertEqual(whole, streaming.finish(), "\(length) bytes")
            XCTAssertEqual(FigureNameIndex.hash(String(decoding: text[..<length], as: UTF8.self)), streaming.finish())
        }
        XCTAssertNil(Array("Côte".utf8).withUnsafeBufferPointer { FigureNameIndex.asciiHash($0) })
    }

    func testASetFindsAFigureByAnEquivalentSpellingOfItsName() {
        var set = FigureSet()
        set.add("arrivals.nationality.C\u{F4}te d'Ivoire", .number(Rational(12)), origin: .report)
        XCTAssertEqual(set["arrivals.nationality.Co\u{302}te d'Ivoire"]?.value.number, Rational(12))
        let clash = set.add("arrivals.nationality.Co\u{302}te d'Ivoire", .number(Rational(3)), origin: .report)
        XCTAssertEqual(clash?.value.number, Rational(12), "an equivalent spelling is the same name: the figure already there is returned")
    }
}
