import SitrepDiagnostics

extension LayoutPlan.Compiler {
    /// Where the value `name` is found from here, and its type; nil after reporting why not.
    mutating func resolve(_ name: LayoutTemplate.Name, in template: LayoutTemplate) -> (LayoutPlan.Access, LayoutType)? {
        if name.isPosition { return resolvePosition(name, in: template) }
        var access = LayoutPlan.Access(frame: scopes.count - 1, path: [], position: nil, transforms: [])
        var type = scopes[scopes.count - 1].type
        if let first = name.path.first {
            guard let frame = scopes.lastIndex(where: { $0.type.field(first) != nil }),
                  let (position, field) = scopes[frame].type.field(first) else {
                reportUnknown(name, in: template)
                return nil
            }
            access.frame = frame
            access.path = [position]
            type = field
            for part in name.path.dropFirst() {
                guard let (position, field) = type.unwrapped.field(part) else {
                    reportUnknown(name, in: template)
                    return nil
                }
                access.path.append(position)
                type = type.isOptional && !field.isOptional ? .optional(field) : field
            }
        }
        for written in name.transforms.reversed() {
            guard let transform = LayoutTransform(rawValue: written) else {
                reportTransform(written, name, in: template)
                return nil
            }
            guard case .list(let element) = type.unwrapped else {
                problems.append(template.problem(
                    at: name.location, "\(written)(…) applies to a list, and '\(name.written)' gives \(type.described)",
                    hint: "use \(written)(…) on a list field, e.g. {{^empty(report.notes)}}"))
                return nil
            }
            access.transforms.append(transform)
            let result = transform.type(forListOf: element)
            type = type.isOptional && !result.isOptional ? .optional(result) : result
        }
        return (access, type)
    }

    /// `first()`, `last()`, `index()`, `odd()`, `even()`: the position in the innermost list.
    private mutating func resolvePosition(_ name: LayoutTemplate.Name, in template: LayoutTemplate) -> (LayoutPlan.Access, LayoutType)? {
        guard name.transforms.count == 1, let test = LayoutPositionTest(rawValue: name.transforms[0]) else {
            reportTransform(name.transforms.first ?? name.written, name, in: template)
            return nil
        }
        guard let frame = scopes.lastIndex(where: \.isListItem) else {
            problems.append(template.problem(
                at: name.location, "\(name.written) tests the position in a list, and it is not inside one",
                hint: "use it inside a list's section, e.g. {{#breadcrumbs}}…{{^last()}}, {{/last()}}…{{/breadcrumbs}}"))
            return nil
        }
        return (LayoutPlan.Access(frame: frame, path: [], position: test, transforms: []), test.type)
    }

    private mutating func reportUnknown(_ name: LayoutTemplate.Name, in template: LayoutTemplate) {
        let path = name.path.joined(separator: ".")
        var visible: [String] = []
        for scope in scopes.reversed() {
            if case .object(let schema) = scope.type { visible += schema.reachableNames() }
        }
        let nearest = Suggestions.nearest(to: path, in: visible)
        problems.append(template.problem(
            at: name.location, "no field '\(path)'" + (nearest.map { "; did you mean '\($0)'?" } ?? ""),
            hint: "docs/templates.md lists the fields each layout receives"))
    }

    private mutating func reportTransform(_ written: String, _ name: LayoutTemplate.Name, in template: LayoutTemplate) {
        let supported = LayoutTransform.allCases.map { "\($0.rawValue)(list)" }
            + LayoutPositionTest.allCases.map { "\($0.rawValue)()" }
        problems.append(template.problem(
            at: name.location, "'\(written)' in '\(name.written)' is not a transform sitrep's layouts support",
            hint: "use one of: " + supported.joined(separator: ", ")))
    }
}

extension LayoutType {
    /// The field `name` of an object type: its position and type.
    func field(_ name: String) -> (Int, LayoutType)? {
        guard case .object(let schema) = self, let position = schema.position(of: name) else { return nil }
        return (position, schema.fields[position].type)
    }
}
