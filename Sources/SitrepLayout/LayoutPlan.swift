import SitrepDiagnostics

/// A layout compiled against the type of its data: every name is resolved to a position when
/// the layout is loaded, partials are put in place, and the layout can then render any value
/// of that type without looking a name up.
///
/// ```swift
/// let templates = ["page": try LayoutTemplate(text, file: "templates/page.mustache")]
/// let plan = try LayoutPlan(layout: "page", templates: templates, data: .object(schema))
/// let html = plan.render(.object(schema, [("title", .text("Sitrep"))]))
/// ```
public struct LayoutPlan: Sendable {
    let steps: [Step]

    /// Compiles the template `layout` of `templates` (the layouts and partials by name) for
    /// data of type `data`. Throws every problem found, each located in its template: a name
    /// that is not a field where it is used, a tag that does not fit its field's type, a
    /// partial that does not exist, a partial that includes itself.
    public init(layout: String, templates: [String: LayoutTemplate], data: LayoutType) throws(DiagnosticError) {
        let (plan, problems) = Self.compile(layout, templates: templates, data: data)
        guard let plan, problems.isEmpty else { throw DiagnosticError(Self.once(problems)) }
        self = plan
    }

    /// Compiles several layouts sharing `templates`, each for its data type, by name. Throws
    /// the problems of all of them together, a problem in a partial they share given once.
    public static func compile(_ layouts: [String: LayoutType], templates: [String: LayoutTemplate])
        throws(DiagnosticError) -> [String: LayoutPlan] {
        var plans: [String: LayoutPlan] = [:]
        var problems: [Diagnostic] = []
        for (layout, data) in layouts.sorted(by: { $0.key < $1.key }) {
            let (plan, found) = compile(layout, templates: templates, data: data)
            plans[layout] = plan
            problems += found
        }
        if !problems.isEmpty { throw DiagnosticError(once(problems)) }
        return plans
    }

    private init(steps: [Step]) {
        self.steps = Step.merged(steps)
    }

    private static func compile(_ layout: String, templates: [String: LayoutTemplate], data: LayoutType)
        -> (LayoutPlan?, [Diagnostic]) {
        guard let template = templates[layout] else {
            let nearest = Suggestions.nearest(to: layout, in: templates.keys)
            return (nil, [Diagnostic(at: SourceLocation(file: "templates/\(layout).mustache"), "there is no layout '\(layout)'",
                                     hint: nearest.map { "did you mean '\($0)'?" })])
        }
        var compiler = Compiler(templates: templates, root: data)
        let steps = compiler.compile(template)
        return (LayoutPlan(steps: steps), compiler.problems)
    }

    /// `problems` in order, each once: a partial included twice reports its problems once.
    private static func once(_ problems: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return problems.filter { seen.insert($0).inserted }
    }

    /// One instruction of a compiled layout.
    indirect enum Step: Sendable {
        case text([UInt8])
        case escaped(Access)
        case raw(Access)
        case section(Access, SectionMode, [Step])

        /// `steps` with neighbouring texts joined, in sections too.
        static func merged(_ steps: [Step]) -> [Step] {
            var result: [Step] = []
            for step in steps {
                switch step {
                case .text(let bytes):
                    if case .text(let before)? = result.last {
                        result[result.count - 1] = .text(before + bytes)
                    } else if !bytes.isEmpty {
                        result.append(step)
                    }
                case .section(let access, let mode, let body):
                    result.append(.section(access, mode, merged(body)))
                default:
                    result.append(step)
                }
            }
            return result
        }
    }

    /// When a section renders its body, decided by its field's type at load time.
    enum SectionMode: Sendable {
        /// A flag that is true.
        case ifTrue
        /// A flag that is false or absent.
        case ifFalse
        /// Once per item of a list, the item innermost.
        case eachItem
        /// A list with no items, or absent.
        case ifEmpty
        /// A value that is present, innermost.
        case withValue
        /// A value that is absent.
        case ifAbsent
    }

    /// Where a tag's value is: a context frame (0 is the layout's data, then one per section
    /// entered), the field positions down from it, then transforms.
    struct Access: Sendable {
        var frame: Int
        var path: [Int]
        var position: LayoutPositionTest?
        var transforms: [LayoutTransform]
    }
}
