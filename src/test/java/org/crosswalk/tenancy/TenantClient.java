package org.crosswalk.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** HTTP calls with a bearer credential and the headers the profile doors use (If-Match). */
final class TenantClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    private final String base;

    TenantClient(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> call(String method, String path, String token, String contentType, String body, String... headers) {
        return send(method, path, token, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), headers);
    }

    HttpResponse<String> callBytes(String method, String path, String token, String contentType, byte[] body, String... headers) {
        return send(method, path, token, contentType, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType,
                                      HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }
}
