package org.crosswalk.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.crosswalk.cli.CrosswalkCli;
import org.crosswalk.support.TestStores;
import org.crosswalk.tenancy.TenantDirectory.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator CLI against a running service: tenant and token commands, then a backup taken while
 * profiles are being written, restored into a fresh store and compared with the live one.
 */
class BackupRestoreTest extends TenantServiceTest {
    @LocalServerPort int port;
    @Autowired TenantGraphs store;
    @Autowired TenantDirectory directory;

    /** An admin command against the running service. */
    private String cli(int expectedExit, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url";
        all[args.length + 1] = "http://localhost:" + port;
        all[args.length + 2] = "--admin-token";
        all[args.length + 3] = TenantKeys.ADMIN_TOKEN;
        return offline(expectedExit, all);
    }

    /** An admin command that needs no service (restore). */
    private static String offline(int expectedExit, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "admin";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = CrosswalkCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        assertThat(code).as(String.join(" ", args) + ": " + err).isEqualTo(expectedExit);
        return out.toString();
    }

    @Test
    void tenantsAndTokensAreMadeAndRevokedFromTheCli() {
        assertThat(cli(0, "tenant-create", "cli-tenant")).contains("created tenant cli-tenant");
        assertThat(cli(2, "tenant-create", "cli-tenant")).isEmpty();
        assertThat(cli(0, "tenant-list")).contains("cli-tenant");
        String created = cli(0, "token-create", "cli-tenant", "--scope", "read-write", "--name", "grc");
        String token = created.lines().filter(l -> l.startsWith("token:")).findFirst().orElseThrow().substring(6).strip();
        String id = created.lines().filter(l -> l.startsWith("token id:")).findFirst().orElseThrow().substring(9).strip();
        TenantClient http = new TenantClient(port);
        assertThat(http.call("GET", "/api/profiles", token, null, null).statusCode()).isEqualTo(200);
        assertThat(cli(0, "token-list", "cli-tenant")).contains(id, "read-write", "active").doesNotContain(token);
        cli(0, "token-revoke", id);
        assertThat(http.call("GET", "/api/profiles", token, null, null).statusCode()).isEqualTo(401);
        assertThat(cli(0, "token-list", "cli-tenant")).contains("revoked");
    }

    @Test
    void aBackupTakenWhileWritingRestoresToAConsistentStoreAndAQuietOneToAnEqualStore() throws Exception {
        directory.createTenant("busy");
        TenantClient http = new TenantClient(port);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            String token = null;
            for (int i = 0; !stop.get(); i++) {
                // A fresh token every few profiles keeps each under the per-credential write limit.
                if (i % (WRITES_PER_MINUTE / 2) == 0) token = directory.createToken("busy", "writer", Scope.READ_WRITE).secret();
                var r = http.call("POST", "/api/profiles", token, "application/json", "{\"id\":\"p" + i + "\",\"statements\":["
                        + "{\"requirement\":\"iso42001:A.6.2.4\",\"status\":\"satisfied\"},{\"evidence\":\"ai-policy\",\"status\":\"partial\"}]}");
                if (r.statusCode() == 201) written.incrementAndGet();
                http.call("PATCH", "/api/profiles/p" + i + "/statements", token, "application/json",
                        "{\"upsert\":[{\"requirement\":\"iso42001:6.1.2\",\"status\":\"planned\"}],\"remove\":[]}", "If-Match", "\"1\"");
            }
        });
        writer.start();
        while (written.get() < 3) Thread.sleep(50);
        assertThat(cli(0, "backup", "during.nq.gz")).contains("quads");
        while (written.get() < 6) Thread.sleep(50);
        stop.set(true);
        writer.join();
        assertThat(cli(0, "backup", "after.nq.gz")).contains("quads");
        assertThat(cli(2, "backup", "../escape.nq.gz")).isEmpty();

        // Quiet backup: restored into a fresh store, it is the live store, quad for quad.
        Path quietRoot = TestStores.newStoreRoot("restored-quiet");
        assertThat(offline(0, "restore", BACKUPS.resolve("after.nq.gz").toString(), "--store", quietRoot.toString())).contains("restored");
        Set<Quad> live = quads(((TenantStore) store).dataset().asDatasetGraph());
        try (TenantStore restored = TenantStore.open(quietRoot)) {
            assertThat(quads(restored.dataset().asDatasetGraph())).isEqualTo(live);
        }

        // Backup under load: every profile in it is whole (each version it names exists, the current
        // graph equals the last version's), and it holds at least the profiles acknowledged before it.
        Path busyRoot = TestStores.newStoreRoot("restored-busy");
        offline(0, "restore", BACKUPS.resolve("during.nq.gz").toString(), "--store", busyRoot.toString());
        try (TenantStore restored = TenantStore.open(busyRoot)) {
            Profiles profiles = new Profiles(restored);
            var list = profiles.list("busy", false);
            assertThat(list.size()).isGreaterThanOrEqualTo(3);
            for (var s : list) {
                var current = profiles.get("busy", s.id());
                assertThat(profiles.history("busy", s.id())).hasSize(current.version());
                assertThat(current.statements()).hasSize(current.version() == 1 ? 2 : 3);
                assertThat(Txn.calculateRead(restored.dataset(), () -> graph(restored, TenantVocab.profileGraph("busy", s.id()))))
                        .isEqualTo(Txn.calculateRead(restored.dataset(), () -> graph(restored, TenantVocab.versionGraph("busy", s.id(), current.version()))));
            }
        }
    }

    private static Set<Quad> quads(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Set<Quad> out = new HashSet<>();
            dsg.find().forEachRemaining(out::add);
            return out;
        });
    }

    private static Set<org.apache.jena.graph.Triple> graph(TenantStore s, Node g) {
        Set<org.apache.jena.graph.Triple> out = new HashSet<>();
        s.dataset().asDatasetGraph().getGraph(g).find().forEachRemaining(out::add);
        return out;
    }
}
