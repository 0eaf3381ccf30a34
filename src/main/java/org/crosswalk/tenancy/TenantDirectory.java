package org.crosswalk.tenancy;

import static org.crosswalk.tenancy.TenantVocab.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Tenants and their API tokens, in the system graph of the tenant store. A token is
 * {@code cwt_<token id>_<secret>}: it is shown once, when created; the store keeps only a bcrypt hash of
 * it, so a copy of the store (or a backup) gives nobody a usable token. The id part lets a request be
 * checked against one hash, not all of them. Every request reads the token's record (revoked or not);
 * only the slow bcrypt comparison is remembered, by the token's SHA-256.
 */
public final class TenantDirectory {
    public enum Scope {
        READ("read"), READ_WRITE("read-write");

        public final String code;

        Scope(String code) { this.code = code; }

        public static Scope of(String code) {
            for (Scope s : values()) if (s.code.equals(code)) return s;
            throw new IllegalArgumentException("scope must be 'read' or 'read-write', not '" + code + "'");
        }
    }

    public record Tenant(String id, String created) {}
    /** {@code scope}: read or read-write. */
    public record TokenInfo(String id, String tenant, String name, String scope, String created, String revoked) {}
    /** A new token: {@code secret} is the only time the full token exists outside the caller. */
    public record NewToken(TokenInfo info, String secret) {}
    /** Who a valid token speaks for. */
    public record TokenHolder(String tokenId, String tenant, Scope scope) {}

    public static final String PREFIX = "cwt_";
    private static final String SYS = "https://w3id.org/crosswalk/system/";
    private static final Node TENANT = cw("Tenant"), API_TOKEN = cw("ApiToken"), OF_TENANT = cw("tenant"),
            SCOPE = cw("scope"), HASH = cw("secretHash"), REVOKED = cw("revoked"), CREATED = dct("created"),
            IDENTIFIER = dct("identifier");

    private final TenantGraphs store;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final SecureRandom random = new SecureRandom();
    /** SHA-256 of a token that matched → the bcrypt hash it matched (bcrypt is meant to be slow). */
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    public TenantDirectory(TenantGraphs store) {
        this.store = store;
    }

    private static Node tenantNode(String id) { return NodeFactory.createURI(SYS + "tenant/" + id); }
    private static Node tokenNode(String id) { return NodeFactory.createURI(SYS + "token/" + id); }
    private static Node lit(String s) { return NodeFactory.createLiteralString(s); }
    private static Node now() { return NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime); }

    private DatasetGraph dsg() { return store.graphs(); }

    public Tenant createTenant(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("tenant id must be lower-case letters, digits and hyphens (at most 63), not '" + id + "'");
        }
        return store.write(() -> {
            Node t = tenantNode(id);
            if (dsg().contains(SYSTEM_GRAPH, t, RDF_TYPE, TENANT)) throw new IllegalStateException("tenant '" + id + "' exists");
            Node created = now();
            dsg().add(SYSTEM_GRAPH, t, RDF_TYPE, TENANT);
            dsg().add(SYSTEM_GRAPH, t, IDENTIFIER, lit(id));
            dsg().add(SYSTEM_GRAPH, t, CREATED, created);
            return new Tenant(id, created.getLiteralLexicalForm());
        });
    }

    public boolean tenantExists(String id) {
        return id != null && ID.matcher(id).matches()
                && store.read(() -> dsg().contains(SYSTEM_GRAPH, tenantNode(id), RDF_TYPE, TENANT));
    }

    public List<Tenant> tenants() {
        return store.read(() -> {
            List<Tenant> out = new ArrayList<>();
            dsg().find(SYSTEM_GRAPH, Node.ANY, RDF_TYPE, TENANT).forEachRemaining(q -> {
                String id = one(q.getSubject(), IDENTIFIER);
                out.add(new Tenant(id, one(q.getSubject(), CREATED)));
            });
            out.sort(java.util.Comparator.comparing(Tenant::id));
            return out;
        });
    }

    public NewToken createToken(String tenant, String name, Scope scope) {
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(randomBytes(8));
        String secret = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        String hash = bcrypt.encode(secret);
        return store.write(() -> {
            if (!dsg().contains(SYSTEM_GRAPH, tenantNode(tenant), RDF_TYPE, TENANT)) {
                throw new IllegalArgumentException("no tenant '" + tenant + "'");
            }
            Node k = tokenNode(id);
            Node created = now();
            dsg().add(SYSTEM_GRAPH, k, RDF_TYPE, API_TOKEN);
            dsg().add(SYSTEM_GRAPH, k, IDENTIFIER, lit(id));
            dsg().add(SYSTEM_GRAPH, k, OF_TENANT, tenantNode(tenant));
            dsg().add(SYSTEM_GRAPH, k, RDFS_LABEL, lit(name == null ? "" : name));
            dsg().add(SYSTEM_GRAPH, k, SCOPE, lit(scope.code));
            dsg().add(SYSTEM_GRAPH, k, HASH, lit(hash));
            dsg().add(SYSTEM_GRAPH, k, CREATED, created);
            return new NewToken(new TokenInfo(id, tenant, name, scope.code, created.getLiteralLexicalForm(), null), secret);
        });
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Revokes a token at once: the next request with it is refused. False when there is no such token. */
    public boolean revokeToken(String tokenId) {
        boolean done = store.write(() -> {
            Node k = tokenNode(tokenId);
            if (!dsg().contains(SYSTEM_GRAPH, k, RDF_TYPE, API_TOKEN)) return false;
            if (!dsg().find(SYSTEM_GRAPH, k, REVOKED, Node.ANY).hasNext()) dsg().add(SYSTEM_GRAPH, k, REVOKED, now());
            return true;
        });
        return done;
    }

    public List<TokenInfo> tokens(String tenant) {
        return store.read(() -> {
            List<TokenInfo> out = new ArrayList<>();
            dsg().find(SYSTEM_GRAPH, Node.ANY, OF_TENANT, tenantNode(tenant)).forEachRemaining(q -> out.add(info(q.getSubject(), tenant)));
            out.sort(java.util.Comparator.comparing(TokenInfo::created));
            return out;
        });
    }

    private TokenInfo info(Node k, String tenant) {
        return new TokenInfo(one(k, IDENTIFIER), tenant, one(k, RDFS_LABEL), one(k, SCOPE), one(k, CREATED), one(k, REVOKED));
    }

    /**
     * The holder of a presented token, or empty when it is malformed, unknown, revoked or wrong. The token's
     * record is read on every call, so a revocation made through any replica of the service is seen by
     * the next request; only the bcrypt comparison is remembered (for the hash it was made against).
     */
    public Optional<TokenHolder> verify(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) return Optional.empty();
        int sep = presented.indexOf('_', PREFIX.length());
        if (sep < 0) return Optional.empty();
        String id = presented.substring(PREFIX.length(), sep);
        if (!id.matches("[0-9a-f]{16}")) return Optional.empty();
        String digest = sha256(presented);
        record Stored(String hash, TokenHolder holder) {}
        Optional<Stored> stored = store.read(() -> {
            Node k = tokenNode(id);
            if (!dsg().contains(SYSTEM_GRAPH, k, RDF_TYPE, API_TOKEN)) return Optional.<Stored>empty();
            if (dsg().find(SYSTEM_GRAPH, k, REVOKED, Node.ANY).hasNext()) return Optional.<Stored>empty();
            Node tenantNode = dsg().find(SYSTEM_GRAPH, k, OF_TENANT, Node.ANY).next().getObject();
            return Optional.of(new Stored(one(k, HASH), new TokenHolder(id, one(tenantNode, IDENTIFIER), Scope.of(one(k, SCOPE)))));
        });
        if (stored.isEmpty()) {
            verified.remove(digest);
            return Optional.empty();
        }
        String hash = stored.get().hash();
        if (!hash.equals(verified.get(digest))) {
            if (!bcrypt.matches(presented, hash)) return Optional.empty();
            verified.put(digest, hash);
        }
        return Optional.of(stored.get().holder());
    }

    private String one(Node s, Node p) {
        var it = dsg().find(SYSTEM_GRAPH, s, p, Node.ANY);
        if (!it.hasNext()) return null;
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : o.getURI();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
