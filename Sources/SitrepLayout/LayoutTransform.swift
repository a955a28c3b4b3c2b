/// The swift-mustache transforms a layout may apply to a list: `{{^empty(report.notes)}}`,
/// `{{#last(breadcrumbs)}}`, `{{count(reports)}}`, `{{#reversed(reports)}}`. swift-mustache's
/// other transforms (on text, numbers and dictionaries) are refused when a layout is loaded.
enum LayoutTransform: String, CaseIterable, Sendable {
    /// True when the list has no items: `{{^empty(x)}}` renders once when it has some.
    case empty
    /// The first item, absent when there is none.
    case first
    /// The last item, absent when there is none.
    case last
    /// The number of items, as text.
    case count
    /// The items in reverse order.
    case reversed

    /// What the transform gives for a list of `element`.
    func type(forListOf element: LayoutType) -> LayoutType {
        switch self {
        case .empty: .flag
        case .first, .last: .optional(element)
        case .count: .text
        case .reversed: .list(element)
        }
    }

    /// The transform applied to a list's items.
    func apply(to items: [LayoutValue]) -> LayoutValue {
        switch self {
        case .empty: .flag(items.isEmpty)
        case .first: items.first ?? .absent
        case .last: items.last ?? .absent
        case .count: .text(String(items.count))
        case .reversed: .list(items.reversed())
        }
    }
}

/// swift-mustache's tests of the position in the list being iterated, written with empty
/// brackets: `{{^last()}}, {{/last()}}` puts a comma after every item but the last.
enum LayoutPositionTest: String, CaseIterable, Sendable {
    case first, last, odd, even
    /// The position, from 0, as text.
    case index

    var type: LayoutType { self == .index ? .text : .flag }

    /// The test's value for item `index` of `count`.
    func value(index: Int, count: Int) -> LayoutValue {
        switch self {
        case .first: .flag(index == 0)
        case .last: .flag(index == count - 1)
        case .odd: .flag(index % 2 == 1)
        case .even: .flag(index % 2 == 0)
        case .index: .text(String(index))
        }
    }
}
