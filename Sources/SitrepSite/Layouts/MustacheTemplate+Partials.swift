import Mustache

extension MustacheTemplate {
    /// The names of the partials (and parents) this template includes, read from the tokens
    /// swift-mustache parsed, inside sections and blocks too, so that they are exactly those it
    /// renders; a dynamic partial's name is given with a leading `*` (no other name starts so). swift-mustache does not publish its tokens: they are read by reflection, and a
    /// token that cannot be read so is left out (the scan of the text still finds its tag).
    var includedPartials: Set<String> {
        var names: Set<String> = []
        Self.collectPartials(in: self, into: &names)
        return names
    }

    private static func collectPartials(in value: Any, into names: inout Set<String>) {
        for child in Mirror(reflecting: value).children {
            switch child.value {
            case let template as MustacheTemplate:
                collectPartials(in: template, into: &names)
            case let templates as [String: MustacheTemplate]:
                for template in templates.values { collectPartials(in: template, into: &names) }
            default:
                if child.label == "partial" || child.label == "dynamicNamePartial",
                   let name = Mirror(reflecting: child.value).children.first?.value as? String {
                    names.insert(child.label == "partial" ? name : "*" + name)
                }
                collectPartials(in: child.value, into: &names)
            }
        }
    }
}
