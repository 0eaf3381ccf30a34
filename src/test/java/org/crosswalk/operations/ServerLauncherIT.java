package org.crosswalk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.crosswalk.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/crosswalk-server on the packaged jar, as an operator runs it (an integration test: it needs the jar,
 * so it runs after {@code package}). By default it starts Spring's ahead-of-time processed context the
 * build generated, on a JDK 25+ with the JDK's cache trained once per build; any argument that could change Spring's own configuration starts
 * the ordinary context instead, and says so. Both must answer the same.
 */
class ServerLauncherIT {
    record Started(Process process, Path out, Path err, int port, int sparqlPort) {
        String stdout() throws IOException { return Files.readString(out); }
        String stderr() throws IOException { return Files.readString(err); }
    }

    @Test
    void startsTheAheadOfTimeContextWithATrainedCacheAndAnswers(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        Started s = start(dir, runDir, Map.of());
        try {
            awaitHealth(s);
            assertThat(s.stderr()).doesNotContain("starting without Spring's AOT context");
            assertThat(s.stdout()).contains("Starting AOT-processed CrosswalkApplication");
            answersLikeTheService(s);
            Path training = runDir.resolve("aot-training.log");
            if (Files.exists(training)) { // a JDK 25+ was found: the cache was trained, and the service started with it
                assertThat(s.stderr()).contains("start-up cache ready");
                try (var files = Files.list(runDir)) {
                    assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("-spring-aot.aot"));
                }
            }
        } finally {
            stop(s);
        }
    }

    @Test
    void anArgumentThatMayChangeSpringsConfigurationStartsTheOrdinaryContext(@TempDir Path dir) throws Exception {
        Started s = start(dir, dir.resolve("run"), Map.of("CROSSWALK_JDK_AOT_CACHE", "off"),
                "--management.endpoints.web.exposure.include=health,prometheus");
        try {
            awaitHealth(s);
            assertThat(s.stderr()).contains("starting without Spring's AOT context: the argument "
                    + "--management.endpoints.web.exposure.include may change Spring's own configuration");
            assertThat(s.stdout()).contains("Starting CrosswalkApplication").doesNotContain("AOT-processed");
            answersLikeTheService(s);
        } finally {
            stop(s);
        }
    }

    private static void answersLikeTheService(Started s) {
        ApiClient api = new ApiClient(s.port());
        HttpResponse<String> lookup = api.get("/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.4", "application/json");
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(lookup.body()).contains("\"A.6.2.4\"").contains("eu-ai-act");
        HttpResponse<String> unknown = api.get("/api/frameworks/iso42001/requirements/Z.9", "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.get("/api/openapi.json", "application/json").body()).contains("\"openapi\"");
        assertThat(api.get("/", "text/html").body()).contains("<html");
        HttpResponse<String> ask = new ApiClient(s.sparqlPort()).get("/crosswalk/sparql?query=ASK%7B%3Fs%20a%20%3Fc%7D", "application/sparql-results+xml");
        assertThat(ask.body()).contains("<boolean>true</boolean>");
    }

    private static Started start(Path dir, Path runDir, Map<String, String> env, String... extra) throws Exception {
        int port = freePort(), sparqlPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of("bin", "crosswalk-server").toAbsolutePath().toString(),
                "--server.port=" + port, "--crosswalk.sparql-port=" + sparqlPort,
                "--crosswalk.store-dir=" + dir.resolve("store")));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        // Whatever the build's own environment says about Spring is not what this test is about.
        pb.environment().keySet().removeIf(k -> k.matches("(?i)(spring|management|springdoc|server)_.*|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|CROSSWALK_.*"));
        pb.environment().put("CROSSWALK_RUN_DIR", runDir.toString());
        pb.environment().putAll(env);
        Path out = dir.resolve("out.log"), err = dir.resolve("err.log");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Started(p, out, err, port, sparqlPort);
    }

    /** Up to 5 minutes: the first start extracts the jar, trains the cache (~30 s) and builds the store. */
    private static void awaitHealth(Started s) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            assertThat(s.process().isAlive()).as("the service stopped:\n%s\n%s", s.stderr(), s.stdout()).isTrue();
            try {
                if (new ApiClient(s.port()).get("/api/health", "application/json").statusCode() == 200) return;
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no healthy service in 5 minutes:\n" + s.stderr());
    }

    private static void stop(Started s) throws InterruptedException {
        // The launcher execs the service; while it still trains, the training JVM is its child.
        s.process().descendants().forEach(ProcessHandle::destroy);
        s.process().destroy(); // SIGTERM: the service's graceful shutdown
        if (!s.process().waitFor(60, TimeUnit.SECONDS)) s.process().destroyForcibly().waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
