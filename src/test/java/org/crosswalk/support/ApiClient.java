package org.crosswalk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A plain HTTP client for the REST API, as a GRC tool would call it. */
public final class ApiClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String bearer;

    public ApiClient(int port) {
        this("http://localhost:" + port, null);
    }

    private ApiClient(String base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    /** The same client, sending {@code Authorization: Bearer token} with every request. */
    public ApiClient withBearer(String token) {
        return new ApiClient(base, token);
    }

    public HttpResponse<String> get(String pathAndQuery, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Accept", accept).GET().build());
    }

    public HttpResponse<String> post(String pathAndQuery, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public JsonNode getJson(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery, "application/json");
        if (r.statusCode() != 200) throw new AssertionError("GET " + pathAndQuery + " -> " + r.statusCode() + ": " + r.body());
        return json.readTree(r.body());
    }

    public JsonNode parse(String body) {
        return json.readTree(body);
    }

    private HttpResponse<String> send(HttpRequest req) {
        if (bearer != null) req = HttpRequest.newBuilder(req, (name, value) -> true).header("Authorization", "Bearer " + bearer).build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
