import AsyncHTTPClient
import ClientBenchSupport
import Foundation
import GenSide
import LoopbackServer
import PeerSide

/// gen's generated client against swift-openapi-generator's, each on an in-memory transport that
/// answers the same bytes with the same status and headers.
///
///     ClientBenchmark check                    decodes with both, compares with the fixture
///     ClientBenchmark bench [RUNS ROUNDS CALLS] times both, alternating; prints `key value` lines
///     ClientBenchmark http [RUNS ROUNDS CALLS]  the same over loopback HTTP: both clients on
///                                              AsyncHTTPClient, against one local server, and
///                                              gen's client on URLSessionTransport beside them
///     ClientBenchmark loop SIDE OPERATION N    N calls of one side (gen, peer) and operation
///                                              (list, fetch, create), for a profiler
///
/// `bench` times RUNS list calls of 1000 domains (default 50) one by one, and ROUNDS rounds
/// (default 31) of CALLS fetches and CALLS creates (default 2000) for the time of one call; the
/// two clients take turns, the first alternating, after a warm-up. Each sample is taken twice:
/// the CPU time of the process (`_cpu_`), which other processes on a busy machine barely change,
/// and the wall time (`_wall_`). It prints the median, the quartiles and the extremes of each.
///
/// The work runs in a detached task, off the main thread, which only waits: every call stays on
/// the task's thread rather than switching to the main actor and back, and valgrind, which cannot
/// follow the main thread of an `async` main into `dispatch_main`, can run the program.
@main
struct ClientBenchmark {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await run(arguments)
            } catch {
                fail("\(error)")
            }
            done.signal()
        }
        done.wait()
    }

    static func run(_ arguments: [String]) async throws {
        switch arguments.first {
        case "check":
            try await check()
        case "bench":
            let numbers = arguments.dropFirst().compactMap { Int($0) }
            try await bench(
                sides: [("gen", GenSide()), ("peer", PeerSide())],
                runs: numbers.count > 0 ? numbers[0] : 50,
                rounds: numbers.count > 1 ? numbers[1] : 31,
                calls: numbers.count > 2 ? numbers[2] : 2000
            )
        case "http":
            let numbers = arguments.dropFirst().compactMap { Int($0) }
            let server = try await LoopbackServer()
            var configuration = HTTPClient.Configuration()
            configuration.redirectConfiguration = .disallow
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            let baseURL = "http://127.0.0.1:\(server.port)"
            do {
                try await bench(
                    sides: [
                        ("gen", GenSide(baseURL: baseURL, client: client)),
                        ("peer", PeerSide(serverURL: URL(string: baseURL)!, client: client)),
                        // gen's default transport, beside: how URLSession compares on this system.
                        ("genurlsession", GenSide.onURLSession(baseURL: baseURL)),
                    ],
                    runs: numbers.count > 0 ? numbers[0] : 30,
                    rounds: numbers.count > 1 ? numbers[1] : 15,
                    calls: numbers.count > 2 ? numbers[2] : 500
                )
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
            try await server.shutdown()
        case "loop" where arguments.count == 4:
            let side: any ClientSide = arguments[1] == "peer" ? PeerSide() : GenSide()
            guard let operation = Operation(rawValue: arguments[2]), let count = Int(arguments[3]) else {
                fail("usage: ClientBenchmark loop gen|peer list|fetch|create N")
            }
            var total = 0
            for _ in 0..<count { total &+= try await operation.call(side) }
            print("loop_total \(total)")
        default:
            fail(
                "usage: ClientBenchmark check | bench [RUNS ROUNDS CALLS] | http [RUNS ROUNDS CALLS] | loop SIDE OPERATION N"
            )
        }
    }

    enum Operation: String, CaseIterable {
        case list, fetch, create

        func call(_ side: any ClientSide) async throws -> Int {
            switch self {
            case .list: try await side.listPage()
            case .fetch: try await side.fetch()
            case .create: try await side.create()
            }
        }

        /// What one call returns when it decoded what it should.
        var expected: Int {
            switch self {
            case .list: Fixture.domainCount
            case .fetch, .create: "Scranton Office 42".utf8.count
            }
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(1)
    }

    // MARK: - Checks

    /// Decodes the page, a fetch and a create with both clients and compares every field with
    /// the fixture; prints the requests each transport received and how they differ.
    static func check() async throws {
        var failures: [String] = []
        let sides: [(String, any ClientSide)] = [
            ("gen", GenSide(recording: true)), ("peer", PeerSide(recording: true)),
        ]
        let expectedDomains = (0..<Fixture.domainCount).map(Fixture.expectedRecord)
        var requests: [String: [SentRequest]] = [:]
        for (name, side) in sides {
            let records = try await side.listedRecords()
            if records.first != Fixture.expectedPageRecord {
                failures.append("\(name): page members \(records.first ?? [])")
            }
            let domains = Array(records.dropFirst())
            if domains.count != Fixture.domainCount { failures.append("\(name): \(domains.count) domains") }
            for (index, (got, expected)) in zip(domains, expectedDomains).enumerated() where got != expected {
                let differing = zip(got, expected).filter { $0 != $1 }.map { "\($0.0) (expected \($0.1))" }
                failures.append("\(name): domain \(index): \(differing.joined(separator: "; "))")
                break
            }
            let (fetched, created) = try await side.fetchedAndCreated()
            if fetched != Fixture.expectedRecord(42) { failures.append("\(name): fetched \(fetched)") }
            if created != Fixture.expectedRecord(42) { failures.append("\(name): created \(created)") }
            for operation in Operation.allCases {
                let result = try await operation.call(side)
                if result != operation.expected {
                    failures.append("\(name): \(operation) returned \(result), not \(operation.expected)")
                }
            }
            requests[name] = try await side.sentRequests()
            print("\(name): \(domains.count) domains, every field as expected: \(failures.isEmpty)")
        }
        for (name, sent) in requests.sorted(by: { $0.key < $1.key }) {
            print("\n\(name) sent:")
            for request in sent { print(request) }
        }
        let gen = requests["gen", default: []]
        let peer = requests["peer", default: []]
        if gen.count != 3 || peer.count != 3 {
            failures.append("requests recorded: gen \(gen.count), peer \(peer.count)")
        } else {
            for (operation, (g, p)) in zip(Operation.allCases, zip(gen, peer)) {
                if g.method != p.method { failures.append("\(operation): methods \(g.method), \(p.method)") }
                if g.url != p.url { failures.append("\(operation): URLs \(g.url), \(p.url)") }
                let authorization = { (request: SentRequest) in request.headers.first { $0.hasPrefix("authorization:") }
                }
                if authorization(g) == nil || authorization(g) != authorization(p) {
                    failures.append("\(operation): Authorization differs or is missing")
                }
                let onlyGen = Set(g.headers).subtracting(p.headers).sorted()
                let onlyPeer = Set(p.headers).subtracting(g.headers).sorted()
                if !onlyGen.isEmpty || !onlyPeer.isEmpty {
                    print("\n\(operation) headers only gen sends: \(onlyGen); only peer sends: \(onlyPeer)")
                }
            }
            let (g, p) = (gen[2], peer[2])
            for (name, request) in [("gen", g), ("peer", p)]
            where request.formPairs.sorted() != Fixture.expectedFormPairs.sorted() {
                failures.append("\(name): create form \(request.formPairs)")
            }
            if g.formPairs != p.formPairs {
                print(
                    "\ncreate forms: the same pairs in another order:\n  gen:  \(g.formPairs)\n  peer: \(p.formPairs)"
                )
            } else if g.body != p.body {
                print("\ncreate forms: the same pairs, encoded differently:\n  gen:  \(g.body)\n  peer: \(p.body)")
            }
        }
        if failures.isEmpty {
            print("\ncheck ok")
        } else {
            fail("\ncheck failed:\n" + failures.joined(separator: "\n"))
        }
    }

    // MARK: - Timing

    static func bench(sides: [(String, any ClientSide)], runs: Int, rounds: Int, calls: Int) async throws {
        print("page_bytes \(Fixture.pageJSON.count)")
        print("domain_bytes \(Fixture.domain.count)")

        // The list call: each run timed alone, both clients in turn, the first alternating.
        var pageSamples: [String: [Sample]] = [:]
        for (_, side) in sides {
            for _ in 0..<3 { try expect(try await side.listPage(), .list) }
        }
        for run in 0..<runs {
            for (name, side) in run % 2 == 0 ? sides : sides.reversed() {
                let start = Clocks.now
                let count = try await side.listPage()
                let sample = Clocks.now - start
                try expect(count, .list)
                pageSamples[name, default: []].append(sample.scaled(by: 1e3))
            }
        }
        for (name, _) in sides { report("\(name)_list", "ms", pageSamples[name] ?? []) }

        // Requests: rounds of `calls` calls, ns per call.
        for operation in [Operation.fetch, .create] {
            var samples: [String: [Sample]] = [:]
            for (_, side) in sides {
                for _ in 0..<min(calls, 200) { try expect(try await operation.call(side), operation) }
            }
            for round in 0..<rounds {
                for (name, side) in round % 2 == 0 ? sides : sides.reversed() {
                    var total = 0
                    let start = Clocks.now
                    for _ in 0..<calls { total &+= try await operation.call(side) }
                    let sample = Clocks.now - start
                    try expect(total / calls, operation)
                    samples[name, default: []].append(sample.scaled(by: 1e9 / Double(calls)))
                }
            }
            for (name, _) in sides { report("\(name)_\(operation)", "ns", samples[name] ?? []) }
        }
        print("runs \(runs)")
        print("rounds \(rounds)")
        print("calls \(calls)")
    }

    struct Unexpected: Error, CustomStringConvertible {
        var description: String
    }

    static func expect(_ result: Int, _ operation: Operation) throws {
        guard result == operation.expected else {
            throw Unexpected(description: "\(operation) gave \(result), not \(operation.expected)")
        }
    }

    /// For the CPU and the wall times of `samples`: `KEY_cpu_UNIT_median`, `…_p25`, `…_p75`,
    /// `…_min`, `…_max`, `…_n`, and every value in `…_samples`, separated by commas.
    static func report(_ key: String, _ unit: String, _ samples: [Sample]) {
        for (clock, values) in [("cpu", samples.map(\.cpu)), ("wall", samples.map(\.wall))] {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return }
            func quantile(_ q: Double) -> Double {
                let position = q * Double(sorted.count - 1)
                let low = Int(position.rounded(.down))
                let high = min(low + 1, sorted.count - 1)
                return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
            }
            let name = "\(key)_\(clock)_\(unit)"
            for (statistic, value) in [
                ("median", quantile(0.5)), ("p25", quantile(0.25)), ("p75", quantile(0.75)), ("min", sorted[0]),
                ("max", sorted[sorted.count - 1]),
            ] {
                print("\(name)_\(statistic) \(String(format: "%.4f", value))")
            }
            print("\(name)_n \(sorted.count)")
            print("\(name)_samples " + values.map { String(format: "%.4f", $0) }.joined(separator: ","))
        }
    }
}

/// Seconds of CPU time of the process (all its threads) and of wall time.
struct Sample {
    var cpu: Double
    var wall: Double

    static func - (lhs: Sample, rhs: Sample) -> Sample {
        Sample(cpu: lhs.cpu - rhs.cpu, wall: lhs.wall - rhs.wall)
    }

    func scaled(by factor: Double) -> Sample {
        Sample(cpu: cpu * factor, wall: wall * factor)
    }
}

enum Clocks {
    static var now: Sample {
        var cpu = timespec()
        var wall = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
        clock_gettime(CLOCK_MONOTONIC, &wall)
        return Sample(
            cpu: Double(cpu.tv_sec) + Double(cpu.tv_nsec) / 1e9,
            wall: Double(wall.tv_sec) + Double(wall.tv_nsec) / 1e9
        )
    }
}
