import Hummingbird
import HummingbirdCore
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

extension HTTPServerBuilder {
    /// HTTP/1.1 as Hummingbird's `.http1(configuration:)` serves it, except that a request the
    /// HTTP parser refuses before any route sees it (a request line and headers over the limit,
    /// a method HTTP does not have, bytes that are not HTTP) is answered with Twilio's error JSON,
    /// as every other error is, instead of an empty 400.
    ///
    /// ```swift
    /// let app = Application(router: router, server: .http1WithErrorJSON())
    /// ```
    public static func http1WithErrorJSON(idleTimeout: TimeAmount? = nil) -> HTTPServerBuilder {
        .http1(
            configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [MalformedRequestResponder()],
                idleTimeout: idleTimeout
            )
        )
    }
}

/// Answers a request that HTTP/1.1's parser refuses with error JSON, and closes the connection,
/// as nothing after a malformed request can be read: 431 for a request line and headers over
/// the limit, 501 for a method HTTP does not have, 400 for anything else.
///
/// It sits after the parser, where the parse error arrives. While a response is being written
/// it leaves the error to Hummingbird, which ends the connection after that response.
final class MalformedRequestResponder: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests read whose response has not ended.
    private var unanswered = 0

    /// The most bytes of request line and headers Hummingbird's parser reads, by default.
    static let headerLimit = 80 * 1024

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { unanswered += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered -= 1 }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parseError = error as? HTTPParserError, unanswered == 0 else {
            context.fireErrorCaught(error)
            return
        }
        let answer = Self.error(for: parseError)
        let body = ByteBuffer(bytes: answer.json)
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: answer.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }

    static func error(for parseError: HTTPParserError) -> APIError {
        switch parseError {
        case .headerOverflow:
            APIError(
                status: .init(code: 431),
                code: nil,
                message: "The request line and headers are larger than the \(headerLimit / 1024) KiB the server reads"
            )
        case .invalidMethod:
            APIError(status: .notImplemented, code: nil, message: "The request's method is not one HTTP has")
        default:
            APIError(status: .badRequest, code: nil, message: "The request is not valid HTTP/1.1: \(parseError)")
        }
    }
}
