package org.crosswalk.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.crosswalk.tenancy.TenantDirectory;
import org.crosswalk.tenancy.TenantDirectory.NewToken;
import org.crosswalk.tenancy.TenantDirectory.Scope;
import org.crosswalk.tenancy.TenantDirectory.Tenant;
import org.crosswalk.tenancy.TenantDirectory.TokenInfo;
import org.crosswalk.tenancy.TenantGraphs;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What the administrator CLI calls on a running service (administrator token only): tenants, their API
 * tokens, and a consistent backup of the tenant store while the service keeps serving. A new token's
 * secret is in the creation answer and nowhere else.
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Tenants, API tokens, backup (administrator token)")
public class AdminController {
    private final TenantDirectory directory;
    private final TenantGraphs store;

    private final Path backupDir;

    public AdminController(TenantDirectory directory, TenantGraphs store,
            @org.springframework.beans.factory.annotation.Value("${crosswalk.backup-dir:backups}") Path backupDir) {
        this.directory = directory;
        this.store = store;
        this.backupDir = backupDir.toAbsolutePath();
    }

    public record NewTenant(String id) {}
    public record TokenRequest(String name, String scope) {}
    public record BackupRequest(String file) {}
    public record BackupDone(String file, long quads) {}

    @GetMapping("/tenants")
    public List<Tenant> tenants() {
        return directory.tenants();
    }

    @PostMapping(path = "/tenants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a tenant")
    public ResponseEntity<Tenant> createTenant(@RequestBody NewTenant body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.createTenant(body.id()));
    }

    @GetMapping("/tenants/{tenant}/tokens")
    public List<TokenInfo> tokens(@PathVariable String tenant) {
        return directory.tokens(tenant);
    }

    @PostMapping(path = "/tenants/{tenant}/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an API token (its secret is shown in this answer only)")
    public ResponseEntity<NewToken> createToken(@PathVariable String tenant, @RequestBody TokenRequest body) {
        Scope scope = Scope.of(body.scope() == null ? "read" : body.scope());
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.createToken(tenant, body.name(), scope));
    }

    @DeleteMapping("/tokens/{tokenId}")
    @Operation(summary = "Revoke an API token at once")
    public ResponseEntity<Void> revoke(@PathVariable String tokenId) {
        return directory.revokeToken(tokenId) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @PostMapping(path = "/backup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Write a consistent snapshot of all tenant data (gzipped N-Quads) into the backup directory")
    public BackupDone backup(@RequestBody BackupRequest body) throws IOException {
        // A file name, not a path: the administrator token lets one write backups, not any file the service can write.
        if (body.file() == null || !body.file().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,120}")) {
            throw new IllegalArgumentException("'file' must be a plain file name (letters, digits, . _ -), written into crosswalk.backup-dir");
        }
        Path target = backupDir.resolve(body.file());
        return new BackupDone(target.toString(), store.backup(target));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> conflict(IllegalStateException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        pd.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
