import SitrepDiagnostics
import SitrepLayout
import XCTest

/// The Mustache specification's cases (MustacheSpecCases.swift) through the same parse,
/// compile and render path as sitrep's layouts, with a type derived from each case's data.
final class MustacheSpecTests: XCTestCase {
    struct SpecCase {
        var file: String
        var name: String
        var template: String
        var data: TestData
        var partials: [String: String]
        var expected: String
    }

    /// Cases the typed model refuses at load time, where dynamic Mustache renders nothing or
    /// renders always: a name that is not a field of the data, a section over text or an
    /// inverted section over an object that are always there, a partial including itself.
    static let refused: [String: String] = [
        "interpolation: Basic Context Miss Interpolation": "no field 'cannot'",
        "interpolation: Triple Mustache Context Miss Interpolation": "no field 'cannot'",
        "interpolation: Ampersand Context Miss Interpolation": "no field 'cannot'",
        "interpolation: Dotted Names - Broken Chains": "no field 'a.b.c'",
        "interpolation: Dotted Names - Broken Chain Resolution": "no field 'a.b.c.name'",
        "interpolation: Dotted Names - Context Precedence": "no field 'b.c'",
        "interpolation: Dotted Names are never single keys": "no field 'a.b'",
        "sections: Dotted Names - Broken Chains": "no field 'a.b.c'",
        "inverted: Dotted Names - Broken Chains": "no field 'a.b.c'",
        "sections: Context Misses": "no field 'missing'",
        "inverted: Context Misses": "no field 'missing'",
        "sections: Variable test": "{{#foo}} always renders: 'foo' is HTML that is always there",
        "sections: Deeply Nested Contexts": "{{#five}} always renders",
        "inverted: Context": "{{^context}} never renders: 'context' is an object that is always there",
        "partials: Failed Lookup": "there is no partial 'text'",
        "partials: Recursion": "the partial 'node' includes itself",
    ]

    func testEveryCaseRendersAsTheSpecificationSays() throws {
        XCTAssertEqual(Self.cases.count, 136)
        for spec in Self.cases {
            let label = "\(spec.file): \(spec.name)"
            do {
                let plan = try Self.plan(spec)
                if let refusal = Self.refused[label] {
                    XCTFail("\(label): rendered, but the typed model should refuse it (\(refusal))")
                    continue
                }
                XCTAssertEqual(plan.render(spec.data.value(as: spec.data.derivedType)), spec.expected, label)
            } catch {
                guard let refusal = Self.refused[label] else {
                    XCTFail("\(label): \(error)")
                    continue
                }
                XCTAssertTrue(error.description.contains(refusal), "\(label): \(error)")
            }
        }
    }

    static func plan(_ spec: SpecCase) throws(DiagnosticError) -> LayoutPlan {
        var templates = ["test": try LayoutTemplate(spec.template, file: "test.mustache")]
        for (name, text) in spec.partials { templates[name] = try LayoutTemplate(text, file: "\(name).mustache") }
        return try LayoutPlan(layout: "test", templates: templates, data: spec.data.derivedType)
    }
}
