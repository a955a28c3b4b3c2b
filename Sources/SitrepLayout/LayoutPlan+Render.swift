import SitrepTemplates

extension LayoutPlan {
    /// The page for `data`, a value of the type the layout was compiled for. A value that
    /// does not have that shape renders nothing where it does not fit.
    public func render(_ data: LayoutValue) -> String {
        String(decoding: renderUTF8(data), as: UTF8.self)
    }

    /// The page for `data`, as UTF-8 bytes.
    public func renderUTF8(_ data: LayoutValue) -> [UInt8] {
        var renderer = Renderer(frames: [Frame(value: data, index: 0, count: 1)])
        renderer.run(steps)
        return renderer.output
    }

    /// One context frame: a section's value, and for a list item its position.
    struct Frame {
        var value: LayoutValue
        var index: Int
        var count: Int
    }

    struct Renderer {
        var frames: [Frame]
        var output: [UInt8] = []

        init(frames: [Frame]) {
            self.frames = frames
            output.reserveCapacity(16_384)
        }

        mutating func run(_ steps: [Step]) {
            for step in steps {
                switch step {
                case .text(let bytes):
                    output.append(contentsOf: bytes)
                case .escaped(let access):
                    if case .text(let text) = value(access) { append(HTMLText.escape(text)) }
                case .raw(let access):
                    if case .text(let text) = value(access) { append(text) }
                case .section(let access, let mode, let body):
                    section(value(access), mode, body)
                }
            }
        }

        /// The text's UTF-8 bytes, copied at once rather than byte by byte.
        private mutating func append(_ text: String) {
            text.withBorrowedUTF8 { output.append(contentsOf: $0) }
        }

        private mutating func section(_ value: LayoutValue, _ mode: SectionMode, _ body: [Step]) {
            switch (mode, value) {
            case (.ifTrue, .flag(true)):
                run(body)
            case (.ifFalse, .flag(true)):
                break
            case (.ifEmpty, .list(let items)) where !items.isEmpty:
                break
            case (.ifFalse, _), (.ifEmpty, _), (.ifAbsent, .absent):
                run(body)
            case (.eachItem, .list(let items)):
                for (index, item) in items.enumerated() {
                    frames.append(Frame(value: item, index: index, count: items.count))
                    run(body)
                    frames.removeLast()
                }
            case (.withValue, .absent):
                break
            case (.withValue, let present):
                frames.append(Frame(value: present, index: 0, count: 1))
                run(body)
                frames.removeLast()
            default:
                break
            }
        }

        private func value(_ access: Access) -> LayoutValue {
            let frame = frames[access.frame]
            if let test = access.position { return test.value(index: frame.index, count: frame.count) }
            var value = frame.value
            for position in access.path {
                guard case .object(let values) = value, position < values.count else { return .absent }
                value = values[position]
            }
            for transform in access.transforms {
                guard case .list(let items) = value else { return .absent }
                value = transform.apply(to: items)
            }
            return value
        }
    }
}
