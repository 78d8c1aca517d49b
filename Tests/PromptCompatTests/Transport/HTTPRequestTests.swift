import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import PromptCompat

/// The request value both transports take: the target read once from its URL, the bytes the socket
/// transport writes, and the `URLRequest` URLSession gets.
@Suite("Transport: the HTTP request value")
struct HTTPRequestTests {
    @Test("a target keeps the path and query as sent, and names the port in Host only when the URL does")
    func targetParts() {
        let local = HTTPTarget(URL(string: "http://127.0.0.1:8080/v1/chat/completions?api-version=2024-06-01")!)
        #expect(local.host == "127.0.0.1")
        #expect(local.port == 8080)
        #expect(local.path == "/v1/chat/completions?api-version=2024-06-01")
        #expect(local.hostField == "127.0.0.1:8080")
        let plain = HTTPTarget(URL(string: "http://example.com")!)
        #expect(plain.port == 80)
        #expect(plain.path == "/")
        #expect(plain.hostField == "example.com")
        #expect(HTTPTarget(URL(string: "https://example.com/v1")!).port == 443)
    }

    @Test("an IPv6 host is connected to bare and written in brackets")
    func ipv6() {
        let target = HTTPTarget(URL(string: "http://[::1]:9000/v1/chat/completions")!)
        #expect(target.host == "::1")
        #expect(target.hostField == "[::1]:9000")
    }

    @Test("a URL without a host gives no bytes to send")
    func noHost() {
        let request = HTTPRequest(target: HTTPTarget(URL(string: "file:///tmp/x")!), headerFields: [], body: Data(), timeout: 1)
        #expect(HTTPRequestBytes(request) == nil)
    }

    @Test("the bytes are the request line, Host, the fields in order, Content-Length and the body")
    func bytes() throws {
        let request = HTTPRequest(
            target: HTTPTarget(URL(string: "http://localhost:8080/v1/chat/completions")!),
            headerFields: [("Content-Type", "application/json"), ("Authorization", "Bearer k"), ("Content-Length", "999")],
            body: Data(#"{"a":"退"}"#.utf8), timeout: 2.5
        )
        let sent = try #require(HTTPRequestBytes(request))
        let expected = "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: application/json\r\n"
            + "Authorization: Bearer k\r\nContent-Length: 11\r\n\r\n{\"a\":\"退\"}"
        #expect(String(decoding: sent.bytes, as: UTF8.self) == expected)
        #expect(sent.endpoint == "localhost:8080")
        #expect(sent.timeoutMilliseconds == 2500)
    }

    @Test("URLSession gets the same method, fields, body and timeout")
    func urlRequest() {
        let request = HTTPRequest(
            target: HTTPTarget(URL(string: "http://localhost:8080/v1/embeddings")!),
            headerFields: [("Accept", "application/json"), ("api-key", "k")], body: Data("{}".utf8), timeout: 30
        )
        let urlRequest = request.urlRequest
        #expect(urlRequest.url?.absoluteString == "http://localhost:8080/v1/embeddings")
        #expect(urlRequest.httpMethod == "POST")
        #expect(urlRequest.value(forHTTPHeaderField: "Accept") == "application/json")
        #expect(urlRequest.value(forHTTPHeaderField: "api-key") == "k")
        #expect(urlRequest.httpBody == Data("{}".utf8))
        #expect(urlRequest.timeoutInterval == 30)
    }
}
