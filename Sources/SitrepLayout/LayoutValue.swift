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

    /// An object of `schema` from pairs of a field's name and value, a later pair of a name
    /// replacing an earlier one; fields left out are absent, names not in the schema ignored.
    /// The names are compared, not hashed: a page's objects have a dozen fields each, and
    /// building a dictionary of them cost more than the page's layout.
    public static func object(_ schema: LayoutSchema, _ fields: [(name: String, value: LayoutValue)]) -> LayoutValue {
        .object(schema.fields.map { field in fields.last(where: { $0.name == field.name })?.value ?? .absent })
    }
}
