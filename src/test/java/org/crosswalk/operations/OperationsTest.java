package org.crosswalk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crosswalk.CrosswalkApplication;
import org.crosswalk.support.ApiClient;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The operator's side of a real service on a random port (the first in a JVM of its own): JSON log lines with
 * {@code logging.structured.format.console=ecs}; SPARQL query logging off by default and on with
 * {@code crosswalk.log-queries=true}; the Prometheus metrics an operator dashboards (request rate and
 * latency per endpoint, time per named query, store size, result-cache hits and misses); and graceful
 * shutdown finishing a request that is in flight when the shutdown begins.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {
    /** Both services reuse one store (the second start reopens it as it is). */
    static final Path STORE = TestStores.newStoreRoot("operations");
    static final String COVERAGE = "/api/coverage?source=iso42001&target=nist-ai-rmf";
    static ConfigurableApplicationContext running;

    static ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--crosswalk.sparql-port=0", "--crosswalk.store-dir=" + STORE,
                "--crosswalk.ontology-dir=" + TestStores.ontologyDir(), "--crosswalk.mappings-dir=" + TestStores.mappingsDir()));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CrosswalkApplication.class, SlowEndpoint.class).main(CrosswalkApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext c) {
        return Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (running != null && running.isActive()) running.close();
    }

    /**
     * In a service of its own (a separate JVM, as an operator runs it: logging is set up once per process,
     * so a service sharing the test JVM would inherit another context's log format).
     */
    @Test
    @Order(1)
    void jsonLogsAndQueryLoggingOnRequest() throws Exception {
        Path log = Files.createTempFile(STORE.getParent(), "json-logs-", ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), CrosswalkApplication.class.getName(),
                "--server.port=0", "--crosswalk.sparql-port=0", "--crosswalk.store-dir=" + STORE,
                "--crosswalk.ontology-dir=" + TestStores.ontologyDir(), "--crosswalk.mappings-dir=" + TestStores.mappingsDir(),
                "--logging.structured.format.console=ecs", "--crosswalk.log-queries=true"));
        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = 0;
            Pattern started = Pattern.compile("Tomcat started on port (\\d+)");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (port == 0) {
                assertThat(service.isAlive()).as("the service runs; its log: %s", log).isTrue();
                assertThat(System.nanoTime()).as("the service started within 10 minutes").isLessThan(deadline);
                Matcher m = started.matcher(Files.readString(log));
                if (m.find()) port = Integer.parseInt(m.group(1));
                else Thread.sleep(500);
            }
            assertThat(new ApiClient(port).get(COVERAGE, "application/json").statusCode()).isEqualTo(200);
        } finally {
            service.destroy(); // SIGTERM: a graceful stop, which also releases the store for the next test
            service.waitFor(2, TimeUnit.MINUTES);
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) lines.add(json.readTree(line));
            else assertThat(line).as("a log line that is not JSON").doesNotContain("Started CrosswalkApplication", "named query", "Tomcat started");
        }
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("message").asString()).startsWith("Started CrosswalkApplication");
            assertThat(l.has("@timestamp")).isTrue();
        });
        assertThat(lines).as("with crosswalk.log-queries=true each named query is logged at INFO, as JSON")
                .anySatisfy(l -> assertThat(l.path("message").asString()).startsWith("named query coverage:"));
    }

    @Test
    @Order(2)
    void plainLogsWithoutQueriesByDefaultAndTheMetrics(CapturedOutput output) {
        running = start();
        ApiClient api = new ApiClient(port(running));
        assertThat(api.get(COVERAGE, "application/json").statusCode()).isEqualTo(200);
        assertThat(api.get(COVERAGE, "application/json").statusCode()).isEqualTo(200); // from the result cache
        assertThat(api.get("/api/frameworks/iso42001", "application/json").statusCode()).isEqualTo(200);

        String log = output.getOut();
        assertThat(log).contains("Started CrosswalkApplication");
        assertThat(log).as("query logging is off by default").doesNotContain("named query coverage");

        HttpResponse<String> r = api.get("/actuator/prometheus", "text/plain");
        assertThat(r.statusCode()).isEqualTo(200);
        String metrics = r.body();
        assertThat(metrics).as("request rate and latency per endpoint").contains(
                "http_server_requests_seconds_count{", "http_server_requests_seconds_bucket{", "uri=\"/api/coverage\"",
                "uri=\"/api/frameworks/{framework}\"");
        assertThat(metrics).as("time per named query").contains("crosswalk_query_seconds_count{", "query=\"coverage\"",
                "crosswalk_query_seconds_bucket{");
        assertThat(metrics).as("store size").containsPattern("(?m)^crosswalk_store_triples(\\{[^}]*\\})? [1-9]");
        assertThat(metrics).as("result cache hit rate").containsPattern("(?m)^cache_gets_total\\{[^}]*cache=\"crosswalk.results\"[^}]*result=\"hit\"[^}]*\\} [1-9]")
                .containsPattern("(?m)^cache_gets_total\\{[^}]*cache=\"crosswalk.results\"[^}]*result=\"miss\"[^}]*\\} [1-9]");
    }

    /**
     * A request is in its controller when the shutdown begins: the service stops accepting connections,
     * waits for the request, which completes with 200, and only then stops.
     */
    @Test
    @Order(3)
    void gracefulShutdownFinishesTheRequestInFlight() throws Exception {
        ConfigurableApplicationContext c = running;
        int port = port(c);
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> new ApiClient(port).get("/test/slow", "text/plain"));
        assertThat(SlowEndpoint.entered.await(60, TimeUnit.SECONDS)).as("the slow request reached its controller").isTrue();

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(c::close);
        // The shutdown is under way once the port refuses new connections, with the slow request still in flight.
        while (accepts(port)) Thread.sleep(50);
        assertThat(slow).isNotDone();
        assertThat(shutdown).isNotDone();
        SlowEndpoint.release.countDown();

        HttpResponse<String> r = slow.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("finished");
        shutdown.get(60, TimeUnit.SECONDS);
        assertThat(c.isActive()).isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("localhost", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** A request that stays in its controller until the test lets it go (a stand-in for a long export). */
    @RestController
    static class SlowEndpoint {
        static final CountDownLatch entered = new CountDownLatch(1);
        static final CountDownLatch release = new CountDownLatch(1);

        @GetMapping(path = "/test/slow", produces = "text/plain")
        String slow() throws InterruptedException {
            entered.countDown();
            release.await(120, TimeUnit.SECONDS);
            return "finished";
        }
    }
}
