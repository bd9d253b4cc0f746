import ClientBenchSupport
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on 127.0.0.1 that answers the fixture's bytes, the same for both clients:
/// a POST with 201 and the domain, a GET of the list path with 200 and the page, any other GET
/// with 200 and the domain; `Content-Type: application/json` and `Content-Length` always.
public final class LoopbackServer: Sendable {
    public let port: Int
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup

    public init() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let page = ByteBuffer(bytes: Fixture.pageJSON)
        let domain = ByteBuffer(bytes: Fixture.domain)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Answer(page: page, domain: domain))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        self.group = group
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    public func shutdown() async throws {
        try await channel.close()
        try await group.shutdownGracefully()
    }
}

private final class Answer: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let page: ByteBuffer
    let domain: ByteBuffer

    init(page: ByteBuffer, domain: ByteBuffer) {
        self.page = page
        self.domain = domain
    }

    /// The request being read: one at a time per connection (no pipelining), answered at its end.
    private var head: HTTPRequestHead?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            head = request
        case .body:
            break
        case .end:
            guard let request = head else { return }
            let isList = request.method == .GET && request.uri.split(separator: "?")[0].hasSuffix("/Domains.json")
            let body = isList ? page : domain
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(body.readableBytes))
            let status: HTTPResponseStatus = request.method == .POST ? .created : .ok
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))),
                promise: nil
            )
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
