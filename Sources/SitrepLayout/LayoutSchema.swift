/// The fields an object in a layout's data has, in order: a `LayoutValue.object` holds its
/// values in this order.
public struct LayoutSchema: Sendable {
    /// One named field.
    public struct Field: Sendable {
        public let name: String
        public let type: LayoutType

        public init(_ name: String, _ type: LayoutType) {
            self.name = name
            self.type = type
        }
    }

    public let fields: [Field]
    private let positions: [String: Int]

    /// A schema with `fields` in this order; a name given twice keeps its first position.
    public init(_ fields: [Field]) {
        self.fields = fields
        var positions: [String: Int] = [:]
        for (position, field) in fields.enumerated() where positions[field.name] == nil {
            positions[field.name] = position
        }
        self.positions = positions
    }

    /// The position of the field `name` in an object's values.
    public func position(of name: String) -> Int? {
        positions[name]
    }

    /// Every name a layout can write from here: each field, and through objects (not lists)
    /// each dotted path, for "did you mean" hints.
    func reachableNames(prefix: String = "", depth: Int = 4) -> [String] {
        var names: [String] = []
        for field in fields {
            let name = prefix + field.name
            names.append(name)
            if depth > 1, case .object(let schema) = field.type.unwrapped {
                names += schema.reachableNames(prefix: name + ".", depth: depth - 1)
            }
        }
        return names
    }
}
