import FlyingSocks

/// Server-sent events as the bytes of a streamed response body: each event is handed to the
/// connection as soon as it is sent, and the body ends when the events do (the listener's
/// stream is finished, or the connection's task is cancelled when the server stops).
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8

    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        /// Up to `count` bytes of the current event, waiting for the next event when it is used up.
        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = event[...]
            }
            let part = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(part.count)
            return Array(part)
        }
    }
}
