package org.crosswalk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;

import org.crosswalk.tenancy.TenantStore;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The administrator's commands. Tenants, tokens and backups are made by the running service (it owns
 * the store: TDB2 allows one process), so these call its admin API with the administrator token;
 * {@code restore} works on a stopped service's store directory, and {@code new-admin-token} needs
 * neither. The service's URL and the token come from --url / --admin-token or the environment
 * (CROSSWALK_URL, CROSSWALK_ADMIN_TOKEN), so the token need not appear in the shell history.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Tenants, API tokens, backup and restore (administrator).",
        subcommands = {AdminCommand.NewAdminToken.class, AdminCommand.TenantCreate.class, AdminCommand.TenantList.class,
                AdminCommand.TokenCreate.class, AdminCommand.TokenList.class, AdminCommand.TokenRevoke.class,
                AdminCommand.Backup.class, AdminCommand.Restore.class})
final class AdminCommand {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the service is and the administrator token. */
    static final class Service {
        @Option(names = "--url", defaultValue = "${env:CROSSWALK_URL:-http://localhost:8080}",
                description = "The running service (default: $CROSSWALK_URL or ${DEFAULT-VALUE})")
        String url;
        @Option(names = "--admin-token", defaultValue = "${env:CROSSWALK_ADMIN_TOKEN}",
                description = "Administrator token (default: $CROSSWALK_ADMIN_TOKEN)")
        String token;

        JsonNode call(String method, String path, ObjectNode body) throws IOException {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("no administrator token: set CROSSWALK_ADMIN_TOKEN or pass --admin-token");
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.replaceFirst("/$", "") + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (body != null) b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
            else b.method(method, HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> r;
            try (HttpClient http = HttpClient.newHttpClient()) {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (r.statusCode() >= 300) {
                String detail = r.body();
                try {
                    JsonNode problem = JSON.readTree(r.body());
                    if (problem.has("detail")) detail = problem.get("detail").asString();
                } catch (RuntimeException notJson) {
                    // keep the raw body
                }
                throw new IllegalArgumentException(method + " " + path + ": HTTP " + r.statusCode() + (detail.isBlank() ? "" : ": " + detail));
            }
            return r.body().isBlank() ? null : JSON.readTree(r.body());
        }
    }

    @Command(name = "new-admin-token", mixinStandardHelpOptions = true,
            description = "Print a fresh administrator token and its bcrypt hash: give the service the hash "
                    + "(crosswalk.security.admin-token-hash), keep the token.")
    static final class NewAdminToken implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String token = org.crosswalk.security.SecurityConfiguration.ADMIN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            PrintWriter out = spec.commandLine().getOut();
            out.println("token: " + token);
            out.println("hash:  " + new BCryptPasswordEncoder().encode(token));
            out.flush();
            return 0;
        }
    }

    @Command(name = "tenant-create", mixinStandardHelpOptions = true, description = "Create a tenant.")
    static final class TenantCreate implements Callable<Integer> {
        @CommandLine.Mixin Service service = new Service();
        @Parameters(index = "0", description = "Tenant id: lower-case letters, digits, hyphens") String id;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            JsonNode t = service.call("POST", "/api/admin/tenants", JSON.createObjectNode().put("id", id));
            spec.commandLine().getOut().println("created tenant " + t.get("id").asString());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "tenant-list", mixinStandardHelpOptions = true, description = "List the tenants.")
    static final class TenantList implements Callable<Integer> {
        @CommandLine.Mixin Service service = new Service();
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            service.call("GET", "/api/admin/tenants", null).forEach(t -> out.println(t.get("id").asString() + "\t" + t.get("created").asString()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "token-create", mixinStandardHelpOptions = true,
            description = "Create an API token for a tenant. The token is printed once and never again: the service keeps only its hash.")
    static final class TokenCreate implements Callable<Integer> {
        @CommandLine.Mixin Service service = new Service();
        @Parameters(index = "0", description = "Tenant id") String tenant;
        @Option(names = "--name", defaultValue = "", description = "What the token is for (shown in lists)") String name;
        @Option(names = "--scope", defaultValue = "read", description = "read or read-write (default: ${DEFAULT-VALUE})") String scope;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            JsonNode t = service.call("POST", "/api/admin/tenants/" + tenant + "/tokens",
                    JSON.createObjectNode().put("name", name).put("scope", scope));
            PrintWriter out = spec.commandLine().getOut();
            out.println("token id: " + t.get("info").get("id").asString());
            out.println("token:    " + t.get("secret").asString());
            out.println("(shown once: store it now)");
            out.flush();
            return 0;
        }
    }

    @Command(name = "token-list", mixinStandardHelpOptions = true, description = "List a tenant's tokens (ids, scopes, revocation; never the tokens).")
    static final class TokenList implements Callable<Integer> {
        @CommandLine.Mixin Service service = new Service();
        @Parameters(index = "0", description = "Tenant id") String tenant;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            service.call("GET", "/api/admin/tenants/" + tenant + "/tokens", null).forEach(t -> out.println(String.join("\t",
                    t.get("id").asString(), t.get("scope").asString(), t.get("name").asString(), t.get("created").asString(),
                    t.get("revoked").isNull() ? "active" : "revoked " + t.get("revoked").asString())));
            out.flush();
            return 0;
        }
    }

    @Command(name = "token-revoke", mixinStandardHelpOptions = true, description = "Revoke a token: the next request with it is refused.")
    static final class TokenRevoke implements Callable<Integer> {
        @CommandLine.Mixin Service service = new Service();
        @Parameters(index = "0", description = "Token id (from token-create or token-list)") String tokenId;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            service.call("DELETE", "/api/admin/tokens/" + tokenId, null);
            spec.commandLine().getOut().println("revoked " + tokenId);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Have the running service write a consistent snapshot of all tenant data (gzipped N-Quads) "
                    + "into its backup directory (crosswalk.backup-dir) while it keeps serving.")
    static final class Backup implements Callable<Integer> {
        @CommandLine.Mixin Service service = new Service();
        @Parameters(index = "0", description = "File name in the service's backup directory, e.g. tenants-2026-12-04.nq.gz") String file;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            JsonNode done = service.call("POST", "/api/admin/backup", JSON.createObjectNode().put("file", file));
            spec.commandLine().getOut().println("backup " + done.get("file").asString() + ": " + done.get("quads").asLong() + " quads");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Replace the tenant data of a STOPPED service's store with a backup, in one transaction.")
    static final class Restore implements Callable<Integer> {
        @Parameters(index = "0", description = "Backup file (.nq.gz)") Path backup;
        @Option(names = "--store", defaultValue = "store", description = "The service's store directory (default: ${DEFAULT-VALUE})") Path storeDir;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(backup)) throw new IllegalArgumentException("no backup file " + backup);
            try (TenantStore store = TenantStore.open(storeDir)) {
                long quads = store.restore(backup);
                spec.commandLine().getOut().println("restored " + quads + " quads into " + store.directory());
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
