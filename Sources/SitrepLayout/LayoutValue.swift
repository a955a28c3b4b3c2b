/// The data a layout renders, shaped by its `LayoutType`: an object is its values in the order
/// of its schema's fields, so that every name in a layout is found by position, resolved once
/// when the layout is loaded.
public enum LayoutValue: Sendable {
    /// A `.text` or `.html` field.
    case text(String)
    case flag(Bool)
    case list([LayoutValue])
    /// The values of the fields, in schema order.
    case object([LayoutValue])
    /// An `.optional` field with no value.
    case absent

    /// An object of `schema` from values by field name; fields left out are absent.
    /// Names that are not in the schema are ignored.
    public static func object(_ schema: LayoutSchema, _ values: [String: LayoutValue]) -> LayoutValue {
        .object(schema.fields.map { values[$0.name] ?? .absent })
    }
}
