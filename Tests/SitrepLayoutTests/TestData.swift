import SitrepLayout

/// Dynamic data, as the Mustache specification writes it, turned into the typed model: a derived
/// type, and a value of a given type.
indirect enum TestData {
    case string(String)
    case bool(Bool)
    case null
    case list([TestData])
    case object([(String, TestData)])

    /// A type for the data: text is `.html` (so that both `{{x}}` and `{{{x}}}` can write
    /// it, as the specification expects), a list's items have the fields of all its items
    /// (optional when some lack them), null is an optional text.
    var derivedType: LayoutType {
        switch self {
        case .string: .html
        case .bool: .flag
        case .null: .optional(.html)
        case .list(let items): .list(Self.merged(items.map(\.derivedType)) ?? .object(LayoutSchema([])))
        case .object(let fields): .object(LayoutSchema(fields.map { .init($0.0, $0.1.derivedType) }))
        }
    }

    /// The data as a value of `type`.
    func value(as type: LayoutType) -> LayoutValue {
        var type = type
        if case .optional(let wrapped) = type { type = wrapped }
        switch (self, type) {
        case (.null, _): return .absent
        case (.string(let text), _): return .text(text)
        case (.bool(let flag), _): return .flag(flag)
        case (.list(let items), .list(let element)): return .list(items.map { $0.value(as: element) })
        case (.object(let fields), .object(let schema)):
            return .object(schema.fields.map { field -> LayoutValue in
                guard let data = fields.first(where: { $0.0 == field.name })?.1 else { return .absent }
                return data.value(as: field.type)
            })
        default: return .absent
        }
    }

    /// One type for items of these types: objects join their fields.
    private static func merged(_ types: [LayoutType]) -> LayoutType? {
        guard let first = types.first else { return nil }
        guard case .object = first else { return first }
        var names: [String] = []
        var fieldTypes: [String: [LayoutType]] = [:]
        for type in types {
            guard case .object(let schema) = type else { continue }
            for field in schema.fields {
                if fieldTypes[field.name] == nil { names.append(field.name) }
                fieldTypes[field.name, default: []].append(field.type)
            }
        }
        return .object(LayoutSchema(names.map { name in
            let seen = fieldTypes[name]!
            let type = merged(seen)!
            return .init(name, seen.count < types.count ? .optional(type) : type)
        }))
    }
}
