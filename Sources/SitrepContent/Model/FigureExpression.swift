import SitrepDiagnostics

/// A formula over figures, as `computed:` in `series.yml` writes it:
/// `arrivals.total - arrivals.nationality.Ukraine`, `round(avrr.sex.female / avrr.total * 100, 1)`.
/// Each part keeps where it was written, so that a figure missing from a report or a division by
/// 0 is reported at the name or the operator.
public struct FigureExpression: Sendable {
    /// The four operations.
    public enum Operator: Sendable {
        case add, subtract, multiply, divide
    }

    public indirect enum Kind: Sendable {
        /// A number written in the formula: `100`, `0.5`.
        case number(Rational)
        /// A figure's name: `arrivals.total`.
        case figure(String)
        /// `-x`.
        case negated(FigureExpression)
        /// `a + b`, `a - b`, `a * b`, `a / b`.
        case binary(Operator, FigureExpression, FigureExpression)
        /// `round(x)`, `round(x, 1)`: to `decimals` decimals, half away from zero.
        case rounded(FigureExpression, decimals: Int)
    }

    public var kind: Kind
    /// Where the part is: a name or number where it starts, an operation at its operator, a
    /// rounding at `round`.
    public var location: SourceLocation
    /// The part as written, for messages: `arrivals.nationality.Ukraine`, `(a - b)`.
    public var text: String

    public init(_ kind: Kind, at location: SourceLocation, text: String) {
        self.kind = kind
        self.location = location
        self.text = text
    }

    /// The names of the figures the formula uses, each with where it is, in the order written.
    public var figures: [(name: String, location: SourceLocation)] {
        switch kind {
        case .number: return []
        case .figure(let name): return [(name, location)]
        case .negated(let operand), .rounded(let operand, _): return operand.figures
        case .binary(_, let left, let right): return left.figures + right.figures
        }
    }

    /// True when the formula only adds and subtracts figures: then it is a count like its terms,
    /// which can run over periods (`.cumulative`, `.period`). Numbers, products, quotients and
    /// roundings make something else (a rate, an average) that cannot.
    public var isSumOfFigures: Bool {
        switch kind {
        case .figure: return true
        case .number, .rounded: return false
        case .negated(let operand): return operand.isSumOfFigures
        case .binary(let operation, let left, let right):
            return (operation == .add || operation == .subtract) && left.isSumOfFigures && right.isSumOfFigures
        }
    }
}
