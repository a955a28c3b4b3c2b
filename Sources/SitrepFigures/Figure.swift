import SitrepContent
import SitrepDiagnostics

/// A named value that placeholders, blocks and layouts can print.
public struct Figure: Sendable {
    /// Where a figure comes from, for messages and for `sitrep figures`.
    public enum Origin: Sendable, Hashable {
        /// Computed from a table (the CSV's path).
        case table(String)
        /// Stated in `figures.yml`.
        case stated(SourceLocation)
        /// Known from the report itself (its dates, its series).
        case report
    }

    public var name: String
    public var value: FigureValue
    public var origin: Origin
}

/// Every figure of one report, by name, in a stable order (tables in file order, then stated figures).
public struct FigureSet: Sendable {
    public private(set) var names: [String] = []
    private var figures: [String: Figure] = [:]

    public init() {}

    /// The figure called `name`.
    public subscript(name: String) -> Figure? { figures[name] }

    /// All figures, in order.
    public var all: [Figure] { names.map { figures[$0]! } }

    public var count: Int { names.count }

    /// Adds a figure; returns the one already there if the name is taken (and adds nothing).
    @discardableResult
    mutating func add(_ name: String, _ value: FigureValue, origin: Figure.Origin) -> Figure? {
        if let existing = figures[name] { return existing }
        names.append(name)
        figures[name] = Figure(name: name, value: value, origin: origin)
        return nil
    }
}
