/// The value of a figure: what a placeholder can print.
public enum FigureValue: Sendable, Hashable {
    /// A count, a decimal or a share, kept exact.
    case number(Rational)
    case text(String)
    /// Names, in order (e.g. countries of origin, largest first).
    case list([String])
    case date(Day)

    /// The number, if this is one.
    public var number: Rational? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// A word for the kind of value, for error messages.
    public var kindName: String {
        switch self {
        case .number: return "a number"
        case .text: return "text"
        case .list: return "a list"
        case .date: return "a date"
        }
    }

    /// A plain, locale-free rendering for listings and machine-readable output.
    public var plainDescription: String {
        switch self {
        case .number(let value):
            return value.isWhole ? String(value.numerator) : String(value.doubleValue)
        case .text(let text): return text
        case .list(let items): return items.joined(separator: "; ")
        case .date(let day): return day.description
        }
    }
}
