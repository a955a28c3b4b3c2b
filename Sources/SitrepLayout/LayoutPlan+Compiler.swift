import SitrepDiagnostics

extension LayoutPlan {
    /// Resolves a template's names against the data's type, following Mustache's context
    /// stack statically: a name is looked up in the innermost section's value first, then
    /// outward. Collects every problem rather than stopping at the first.
    struct Compiler {
        /// One context frame: the type of the value a section pushed.
        struct Scope {
            var type: LayoutType
            var isListItem: Bool
        }

        /// A partial being compiled, for naming a cycle.
        struct Include {
            var name: String
            var file: String
            var line: Int
        }

        let templates: [String: LayoutTemplate]
        var scopes: [Scope]
        var includes: [Include] = []
        var indentation = ""
        var problems: [Diagnostic] = []

        init(templates: [String: LayoutTemplate], root: LayoutType) {
            self.templates = templates
            self.scopes = [Scope(type: root.unwrapped, isListItem: false)]
        }

        mutating func compile(_ template: LayoutTemplate) -> [Step] {
            compile(template.nodes, in: template)
        }

        private mutating func compile(_ nodes: [LayoutTemplate.Node], in template: LayoutTemplate) -> [Step] {
            var steps: [Step] = []
            for node in nodes {
                switch node {
                case .text(let text):
                    steps.append(.text(Array(text.utf8)))
                case .lineStart:
                    steps.append(.text(Array(indentation.utf8)))
                case .variable(let name, let raw):
                    if let step = variable(name, raw: raw, in: template) { steps.append(step) }
                case .section(let name, let inverted, let body):
                    if let step = section(name, inverted: inverted, body: body, in: template) { steps.append(step) }
                case .partial(let name, let partialIndentation, let location):
                    steps += partial(name, indentation: partialIndentation, at: location, in: template)
                }
            }
            return steps
        }

        private mutating func variable(_ name: LayoutTemplate.Name, raw: Bool, in template: LayoutTemplate) -> Step? {
            guard let (access, type) = resolve(name, in: template) else { return nil }
            let shown = raw ? "{{{\(name.written)}}}" : "{{\(name.written)}}"
            switch (type.unwrapped, raw) {
            case (.text, false), (.html, _):
                return raw ? .raw(access) : .escaped(access)
            case (.text, true):
                report(name, in: template, "'\(name.written)' is text from data: \(shown) would put it in the page unescaped",
                       hint: "write {{\(name.written)}}; only HTML fields (body) can be written raw")
            case (.flag, _):
                report(name, in: template, "'\(name.written)' is a flag (true or false), which \(shown) cannot write",
                       hint: "show text when it is true with {{#\(name.written)}}…{{/\(name.written)}}")
            case (.list, _):
                report(name, in: template, "'\(name.written)' is a list, which \(shown) cannot write",
                       hint: "repeat for each item with {{#\(name.written)}}…{{/\(name.written)}}")
            case (.object(let schema), _):
                let example = schema.fields.first.map { " (e.g. {{\(name.written).\($0.name)}})" } ?? ""
                report(name, in: template, "'\(name.written)' is an object, which \(shown) cannot write",
                       hint: "write one of its fields\(example)")
            case (.optional, _):
                return nil  // unwrapped: not reached
            }
            return nil
        }

        private mutating func section(_ name: LayoutTemplate.Name, inverted: Bool, body: [LayoutTemplate.Node],
                                      in template: LayoutTemplate) -> Step? {
            guard let (access, type) = resolve(name, in: template) else { return nil }
            let tag = "{{\(inverted ? "^" : "#")\(name.written)}}"
            var pushed: Scope?
            let mode: SectionMode
            switch type.unwrapped {
            case .flag:
                mode = inverted ? .ifFalse : .ifTrue
            case .list(let element):
                mode = inverted ? .ifEmpty : .eachItem
                pushed = Scope(type: element.unwrapped, isListItem: true)
            case let present where inverted && !type.isOptional:
                report(name, in: template, "\(tag) never renders: '\(name.written)' is \(present.described) that is always there",
                       hint: "a section needs a list, a flag or an optional field; docs/templates.md lists them")
                return nil
            case .text where !type.isOptional, .html where !type.isOptional:
                report(name, in: template, "\(tag) always renders: '\(name.written)' is \(type.described) that is always there",
                       hint: "write {{\(name.written)}} without a section; a section needs a list, a flag or an optional field")
                return nil
            case let present:
                mode = inverted ? .ifAbsent : .withValue
                if !inverted { pushed = Scope(type: present, isListItem: false) }
            }
            if let pushed { scopes.append(pushed) }
            let steps = compile(body, in: template)
            if pushed != nil { scopes.removeLast() }
            return .section(access, mode, steps)
        }

        private mutating func partial(_ name: String, indentation partialIndentation: String,
                                      at location: LayoutTemplate.Location, in template: LayoutTemplate) -> [Step] {
            guard let partial = templates[name] else {
                let nearest = Suggestions.nearest(to: name, in: templates.keys)
                problems.append(template.problem(
                    at: location, "there is no partial '\(name)'" + (nearest.map { "; did you mean '\($0)'?" } ?? ""),
                    hint: "partials are found by file name under templates/: add \(name).mustache, or include one of: "
                        + templates.keys.sorted().joined(separator: ", ")))
                return []
            }
            let include = Include(name: name, file: template.file, line: location.line)
            if let start = includes.firstIndex(where: { $0.name == name }) {
                // Each step after the first names the tag that includes it; the first is left bare,
                // so that a cycle reached from several layouts reads the same, and is reported once.
                let steps = (includes[(start + 1)...] + [include]).map { "\($0.name) (\($0.file):\($0.line))" }
                problems.append(template.problem(
                    at: location, "the partial '\(name)' includes itself: " + ([name] + steps).joined(separator: " → "),
                    hint: "remove one of these includes; a partial cannot include itself, directly or through others"))
                return []
            }
            let outer = indentation
            indentation += partialIndentation
            includes.append(include)
            defer {
                includes.removeLast()
                indentation = outer
            }
            return compile(partial)
        }

        private mutating func report(_ name: LayoutTemplate.Name, in template: LayoutTemplate, _ message: String, hint: String) {
            problems.append(template.problem(at: name.location, message, hint: hint))
        }
    }
}
