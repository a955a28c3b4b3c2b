/// What kind of data a layout field holds: decides which tags may use it, checked when the
/// layout is loaded.
public indirect enum LayoutType: Sendable {
    /// Text from data, always escaped: `{{x}}`. `{{{x}}}` is refused, so that data can never put
    /// markup in a page.
    case text
    /// Markup the page may hold as it is: `{{{x}}}` writes it raw, `{{x}}` escapes it.
    case html
    /// True or false: `{{#x}}` renders when true, `{{^x}}` when false.
    case flag
    /// Items of one type: `{{#x}}` renders once per item, with the item as the innermost context;
    /// `{{^x}}` renders when there are none.
    case list(LayoutType)
    /// Named fields: `{{x.name}}`, or `{{#x}}` to look names up in it first.
    case object(LayoutSchema)
    /// A value that may be absent: sections render when it is present, inverted sections when
    /// it is not, `{{x}}` writes nothing when it is not.
    case optional(LayoutType)

    /// The type without its optional wrapping.
    var unwrapped: LayoutType {
        if case .optional(let wrapped) = self { return wrapped.unwrapped }
        return self
    }

    var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// How the type is named in messages: "text", "a list", ...
    var described: String {
        switch self {
        case .text: "text"
        case .html: "HTML"
        case .flag: "a flag (true or false)"
        case .list: "a list"
        case .object: "an object"
        case .optional(let wrapped): "optional \(wrapped.described)"
        }
    }
}
