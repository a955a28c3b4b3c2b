/// How numbers, dates and lists are written in one language, in UN/IOM house style:
/// thousands grouped (32,322), "per cent" written out in prose and "%" only in tables,
/// numbers under 10 in words when asked.
public struct LocaleStyle: Sendable {
    public var identifier: String
    public var groupingSeparator: String
    public var decimalSeparator: String
    /// Appended to a percentage in prose ("74.7 per cent").
    public var percentInProse: String
    /// Appended to a percentage in tables ("74.7%").
    public var percentInTables: String
    /// 0 to 9 in words, as they stand before a masculine noun (or in a language without gender).
    public var smallNumberWords: [String]
    /// The words for 0 to 9 that differ before a feminine or neuter noun: French "une", Spanish
    /// "una", Russian "одна", "две", "одно".
    public var genderedNumberWords: [GrammaticalGender: [Int: String]] = [:]
    /// The word before the last item of a list ("and").
    public var listConjunction: String
    /// True where the conjunction is written joined to the word after it (Arabic "و").
    public var conjunctionJoinsNextWord = false
    /// Between the items of a list but the last two (", "; Arabic "، ").
    public var listSeparator = ", "
    /// Month names as used in a date ("9 June", "9 июня").
    public var monthNames: [String]
    /// Month names standing alone, for a whole-month period ("June 2022", "июнь 2022");
    /// the same as `monthNames` where the language does not inflect them.
    public var standaloneMonthNames: [String]? = nil
    /// Between a day and its month ("9 June"; Spanish "9 de junio").
    public var dayMonthSeparator = " "
    /// Between a month and its year ("June 2022"; Spanish "junio de 2022").
    public var monthYearSeparator = " "
    /// Labels of generated table rows and columns.
    public var totalLabel: String
    public var otherLabel: String
    public var shareLabel: String

    /// The built-in styles, by identifier.
    public static let all: [String: LocaleStyle] = [
        "en": LocaleStyle(
            identifier: "en", groupingSeparator: ",", decimalSeparator: ".",
            percentInProse: " per cent", percentInTables: "%",
            smallNumberWords: ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
            listConjunction: "and",
            monthNames: ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"],
            totalLabel: "Total", otherLabel: "Other", shareLabel: "Share"),
        "fr": LocaleStyle(
            identifier: "fr", groupingSeparator: "\u{202F}", decimalSeparator: ",",
            percentInProse: "\u{00A0}pour cent", percentInTables: "\u{00A0}%",
            smallNumberWords: ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"],
            genderedNumberWords: [.feminine: [1: "une"]],
            listConjunction: "et",
            monthNames: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                         "septembre", "octobre", "novembre", "décembre"],
            totalLabel: "Total", otherLabel: "Autres", shareLabel: "Part"),
        "es": LocaleStyle(
            identifier: "es", groupingSeparator: ".", decimalSeparator: ",",
            percentInProse: " por ciento", percentInTables: "\u{00A0}%",
            // "un", not "uno": a number in words stands before its noun ("un beneficiario").
            smallNumberWords: ["cero", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
            genderedNumberWords: [.feminine: [1: "una"]],
            listConjunction: "y",
            monthNames: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                         "septiembre", "octubre", "noviembre", "diciembre"],
            dayMonthSeparator: " de ", monthYearSeparator: " de ",
            totalLabel: "Total", otherLabel: "Otros", shareLabel: "Porcentaje"),
        "ru": LocaleStyle(
            identifier: "ru", groupingSeparator: "\u{00A0}", decimalSeparator: ",",
            percentInProse: "\u{00A0}%", percentInTables: "\u{00A0}%",
            smallNumberWords: ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
            genderedNumberWords: [.feminine: [1: "одна", 2: "две"], .neuter: [1: "одно"]],
            listConjunction: "и",
            monthNames: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                         "сентября", "октября", "ноября", "декабря"],
            standaloneMonthNames: ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                                   "сентябрь", "октябрь", "ноябрь", "декабрь"],
            totalLabel: "Всего", otherLabel: "Другие", shareLabel: "Доля"),
        // As the United Nations' Arabic documents write them: Western digits, thousands
        // grouped by a space ("12 275"; a no-break space, which the bidirectional algorithm
        // keeps inside the number), a decimal point ("72.8 في المائة"), and the months by their
        // Levantine and Egyptian names together ("23 كانون الأول/ديسمبر 2003"). See docs/content.md.
        "ar": LocaleStyle(
            identifier: "ar", groupingSeparator: "\u{00A0}", decimalSeparator: ".",
            percentInProse: " في المائة", percentInTables: "%",
            smallNumberWords: ["صفر", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"],
            genderedNumberWords: [.feminine: [1: "واحدة", 2: "اثنتان", 3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع",
                                              8: "ثماني", 9: "تسع"]],
            listConjunction: "و", conjunctionJoinsNextWord: true, listSeparator: "، ",
            monthNames: ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
                         "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
                         "كانون الأول/ديسمبر"],
            totalLabel: "المجموع", otherLabel: "غير ذلك", shareLabel: "النسبة"),
    ]

    /// `number` (0 to 9) in words, agreeing with a noun of `gender`.
    public func smallNumberWord(_ number: Int, gender: GrammaticalGender) -> String {
        genderedNumberWords[gender]?[number] ?? smallNumberWords[number]
    }

    /// The style for `identifier` (`en`, `fr`, `es`, `ru`, `ar`; a region such as `en-GB` uses its language).
    public static func named(_ identifier: String) -> LocaleStyle? {
        all[identifier] ?? all[String(identifier.prefix { $0 != "-" && $0 != "_" }).lowercased()]
    }
}

/// The gender of the noun a number in words stands before (`words: feminine`).
public enum GrammaticalGender: String, Sendable, CaseIterable {
    case masculine, feminine, neuter
}
