import SitrepDiagnostics

/// The message for a stated figure written as a number that ``NumberText`` does not read as
/// one: the same texts a CSV table refuses, worded for `figures.yml` and front matter.
enum StatedNumberProblem {
    static let quoteHint = "; if the value is text, put it in quotes"

    static func diagnostic(for reading: NumberText, text: String, name: String, at location: SourceLocation) -> Diagnostic {
        let written = "the figure '\(name)' is written '\(text)'"
        let percent = text.hasSuffix("%") ? "%" : ""
        switch reading {
        case .grouped(let digits, ambiguous: true):
            return Diagnostic(
                at: location, "\(written), which is ambiguous: the separator may group thousands or mark decimals",
                hint: "write \(digits)\(percent) if it means \(digits), without separators; write a decimal with "
                    + "a point and not exactly three decimal places (e.g. \(text.dropLast(percent.count))0)")
        case .grouped(let digits, ambiguous: false):
            return Diagnostic(at: location, "\(written), with thousands separators",
                              hint: "write \(digits)\(percent), without separators" + quoteHint)
        case .decimalSeparators(let plain):
            return Diagnostic(at: location, "\(written), with a decimal comma or thousands separators",
                              hint: "write \(plain)\(percent): a point before the decimals and no separators" + quoteHint)
        case .otherNotation(let plain):
            return Diagnostic(at: location, "\(written), which is not a plain number",
                              hint: "write \(plain)\(percent), with digits only" + quoteHint)
        case .outOfRange:
            return Diagnostic(at: location, "\(written), which is too large",
                              hint: "a figure can be at most \(Int.max); check the value")
        case .tooPrecise:
            return Diagnostic(at: location, "\(written), with more than \(NumberText.maximumDecimals) decimal places",
                              hint: "round the value to \(NumberText.maximumDecimals) decimal places or fewer")
        case .malformed, .number, .empty, .notANumber:
            return Diagnostic(at: location, "\(written), which is not a plain number",
                              hint: "write numbers with digits only and no thousands separators (6000, not 6,000 or 6 000)"
                                  + quoteHint)
        }
    }
}
