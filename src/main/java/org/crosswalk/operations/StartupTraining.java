package org.crosswalk.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.crosswalk.sparql.SparqlEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The training run of the JDK's ahead-of-time cache that {@code bin/crosswalk-server} starts once per build
 * (JEP 483/514/515). With {@code crosswalk.startup-training=true} the service, once ready, asks itself
 * what its first callers ask — health, a look-up, coverage, search, a requirement page, an unknown path,
 * the web view, a SPARQL query — and then stops; the JVM writes the cache as it exits. The cache then
 * holds the classes those answers load and link and the profiles of their methods, not only those of
 * the start (Spring's {@code spring.context.exit=onRefresh} stops before any request): a restarted
 * service's first answers cost what later ones do (first health 0.14 s → …, bench/RESULTS.md, Start-up).
 * <p>
 * A property read when the service is ready, not a condition on the bean: the launcher starts Spring's
 * ahead-of-time context, in which conditions were fixed at build time.
 */
@Component
public class StartupTraining implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(StartupTraining.class);

    /** What the first callers of a restarted service ask (paths on the REST port). */
    static final List<String> REST_PATHS = List.of(
            "/api/health",
            "/api/frameworks",
            "/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.4",
            "/api/frameworks/iso42001/requirements/A.6.2.4",
            "/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk",
            "/api/gaps?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk",
            "/api/search?q=risk%20management",
            "/api/nope",
            "/");

    private final SparqlEndpoint sparql;

    public StartupTraining(SparqlEndpoint sparql) {
        this.sparql = sparql;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (!context.getEnvironment().getProperty("crosswalk.startup-training", Boolean.class, false)) return;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        // Off the main thread: the start finishes as it always does, then this run asks and exits.
        Thread.ofPlatform().name("startup-training").start(() -> {
            int failed = ask(port);
            log.warn("Startup training: asked {} questions, {} failed; stopping", REST_PATHS.size() + 1, failed);
            System.exit(SpringApplication.exit(context, () -> failed == 0 ? 0 : 1));
        });
    }

    /** Each question twice (the second is how the service answers once warm); the number that failed. */
    private int ask(int port) {
        int failed = 0;
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int round = 0; round < 2; round++) {
                for (String path : REST_PATHS) {
                    if (!ok(client, "http://localhost:" + port + path, path.equals("/api/nope") ? 404 : 200)) failed++;
                }
                if (!ok(client, sparql.queryUrl("localhost") + "?query=SELECT%20%3Fs%20WHERE%20%7B%20%3Fs%20a%20%3Fc%20%7D%20LIMIT%2010", 200)) failed++;
            }
        }
        return failed;
    }

    private static boolean ok(HttpClient client, String url, int expected) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != expected) log.warn("Startup training: {} answered {}, expected {}", url, status, expected);
            return status == expected;
        } catch (java.io.IOException e) {
            log.warn("Startup training: {} failed: {}", url, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
