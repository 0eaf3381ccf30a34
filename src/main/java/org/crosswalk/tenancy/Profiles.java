package org.crosswalk.tenancy;

import static org.crosswalk.tenancy.TenantVocab.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Stored organisation profiles. A profile is the named graph {@code …/tenant/<t>/profile/<id>} holding its
 * current statements; every change writes a new version: a snapshot graph {@code …/profile/<id>/version/<n>}
 * and, in the tenant's history graph, a {@code prov:Entity} that is a {@code prov:specializationOf} the
 * profile, {@code prov:wasRevisionOf} the version before, {@code prov:generatedAtTime} when and
 * {@code prov:wasAttributedTo} whom, with the counts of statements added, removed and changed. Old
 * versions stay queryable as graphs. Each method is one TDB2 transaction; a write either lands whole
 * (statements, snapshot, history) or not at all, and checks the expected version inside that
 * transaction, so two writers racing on one version cannot both win.
 */
public final class Profiles {
    /** How long a deleted profile can be restored before it is purged. */
    public static final Duration RESTORABLE_FOR = Duration.ofDays(30);

    public record Summary(String id, String title, int version, String modified, String modifiedBy, int statements, String deleted) {}
    public record Profile(String id, String title, int version, String created, String modified, String modifiedBy,
                          List<ProfileStatement> statements) {}
    public record Version(int version, String at, String by, String change, int added, int removed, int changed, int statements) {}
    public record Change(String ref, ProfileStatement before, ProfileStatement after) {}
    public record Diff(String id, int from, int to, List<ProfileStatement> added, List<ProfileStatement> removed, List<Change> changed) {}

    private static final Node PROFILE = cw("Profile"), STATEMENT = cw("ProfileStatement"), VERSION = cw("ProfileVersion"),
            ENTITY = prov("Entity"), AGENT = prov("Agent"), SPECIALIZATION_OF = prov("specializationOf"),
            REVISION_OF = prov("wasRevisionOf"), GENERATED_AT = prov("generatedAtTime"), ATTRIBUTED_TO = prov("wasAttributedTo"),
            CURRENT = cw("currentVersion"), NUMBER = cw("versionNumber"), CHANGE = cw("change"), ADDED = cw("added"),
            REMOVED = cw("removed"), CHANGED = cw("changed"), COUNT = cw("statementCount"), DELETED = cw("deletedAt"),
            ABOUT = cw("about"), REF = cw("ref"), STATUS = cw("profileStatus"), NOTE = cw("note"), OWNER = cw("owner"),
            DATE = dct("date"), TITLE = dct("title"), IDENTIFIER = dct("identifier"), CREATED = dct("created"),
            MODIFIED = dct("modified");

    private final TenantGraphs store;

    public Profiles(TenantGraphs store) {
        this.store = store;
    }

    private DatasetGraph dsg() { return store.graphs(); }

    // ------------------------------------------------------------------ writes

    public Profile create(String tenant, String id, String title, List<ProfileStatement> statements, String agent) {
        requireId(id);
        return store.write(() -> {
            Node profile = profileGraph(tenant, id);
            if (dsg().contains(historyGraph(tenant), profile, RDF_TYPE, PROFILE)) {
                throw new ProfileExistsException(id);
            }
            Node h = historyGraph(tenant);
            Node now = now();
            dsg().add(h, profile, RDF_TYPE, PROFILE);
            dsg().add(h, profile, RDF_TYPE, ENTITY);
            dsg().add(h, profile, IDENTIFIER, lit(id));
            dsg().add(h, profile, CREATED, now);
            writeVersion(tenant, id, 1, title, List.of(), statements, "create", agent, now);
            return readProfile(tenant, id);
        });
    }

    public Profile replace(String tenant, String id, String ifMatch, String title, List<ProfileStatement> statements, String agent) {
        return store.write(() -> {
            int current = checkVersion(tenant, id, ifMatch);
            String newTitle = title != null ? title : str(historyGraph(tenant), versionGraph(tenant, id, current), TITLE);
            writeVersion(tenant, id, current + 1, newTitle, statements(tenant, id, current), statements, "replace", agent, now());
            return readProfile(tenant, id);
        });
    }

    /** Adds or replaces the statements in {@code upsert} (by ref) and removes those whose ref is in {@code remove}. */
    public Profile patch(String tenant, String id, String ifMatch, List<ProfileStatement> upsert, List<String> remove, String agent) {
        return store.write(() -> {
            int current = checkVersion(tenant, id, ifMatch);
            List<ProfileStatement> before = statements(tenant, id, current);
            Map<String, ProfileStatement> next = new LinkedHashMap<>();
            before.forEach(s -> next.put(s.ref(), s));
            for (String r : remove) {
                if (next.remove(r) == null) throw new IllegalArgumentException("'" + r + "' is not in profile '" + id + "': nothing to remove");
            }
            upsert.forEach(s -> next.put(s.ref(), s));
            String title = str(historyGraph(tenant), versionGraph(tenant, id, current), TITLE);
            writeVersion(tenant, id, current + 1, title, before, List.copyOf(next.values()), "patch", agent, now());
            return readProfile(tenant, id);
        });
    }

    /** Soft delete: the profile disappears from reads and lists, and can be restored for 30 days. */
    public void delete(String tenant, String id, String ifMatch, String agent) {
        store.write(() -> {
            int current = checkVersion(tenant, id, ifMatch);
            Node now = now();
            dsg().add(historyGraph(tenant), profileGraph(tenant, id), DELETED, now);
            List<ProfileStatement> same = statements(tenant, id, current);
            String title = str(historyGraph(tenant), versionGraph(tenant, id, current), TITLE);
            writeVersion(tenant, id, current + 1, title, same, same, "delete", agent, now);
            return null;
        });
    }

    public Profile restore(String tenant, String id, String agent) {
        return store.write(() -> {
            Node h = historyGraph(tenant), profile = profileGraph(tenant, id);
            if (!dsg().contains(h, profile, RDF_TYPE, PROFILE) || !dsg().find(h, profile, DELETED, Node.ANY).hasNext()) {
                throw new ProfileNotFoundException(id);
            }
            dsg().deleteAny(h, profile, DELETED, Node.ANY);
            int current = currentVersion(tenant, id);
            List<ProfileStatement> same = statements(tenant, id, current);
            String title = str(h, versionGraph(tenant, id, current), TITLE);
            writeVersion(tenant, id, current + 1, title, same, same, "restore", agent, now());
            return readProfile(tenant, id);
        });
    }

    /** Removes every graph and history entry of profiles deleted longer ago than {@link #RESTORABLE_FOR}. */
    public int purgeExpired(Instant now) {
        return store.write(() -> {
            List<Quad> expired = new ArrayList<>();
            dsg().find(Node.ANY, Node.ANY, DELETED, Node.ANY).forEachRemaining(q -> {
                if (Instant.parse(q.getObject().getLiteralLexicalForm()).plus(RESTORABLE_FOR).isBefore(now)) expired.add(q);
            });
            for (Quad q : expired) {
                Node h = q.getGraph(), profile = q.getSubject();
                String prefix = profile.getURI();
                List<Node> graphs = new ArrayList<>();
                dsg().listGraphNodes().forEachRemaining(g -> {
                    if (g.getURI().equals(prefix) || g.getURI().startsWith(prefix + "/version/")) graphs.add(g);
                });
                graphs.forEach(dsg()::removeGraph);
                List<Quad> meta = new ArrayList<>();
                dsg().find(h, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(m -> {
                    if (m.getSubject().isURI() && (m.getSubject().equals(profile) || m.getSubject().getURI().startsWith(prefix + "/version/"))) meta.add(m);
                });
                meta.forEach(dsg()::delete);
            }
            return expired.size();
        });
    }

    // ------------------------------------------------------------------ reads

    public Profile get(String tenant, String id) {
        return store.read(() -> {
            requireLive(tenant, id);
            return readProfile(tenant, id);
        });
    }

    public List<Summary> list(String tenant, boolean deleted) {
        return store.read(() -> {
            List<Summary> out = new ArrayList<>();
            Node h = historyGraph(tenant);
            dsg().find(h, Node.ANY, RDF_TYPE, PROFILE).forEachRemaining(q -> {
                Node p = q.getSubject();
                String del = str(h, p, DELETED);
                if ((del != null) != deleted) return;
                String id = str(h, p, IDENTIFIER);
                int v = Integer.parseInt(str(h, p, CURRENT));
                Node vn = versionGraph(tenant, id, v);
                out.add(new Summary(id, str(h, vn, TITLE), v, str(h, vn, GENERATED_AT), agentLabel(h, vn),
                        Integer.parseInt(str(h, vn, COUNT)), del));
            });
            out.sort(Comparator.comparing(Summary::id));
            return out;
        });
    }

    public List<Version> history(String tenant, String id) {
        return store.read(() -> {
            requireLive(tenant, id);
            List<Version> out = new ArrayList<>();
            Node h = historyGraph(tenant);
            int current = currentVersion(tenant, id);
            for (int n = 1; n <= current; n++) {
                Node v = versionGraph(tenant, id, n);
                out.add(new Version(n, str(h, v, GENERATED_AT), agentLabel(h, v), str(h, v, CHANGE), integer(h, v, ADDED),
                        integer(h, v, REMOVED), integer(h, v, CHANGED), integer(h, v, COUNT)));
            }
            return out;
        });
    }

    public Profile version(String tenant, String id, int n) {
        return store.read(() -> {
            requireLive(tenant, id);
            requireVersion(tenant, id, n);
            Node h = historyGraph(tenant), v = versionGraph(tenant, id, n);
            return new Profile(id, str(h, v, TITLE), n, str(h, profileGraph(tenant, id), CREATED), str(h, v, GENERATED_AT),
                    agentLabel(h, v), statements(tenant, id, n));
        });
    }

    public Diff diff(String tenant, String id, int from, int to) {
        return store.read(() -> {
            requireLive(tenant, id);
            requireVersion(tenant, id, from);
            requireVersion(tenant, id, to);
            return compare(id, from, to, statements(tenant, id, from), statements(tenant, id, to));
        });
    }

    /** The version number of a live profile (its ETag), for answers computed from its graph. */
    public int currentLiveVersion(String tenant, String id) {
        return store.read(() -> {
            requireLive(tenant, id);
            return currentVersion(tenant, id);
        });
    }

    // ------------------------------------------------------------------ inside a transaction

    private void writeVersion(String tenant, String id, int n, String title, List<ProfileStatement> before,
                              List<ProfileStatement> after, String change, String agent, Node at) {
        Node h = historyGraph(tenant), profile = profileGraph(tenant, id), v = versionGraph(tenant, id, n);
        Diff d = compare(id, n - 1, n, before, after);
        dsg().removeGraph(profile);
        for (ProfileStatement s : after) {
            writeStatement(profile, profile, s);
            writeStatement(v, profile, s);
        }
        Node agentNode = NodeFactory.createURI(tenantPrefix(tenant) + "agent/" + enc(agent));
        dsg().add(h, agentNode, RDF_TYPE, AGENT);
        if (!dsg().find(h, agentNode, RDFS_LABEL, Node.ANY).hasNext()) dsg().add(h, agentNode, RDFS_LABEL, lit(agent));
        dsg().add(h, v, RDF_TYPE, VERSION);
        dsg().add(h, v, RDF_TYPE, ENTITY);
        dsg().add(h, v, SPECIALIZATION_OF, profile);
        dsg().add(h, v, NUMBER, integer(n));
        if (n > 1) dsg().add(h, v, REVISION_OF, versionGraph(tenant, id, n - 1));
        dsg().add(h, v, GENERATED_AT, at);
        dsg().add(h, v, ATTRIBUTED_TO, agentNode);
        dsg().add(h, v, CHANGE, lit(change));
        dsg().add(h, v, ADDED, integer(d.added().size()));
        dsg().add(h, v, REMOVED, integer(d.removed().size()));
        dsg().add(h, v, CHANGED, integer(d.changed().size()));
        dsg().add(h, v, COUNT, integer(after.size()));
        if (title != null) dsg().add(h, v, TITLE, lit(title));
        dsg().deleteAny(h, profile, CURRENT, Node.ANY);
        dsg().add(h, profile, CURRENT, integer(n));
        dsg().deleteAny(h, profile, MODIFIED, Node.ANY);
        dsg().add(h, profile, MODIFIED, at);
    }

    private void writeStatement(Node graph, Node profile, ProfileStatement s) {
        Node st = NodeFactory.createURI(profile.getURI() + "/statement/" + enc(s.ref()));
        dsg().add(graph, st, RDF_TYPE, STATEMENT);
        dsg().add(graph, st, REF, lit(s.ref()));
        dsg().add(graph, st, ABOUT, NodeFactory.createURI(s.about()));
        dsg().add(graph, st, STATUS, lit(s.status()));
        if (s.note() != null) dsg().add(graph, st, NOTE, lit(s.note()));
        if (s.owner() != null) dsg().add(graph, st, OWNER, lit(s.owner()));
        if (s.date() != null) dsg().add(graph, st, DATE, NodeFactory.createLiteralDT(s.date(), XSDDatatype.XSDdate));
    }

    private List<ProfileStatement> statements(String tenant, String id, int version) {
        Node g = versionGraph(tenant, id, version);
        List<ProfileStatement> out = new ArrayList<>();
        dsg().find(g, Node.ANY, RDF_TYPE, STATEMENT).forEachRemaining(q -> {
            Node s = q.getSubject();
            out.add(new ProfileStatement(str(g, s, REF), str(g, s, ABOUT), str(g, s, STATUS), str(g, s, NOTE), str(g, s, OWNER), str(g, s, DATE)));
        });
        out.sort(Comparator.comparing(ProfileStatement::ref));
        return out;
    }

    private Profile readProfile(String tenant, String id) {
        Node h = historyGraph(tenant);
        int n = currentVersion(tenant, id);
        Node v = versionGraph(tenant, id, n);
        return new Profile(id, str(h, v, TITLE), n, str(h, profileGraph(tenant, id), CREATED), str(h, v, GENERATED_AT),
                agentLabel(h, v), statements(tenant, id, n));
    }

    private int currentVersion(String tenant, String id) {
        String v = str(historyGraph(tenant), profileGraph(tenant, id), CURRENT);
        if (v == null) throw new ProfileNotFoundException(id);
        return Integer.parseInt(v);
    }

    private void requireLive(String tenant, String id) {
        Node h = historyGraph(tenant), p = profileGraph(tenant, id);
        if (!ID.matcher(id).matches() || !dsg().contains(h, p, RDF_TYPE, PROFILE) || dsg().find(h, p, DELETED, Node.ANY).hasNext()) {
            throw new ProfileNotFoundException(id);
        }
    }

    private void requireVersion(String tenant, String id, int n) {
        if (n < 1 || n > currentVersion(tenant, id)) throw new ProfileNotFoundException(id + "' version '" + n);
    }

    /** The version a write was made against must be the current one (If-Match: "n"). */
    private int checkVersion(String tenant, String id, String ifMatch) {
        requireLive(tenant, id);
        int current = currentVersion(tenant, id);
        if (!Objects.equals(ifMatch, etag(current))) throw new VersionConflictException(id, ifMatch, current);
        return current;
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    static Diff compare(String id, int from, int to, List<ProfileStatement> before, List<ProfileStatement> after) {
        Map<String, ProfileStatement> b = new LinkedHashMap<>(), a = new LinkedHashMap<>();
        before.forEach(s -> b.put(s.ref(), s));
        after.forEach(s -> a.put(s.ref(), s));
        List<ProfileStatement> added = new ArrayList<>(), removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        a.forEach((ref, s) -> {
            ProfileStatement old = b.get(ref);
            if (old == null) added.add(s);
            else if (!old.equals(s)) changed.add(new Change(ref, old, s));
        });
        b.forEach((ref, s) -> { if (!a.containsKey(ref)) removed.add(s); });
        return new Diff(id, from, to, added, removed, changed);
    }

    private static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("profile id must be lower-case letters, digits and hyphens (at most 63), not '" + id + "'");
        }
    }

    private String agentLabel(Node h, Node version) {
        var it = dsg().find(h, version, ATTRIBUTED_TO, Node.ANY);
        return it.hasNext() ? str(h, it.next().getObject(), RDFS_LABEL) : null;
    }

    private String str(Node g, Node s, Node p) {
        var it = dsg().find(g, s, p, Node.ANY);
        if (!it.hasNext()) return null;
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : o.getURI();
    }

    private int integer(Node g, Node s, Node p) {
        String v = str(g, s, p);
        return v == null ? 0 : Integer.parseInt(v);
    }

    private static Node integer(int n) { return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger); }
    private static Node lit(String s) { return NodeFactory.createLiteralString(s); }
    private static Node now() { return NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime); }
    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** A profile with that id exists already (409). */
    public static class ProfileExistsException extends RuntimeException {
        public ProfileExistsException(String id) {
            super("A profile '" + id + "' exists already: replace it (PUT) or choose another id");
        }
    }
}
