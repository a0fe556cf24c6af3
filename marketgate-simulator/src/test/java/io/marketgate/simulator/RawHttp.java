package io.marketgate.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for headers java.net.http refuses to set (Host): what a browser sends when
 * a hostile name resolves to 127.0.0.1 (DNS rebinding).
 */
public final class RawHttp {

    /** The status code and the body of an answer. */
    public record Reply(int status, String head, String body) {}

    private RawHttp() {}

    public static Reply send(URI endpoint, String method, String path, Map<String, String> headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: ").append(content.length).append("\r\n");
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String responseBody = split < 0 ? "" : response.substring(split + 4);
            return new Reply(Integer.parseInt(head.split(" ", 3)[1]), head, responseBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
