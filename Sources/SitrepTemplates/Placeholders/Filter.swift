import SitrepContent

/// The filters a placeholder can apply, and what each does to a figure's value.
public enum Filter: String, CaseIterable, Sendable {
    /// A share as a percentage in prose: `percent` → "74.7 per cent", `percent: 0` → "9 per cent".
    case percent
    /// Whole numbers 0–9 in words ("six"), others in digits; `words: feminine` (or `neuter`)
    /// agrees with the noun that follows where the language has genders ("две семьи").
    case words
    /// A list of names: "A, B and C"; `list: serial` → "A, B, and C".
    case list
    /// A date: "9 June 2022"; `date: short` → "9 June"; `date: iso` → "2022-06-09".
    case date
    /// A number with exactly N decimals: `decimals: 1`.
    case decimals

    /// Why a filter cannot apply, in words for the officer.
    struct Failure: Error {
        var message: String
        var hint: String
    }

    /// Renders `value` with this filter and its `argument`.
    func apply(to value: FigureValue, argument: String?, style: LocaleStyle) throws(Failure) -> String {
        switch self {
        case .percent:
            let share = try number(value)
            let decimals = try count(argument, default: 1)
            guard let text = style.formatPercent(share, decimals: decimals, inTable: false) else { throw tooLarge }
            return text
        case .decimals:
            let number = try number(value)
            guard let text = style.format(number, decimals: try count(argument, default: 0)) else { throw tooLarge }
            return text
        case .words:
            let number = try number(value)
            let gender = try gender(argument)
            if number.isWhole, (0...9).contains(number.numerator) { return style.smallNumberWord(number.numerator, gender: gender) }
            return style.format(number)
        case .list:
            let serial: Bool
            switch argument {
            case nil: serial = false
            case "serial": serial = true
            default: throw Failure(message: "list takes no argument or `serial`, not '\(argument!)'",
                                   hint: "write `| list` for \"A, B and C\" or `| list: serial` for \"A, B, and C\"")
            }
            switch value {
            case .list(let items): return style.format(list: items, serialComma: serial)
            case .text(let text): return text
            default: throw mismatch(value, expected: "a list")
            }
        case .date:
            guard case .date(let day) = value else { throw mismatch(value, expected: "a date") }
            switch argument {
            case nil, "long": return style.format(day)
            case "short": return style.format(day, withYear: false)
            case "iso": return day.description
            default: throw Failure(message: "date takes `short`, `long` or `iso`, not '\(argument!)'",
                                   hint: "e.g. {{ period.end | date: short }} gives \"9 June\"")
            }
        }
    }

    private func number(_ value: FigureValue) throws(Failure) -> Rational {
        guard let number = value.number else { throw mismatch(value, expected: "a number") }
        return number
    }

    private func count(_ argument: String?, default value: Int) throws(Failure) -> Int {
        guard let argument else { return value }
        guard let digits = Int(argument), (0...6).contains(digits) else {
            throw Failure(message: "\(rawValue) takes a number of decimals from 0 to 6, not '\(argument)'",
                          hint: "e.g. `| \(rawValue): 1`")
        }
        return digits
    }

    private func gender(_ argument: String?) throws(Failure) -> GrammaticalGender {
        guard let argument else { return .masculine }
        guard let gender = GrammaticalGender(rawValue: argument) else {
            throw Failure(message: "\(rawValue) takes `feminine`, `neuter` or `masculine` (the default), not '\(argument)'",
                          hint: "the argument is the gender of the noun that follows, e.g. {{ x | words: feminine }} familles")
        }
        return gender
    }

    private func mismatch(_ value: FigureValue, expected: String) -> Failure {
        Failure(message: "the \(rawValue) filter needs \(expected), but this figure is \(value.kindName)",
                hint: "remove the filter, or use a figure that is \(expected)")
    }

    private var tooLarge: Failure {
        Failure(message: "this number is too large to format", hint: "check the data for extra digits")
    }
}
