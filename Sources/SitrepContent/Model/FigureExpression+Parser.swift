import SitrepDiagnostics

extension FigureExpression {
    /// The deepest nesting of parentheses, signs and roundings a formula may have.
    static let maximumDepth = 64
    /// The longest formula, in characters: a formula is computed part by part, recursively.
    static let maximumLength = 1000

    /// Parses a formula whose first character is at `start` (a formula is written on one line:
    /// columns count from there). `what` names the formula in messages: "the formula of 'x'".
    ///
    /// Operators are `+ - * /`, also as typed by word processors: `−` and `–` for minus, `×` and
    /// `·` for times, `÷` for divided by. `*` and `/` bind tighter than `+` and `-`; parentheses
    /// group; `round(x)` and `round(x, n)` round. A name runs to the next operator, parenthesis
    /// or comma, spaces inside it included (`avrr.country.Sri Lanka`); a `-` between two
    /// characters of a name is part of it (`employment.support.Micro-business course`), so a
    /// subtraction has a space before its `-`. A name holding an operator or a parenthesis is
    /// written in double quotes: `"avrr.country.Congo (Kinshasa)"`.
    public static func parse(_ text: String, at start: SourceLocation, what: String) throws(DiagnosticError) -> FigureExpression {
        var parser = FigureExpressionParser(text: text, start: start, what: what)
        return try parser.parseFormula()
    }
}

/// A recursive-descent parser over the tokens of one formula.
struct FigureExpressionParser {
    enum Token: Equatable {
        case number(Rational)
        case name(String)
        case operation(FigureExpression.Operator)
        case open, close, comma, end
    }

    /// A token, the offset of its first character (in Unicode scalars, as columns count) and
    /// its text as written.
    struct Lexeme {
        var token: Token
        var offset: Int
        var text: String
    }

    let scalars: [Unicode.Scalar]
    let start: SourceLocation
    let what: String
    private var lexemes: [Lexeme] = []
    private var next = 0
    private var depth = 0

    init(text: String, start: SourceLocation, what: String) {
        self.scalars = Array(text.unicodeScalars)
        self.start = start
        self.what = what
    }

    mutating func parseFormula() throws(DiagnosticError) -> FigureExpression {
        guard scalars.count <= FigureExpression.maximumLength else {
            throw failure(at: 0, "\(what) is \(scalars.count) characters long; a formula may have \(FigureExpression.maximumLength)",
                          hint: "split it into several computed figures, each naming the one before")
        }
        lexemes = try tokens()
        if lexemes.count == 1 {
            throw failure(at: 0, "\(what) is empty", hint: "write a formula over figures, e.g. arrivals.total - arrivals.nationality.Ukraine")
        }
        let expression = try sum()
        let trailing = lexemes[next]
        switch trailing.token {
        case .end: return expression
        case .close: throw failure(at: trailing.offset, "this ')' closes no '(' in \(what)", hint: "remove it, or add the '(' it closes")
        case .comma: throw commaOutsideRound(trailing)
        case .open:
            throw failure(at: trailing.offset, "'(' follows '\(lexemes[next - 1].text)' without an operator in \(what)",
                          hint: "write an operator before the parenthesis, e.g. 2 * (a + b)")
        default:
            throw failure(at: trailing.offset, "'\(trailing.text)' follows '\(lexemes[next - 1].text)' without an operator in \(what)",
                          hint: "write + - * or / between them")
        }
    }

    // MARK: Grammar

    /// sum := product (('+' | '-') product)*
    private mutating func sum() throws(DiagnosticError) -> FigureExpression {
        try chain(of: [.add, .subtract]) { (parser: inout Self) throws(DiagnosticError) in try parser.product() }
    }

    /// product := unary (('*' | '/') unary)*
    private mutating func product() throws(DiagnosticError) -> FigureExpression {
        try chain(of: [.multiply, .divide]) { (parser: inout Self) throws(DiagnosticError) in try parser.unary() }
    }

    /// Operands joined by `operations`, from left to right.
    private mutating func chain(of operations: [FigureExpression.Operator],
                                _ operand: (inout Self) throws(DiagnosticError) -> FigureExpression) throws(DiagnosticError) -> FigureExpression {
        var left = try operand(&self)
        while case .operation(let operation) = lexemes[next].token, operations.contains(operation) {
            let lexeme = lexemes[next]
            next += 1
            let right = try operand(&self)
            left = FigureExpression(.binary(operation, left, right), at: location(lexeme.offset), text: "\(left.text) \(lexeme.text) \(right.text)")
        }
        return left
    }

    /// unary := ('-' | '+') unary | primary
    private mutating func unary() throws(DiagnosticError) -> FigureExpression {
        let lexeme = lexemes[next]
        guard case .operation(let operation) = lexeme.token, operation == .add || operation == .subtract else { return try primary() }
        next += 1
        let operand = try nested { (parser: inout Self) throws(DiagnosticError) in try parser.unary() }
        if operation == .add { return operand }
        return FigureExpression(.negated(operand), at: location(lexeme.offset), text: "\(lexeme.text)\(operand.text)")
    }

    /// primary := number | name | '(' sum ')' | 'round' '(' sum (',' digits)? ')'
    private mutating func primary() throws(DiagnosticError) -> FigureExpression {
        let lexeme = lexemes[next]
        switch lexeme.token {
        case .number(let value):
            next += 1
            return FigureExpression(.number(value), at: location(lexeme.offset), text: lexeme.text)
        case .name(let name):
            next += 1
            guard lexemes[next].token == .open else {
                return FigureExpression(.figure(name), at: location(lexeme.offset), text: lexeme.text)
            }
            guard name == "round" else {
                throw failure(at: lexeme.offset, "'\(name)' is not a function sitrep knows, in \(what)",
                              hint: "the formula knows round(x) and round(x, decimals); otherwise write an operator before '('")
            }
            return try rounding(at: lexeme)
        case .open:
            next += 1
            let inner = try nested { (parser: inout Self) throws(DiagnosticError) in try parser.sum() }
            try close(openedAt: lexeme)
            return FigureExpression(inner.kind, at: inner.location, text: "(\(inner.text))")
        case .comma:
            throw commaOutsideRound(lexeme)
        case .end:
            throw failure(at: lexeme.offset, "\(what) ends where a figure, a number or '(' should come",
                          hint: "complete the formula, e.g. arrivals.total - arrivals.nationality.Ukraine")
        case .close, .operation:
            throw failure(at: lexeme.offset, "'\(lexeme.text)' where a figure, a number or '(' should come, in \(what)",
                          hint: "write a figure's name or a number before '\(lexeme.text)'")
        }
    }

    /// `round(x)` or `round(x, n)`, after the name `round`.
    private mutating func rounding(at name: Lexeme) throws(DiagnosticError) -> FigureExpression {
        let open = lexemes[next]
        next += 1
        let operand = try nested { (parser: inout Self) throws(DiagnosticError) in try parser.sum() }
        var decimals = 0
        if lexemes[next].token == .comma {
            next += 1
            let argument = lexemes[next]
            guard case .number(let value) = argument.token, value.isWhole, (0...6).contains(value.numerator) else {
                throw failure(at: argument.offset, "round's second argument is the number of decimals, in \(what)",
                              hint: "write a whole number from 0 to 6: round(x, 1) rounds to one decimal")
            }
            decimals = value.numerator
            next += 1
        }
        try close(openedAt: open)
        let text = decimals == 0 ? "round(\(operand.text))" : "round(\(operand.text), \(decimals))"
        return FigureExpression(.rounded(operand, decimals: decimals), at: location(name.offset), text: text)
    }

    private mutating func close(openedAt open: Lexeme) throws(DiagnosticError) {
        guard lexemes[next].token == .close else {
            if lexemes[next].token == .end {
                throw failure(at: open.offset, "this '(' is not closed in \(what)", hint: "add ')' where the group ends")
            }
            throw failure(at: lexemes[next].offset, "'\(lexemes[next].text)' where ')' should close the '(' before it, in \(what)",
                          hint: "write an operator between the parts, or close the parenthesis")
        }
        next += 1
    }

    /// Runs `body` one level deeper, refusing formulas nested deeper than the maximum.
    private mutating func nested(_ body: (inout Self) throws(DiagnosticError) -> FigureExpression) throws(DiagnosticError) -> FigureExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= FigureExpression.maximumDepth else {
            throw failure(at: lexemes[next].offset, "\(what) nests more than \(FigureExpression.maximumDepth) levels deep",
                          hint: "split it into several computed figures")
        }
        return try body(&self)
    }

    private func commaOutsideRound(_ lexeme: Lexeme) -> DiagnosticError {
        failure(at: lexeme.offset, "',' outside round(…) in \(what)",
                hint: "write numbers without thousands separators (1000, not 1,000); a comma only separates round's arguments: round(x, 1)")
    }

    // MARK: Tokens

    private static let quotes: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "\u{201C}": "\u{201D}"]

    private static func operation(_ scalar: Unicode.Scalar) -> FigureExpression.Operator? {
        switch scalar {
        case "+": .add
        case "-", "\u{2212}", "\u{2013}": .subtract
        case "*", "\u{00D7}", "\u{00B7}": .multiply
        case "/", "\u{00F7}": .divide
        default: nil
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{00A0}" || scalar == "\u{202F}"
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !isSpace(scalar) && operation(scalar) == nil && quotes[scalar] == nil
            && scalar != "(" && scalar != ")" && scalar != ","
    }

    private func tokens() throws(DiagnosticError) -> [Lexeme] {
        var found: [Lexeme] = []
        var position = 0
        while position < scalars.count {
            let scalar = scalars[position]
            if Self.isSpace(scalar) {
                position += 1
            } else if let operation = Self.operation(scalar) {
                found.append(Lexeme(token: .operation(operation), offset: position, text: String(scalar)))
                position += 1
            } else if scalar == "(" || scalar == ")" || scalar == "," {
                let token: Token = scalar == "(" ? .open : scalar == ")" ? .close : .comma
                found.append(Lexeme(token: token, offset: position, text: String(scalar)))
                position += 1
            } else if let closing = Self.quotes[scalar] {
                guard let end = scalars[(position + 1)...].firstIndex(of: closing) else {
                    throw failure(at: position, "this quote is not closed in \(what)", hint: "end the name with \(closing)")
                }
                let name = String(String.UnicodeScalarView(scalars[(position + 1)..<end]))
                found.append(Lexeme(token: .name(name), offset: position, text: String(String.UnicodeScalarView(scalars[position...end]))))
                position = end + 1
            } else {
                let end = nameEnd(from: position)
                let text = String(String.UnicodeScalarView(scalars[position..<end]))
                if ("0"..."9").contains(scalar), let value = Rational(decimal: text) {
                    found.append(Lexeme(token: .number(value), offset: position, text: text))
                } else {
                    found.append(Lexeme(token: .name(text), offset: position, text: text))
                }
                position = end
            }
        }
        found.append(Lexeme(token: .end, offset: scalars.count, text: ""))
        return found
    }

    /// Where the name (or number) starting at `position` ends: at the next operator, parenthesis,
    /// comma or quote, spaces before it left out. A `-` with a name character on both sides is
    /// part of a name, not of a number.
    private func nameEnd(from position: Int) -> Int {
        var end = position
        var scan = position
        while scan < scalars.count {
            let scalar = scalars[scan]
            if Self.isNameCharacter(scalar) {
                scan += 1
                end = scan
            } else if Self.isSpace(scalar) {
                scan += 1
            } else if scalar == "-", scan == end, scan + 1 < scalars.count, Self.isNameCharacter(scalars[scan + 1]),
                      !scalars[position..<end].allSatisfy({ ("0"..."9").contains($0) || $0 == "." }) {
                scan += 1
            } else {
                break
            }
        }
        return end
    }

    // MARK: Messages

    private func location(_ offset: Int) -> SourceLocation {
        SourceLocation(file: start.file, line: start.line, column: start.column.map { $0 + offset })
    }

    private func failure(at offset: Int, _ message: String, hint: String) -> DiagnosticError {
        DiagnosticError(Diagnostic(at: location(offset), message, hint: hint))
    }
}
