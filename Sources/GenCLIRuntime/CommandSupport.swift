import ArgumentParser
import Foundation
import GenAsyncHTTPClientTransport
import GenClientRuntime
import GenRuntime

/// What generated commands share: credentials from flags or the environment, the checks of
/// `--properties`, and how a failed call is reported.
public enum CommandSupport {
    /// The transport of generated commands: one that fails at once when no connection can be
    /// made, rather than retrying the connection until the request times out, as a person waits.
    public static var transport: any HTTPTransport { AsyncHTTPClientTransport.failingFast }

    /// The value of a flag, else of an environment variable; when neither is set, a usage error
    /// naming both, or nothing if it is not `required`.
    public static func value(
        _ flag: String?,
        option: String,
        variable: String?,
        required: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> String {
        if let flag, !flag.isEmpty { return flag }
        if let variable, let value = environment[variable], !value.isEmpty { return value }
        guard required else { return "" }
        throw ValidationError("Missing \(option)" + (variable.map { ": pass it or set \($0)." } ?? "."))
    }

    /// An RFC 2822 date given to `option`; a usage error when it is not one.
    public static func date(_ text: String?, option: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = RFC2822Date.date(from: text) else {
            throw ValidationError("\(option) takes an RFC 2822 date such as 'Mon, 20 Jul 2015 17:27:10 +0000'.")
        }
        return date
    }

    /// An ISO 8601 date and time given to `option`; a usage error when it is not one.
    public static func dateTime(_ text: String?, option: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = ISO8601Date.date(from: text) else {
            throw ValidationError("\(option) takes an ISO 8601 date and time such as '2024-05-01T12:30:00Z'.")
        }
        return date
    }

    /// A JSON value given as an option's text, or read from a file named after `@`
    /// (`--config @config.json`), decoded as `Value`: an object's struct, an array, any JSON.
    public static func json<Value: Decodable>(_ text: String?, as type: Value.Type, option: String) throws -> Value? {
        guard let text else { return nil }
        let data: Data
        if text.hasPrefix("@") {
            let path = String(text.dropFirst())
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ValidationError("\(option) names the file '\(path)', which cannot be read.")
            }
            data = contents
        } else {
            data = Data(text.utf8)
        }
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch let error as DecodingError {
            throw ValidationError("\(option) takes JSON: \(error.summary).")
        }
    }

    /// An array option's values, or nil when none was given, which sends nothing.
    public static func values<Element>(_ values: [Element]) -> [Element]? {
        values.isEmpty ? nil : values
    }

    /// Checks a comma-separated `--properties` list against the resource's properties.
    public static func properties(_ list: String, known: [String]) throws -> [String] {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw ValidationError("--properties names no property.") }
        for name in names where !known.contains(name) {
            var message = "Unknown property '\(name)' for --properties."
            if let close = known.min(by: { distance($0, name) < distance($1, name) }), distance(close, name) <= 2 {
                message += " Did you mean '\(close)'?"
            }
            throw ValidationError(message + " Known: \(known.joined(separator: ", ")).")
        }
        return names
    }

    /// Runs a call, turning a `ClientError` into lines on standard error and exit code 1:
    /// `error 20404: …` and `more info: …` for a Twilio error.
    public static func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ClientError {
            FileHandle.standardError.write(Data(describe(error).utf8))
            throw ExitCode.failure
        }
    }

    /// The lines printed for a failed call.
    public static func describe(_ error: ClientError) -> String {
        switch error {
        case .api(let twilioError):
            var text = "error"
            if let code = twilioError.code { text += " \(code)" }
            text += ": \(twilioError.message) (HTTP \(twilioError.status))\n"
            if let moreInfo = twilioError.moreInfo { text += "more info: \(moreInfo)\n" }
            return text
        default:
            return "error: \(error.description)\n"
        }
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}

/// A day given as `YYYY-MM-DD`.
extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
