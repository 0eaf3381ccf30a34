package org.crosswalk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apache Jena's own Fuseki server (the jena-fuseki-server jar the build copies to target/fuseki) as a
 * separate JVM with its own TDB2 database, on a free port: the real remote store the remote-mode tests
 * talk HTTP to. It can be stopped, frozen (SIGSTOP: accepts connections, never answers) and restarted on
 * the same port and database, to test store faults. Its log goes to a file, not the build log.
 */
public final class FusekiProcess implements AutoCloseable {
    public static final String DATASET = "/crosswalk";
    /** The tenant data's own dataset (crosswalk.remote.tenant-dataset-url), never the reference data's. */
    public static final String TENANT_DATASET = "/crosswalk-tenants";

    private final Path jar;
    private final Path database;
    private final Path base;
    private final int port;
    private Process process;

    public FusekiProcess(Path workDir) {
        this.jar = Paths.get(System.getProperty("fuseki.server.jar", "target/fuseki/fuseki-server.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven (process-test-resources copies it)");
        }
        try {
            this.database = Files.createDirectories(workDir.resolve("tdb2"));
            this.base = Files.createDirectories(workDir.resolve("run"));
            try (ServerSocket s = new ServerSocket(0)) {
                this.port = s.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String datasetUrl() {
        return "http://localhost:" + port + DATASET;
    }

    public String tenantDatasetUrl() {
        return "http://localhost:" + port + TENANT_DATASET;
    }

    public int port() {
        return port;
    }

    /** Starts the server and waits until it answers a query. */
    public void start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path config = base.resolve("config.ttl");
        try {
            Files.writeString(config, config());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", jar.toString(),
                "--port=" + port, "--config=" + config))
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("fuseki.log").toFile()));
        pb.environment().put("FUSEKI_BASE", base.toString());
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("Fuseki exited; see " + base.resolve("fuseki.log"));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(datasetUrl() + "/sparql?query=ASK%7B%7D"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("Fuseki did not answer within 120 s; see " + base.resolve("fuseki.log"));
    }

    /** Two TDB2 datasets, each with query, update and Graph Store endpoints: reference data and tenant data. */
    private String config() {
        StringBuilder b = new StringBuilder("""
                PREFIX fuseki: <http://jena.apache.org/fuseki#>
                PREFIX tdb2: <http://jena.apache.org/2016/tdb#>
                PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                [] rdf:type fuseki:Server .
                """);
        String[][] datasets = {{DATASET, database.toString()}, {TENANT_DATASET, database.resolveSibling("tdb2-tenants").toString()}};
        for (String[] d : datasets) {
            String name = d[0].substring(1);
            b.append("<#").append(name).append("> rdf:type fuseki:Service ; fuseki:name \"").append(name).append("\" ;\n")
                    .append("  fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name \"sparql\" ] ;\n")
                    .append("  fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name \"update\" ] ;\n")
                    .append("  fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name \"data\" ] ;\n")
                    .append("  fuseki:dataset <#").append(name).append("-db> .\n")
                    .append("<#").append(name).append("-db> rdf:type tdb2:DatasetTDB2 ; tdb2:location \"")
                    .append(d[1].replace("\\", "/")).append("\" .\n");
        }
        return b.toString();
    }

    /** Stops the server (its database stays for a restart). */
    public void stop() {
        if (process == null) return;
        signal("CONT"); // a frozen process cannot act on SIGTERM
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Freezes the server: connections are accepted by the kernel but nothing answers. */
    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        if (process == null || !process.isAlive()) return;
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
