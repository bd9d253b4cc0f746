/// A JSON value whose objects keep their members in the order they were added, so that a
/// document built twice prints the same bytes, in an order chosen for readers (`openapi`,
/// `info`, `paths`, … rather than sorted).
///
/// Integers only: nothing gen describes needs a fraction, and a `Double` would print
/// differently on different platforms.
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// The members of a JSON object, in the order they were first set.
struct JSONObject: Equatable, Sendable {
    private(set) var keys: [String] = []
    private var values: [String: JSONValue] = [:]

    init() {}

    init(_ members: [(String, JSONValue)]) {
        for (key, value) in members { self[key] = value }
    }

    var isEmpty: Bool { keys.isEmpty }

    /// Setting a key again replaces its value in place; setting nil removes it, so that optional
    /// members are written as `object["description"] = description`.
    subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            guard let newValue else {
                if values.removeValue(forKey: key) != nil { keys.removeAll { $0 == key } }
                return
            }
            if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
        }
    }

    /// The members in order.
    var members: [(key: String, value: JSONValue)] {
        keys.map { ($0, values[$0]!) }
    }

    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// A dictionary literal keeps its source order, unlike a `Dictionary`.
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
