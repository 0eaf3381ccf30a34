package org.crosswalk.tenancy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.crosswalk.store.RemoteDataset;
import org.crosswalk.store.StoreUnavailableException;

/**
 * Tenant data in a dataset of the remote SPARQL store ({@code crosswalk.store=remote}), so every replica
 * of the service sees the same tenants, tokens and profiles at once. The store is reached only through
 * SPARQL 1.1 query and update (no Graph Store Protocol, no vendor extension), so any store works.
 *
 * <p>A read or write works on a snapshot that fetches each graph the first time the code touches it: its
 * triples and its revision stamp in one query (so the two belong to one state of the store). Every graph
 * has a revision stamp ({@code <graph> cw:revision "<uuid>"} in a bookkeeping graph), replaced by every
 * commit that changes the graph; a profile's own graph thus carries a per-profile revision. A write
 * commits as one SPARQL Update request, {@code DELETE {removed quads, old stamps} INSERT {added quads,
 * new stamps, a commit marker} WHERE {every graph the write read still has the stamp it read}}, which the
 * store applies in one transaction: all of it, or (when another replica changed one of those graphs in
 * the meantime) nothing. The marker says which happened. A write that lost the race is run again on fresh
 * data, so the conditions it checks (the If-Match version of a profile, a tenant that must not exist yet)
 * are checked against the winner's result: of two writes made against one version, one lands and the
 * other gets 412, whichever replica each went through.
 */
public final class RemoteTenantStore implements TenantGraphs {
    static final String SYS = "https://w3id.org/crosswalk/system/";
    /** Revision stamps of the tenant graphs; never shown by any door (TenantView shows a tenant's own graphs only). */
    static final Node REVISIONS = NodeFactory.createURI(SYS + "revisions");
    /** Commit markers: present while a writer checks whether its commit landed, then deleted. */
    static final Node COMMITS = NodeFactory.createURI(SYS + "commits");
    static final Node REVISION = TenantVocab.cw("revision");
    static final Node COMMITTED = TenantVocab.cw("committedAt");
    private static final int ATTEMPTS = 12;

    private final RemoteDataset remote;
    private final ThreadLocal<Snapshot> current = new ThreadLocal<>();
    /** Markers of landed commits, deleted with the next commit (or now, on close). */
    private final ConcurrentLinkedQueue<Node> landed = new ConcurrentLinkedQueue<>();

    public RemoteTenantStore(RemoteDataset remote) {
        this.remote = remote;
    }

    public RemoteDataset remote() {
        return remote;
    }

    @Override
    public <T> T read(Supplier<T> action) {
        if (current.get() != null) return action.get();
        current.set(new Snapshot());
        try {
            return action.get();
        } finally {
            current.remove();
        }
    }

    @Override
    public <T> T write(Supplier<T> action) {
        if (current.get() != null) return action.get();
        for (int attempt = 1; ; attempt++) {
            Snapshot s = new Snapshot();
            current.set(s);
            T result;
            try {
                result = action.get();
            } finally {
                current.remove();
            }
            if (s.publish()) return result;
            if (attempt == ATTEMPTS) {
                throw new StoreUnavailableException("other replicas kept changing the same tenant data; nothing was changed", null);
            }
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted", e);
            }
        }
    }

    @Override
    public DatasetGraph graphs() {
        Snapshot s = current.get();
        if (s == null) throw new IllegalStateException("tenant data is read inside read() or write() only");
        return s;
    }

    /** Every quad of the tenant dataset (tenant graphs and the system graph) in one query: one state of the store. */
    @Override
    public long backup(Path target) throws IOException {
        DatasetGraph copy = DatasetGraphFactory.create();
        remote.query(conn -> {
            conn.querySelect("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", row -> {
                Node g = row.get("g").asNode();
                if (!g.equals(REVISIONS) && !g.equals(COMMITS)) {
                    copy.add(g, row.get("s").asNode(), row.get("p").asNode(), row.get("o").asNode());
                }
            });
            return null;
        });
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".backup-", ".nq.gz");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                RDFDataMgr.write(out, copy, Lang.NQUADS);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return copy.stream().count();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() {
        try {
            if (!landed.isEmpty()) remote.update(cleanup(new StringBuilder()).toString());
        } catch (RuntimeException e) {
            // The store is gone: the markers stay, harmless.
        }
        remote.close();
    }

    private StringBuilder cleanup(StringBuilder u) {
        List<Node> done = new ArrayList<>();
        for (Node m; (m = landed.poll()) != null; ) done.add(m);
        if (!done.isEmpty()) {
            u.append("DELETE { GRAPH ").append(nt(COMMITS)).append(" { ?m ?p ?o } } WHERE { GRAPH ").append(nt(COMMITS))
                    .append(" { ?m ?p ?o } VALUES ?m {");
            done.forEach(m -> u.append(' ').append(nt(m)));
            u.append(" } } ;\n");
        }
        return u;
    }

    private static String nt(Node n) {
        return NodeFmtLib.strNT(n);
    }

    private static boolean internal(Node g) {
        return g.equals(REVISIONS) || g.equals(COMMITS);
    }

    /**
     * One read or write: graphs are fetched on first touch into an in-memory dataset, with their revision
     * stamps; the commit sends the difference. Graph names for {@code GRAPH ?g} and pattern searches over
     * all graphs are asked of the store (not guarded: a graph the write then touches is).
     */
    private final class Snapshot extends DatasetGraphWrapper {
        private final DatasetGraph mem;
        /** Graph → its triples as fetched, for the graphs fetched so far. */
        private final Map<Node, Set<Triple>> original = new HashMap<>();
        /** Graph → its revision stamp as fetched (absent: none, the graph never existed). */
        private final Map<Node, String> revisions = new HashMap<>();
        private Set<Node> names;

        Snapshot() {
            this(DatasetGraphFactory.create());
        }

        private Snapshot(DatasetGraph mem) {
            super(mem);
            this.mem = mem;
        }

        private void fetch(Node g) {
            if (original.containsKey(g)) return;
            if (g == null || !g.isURI()) throw new UnsupportedOperationException("tenant data lives in named graphs, not " + g);
            Set<Triple> triples = new HashSet<>();
            String[] rev = {null};
            remote.query(conn -> {
                conn.querySelect("SELECT ?s ?p ?o ?rev WHERE { { GRAPH " + nt(g) + " { ?s ?p ?o } } UNION { GRAPH " + nt(REVISIONS)
                        + " { " + nt(g) + " " + nt(REVISION) + " ?rev } } }", row -> {
                    if (row.contains("rev")) rev[0] = row.getLiteral("rev").getLexicalForm();
                    else triples.add(Triple.create(row.get("s").asNode(), row.get("p").asNode(), row.get("o").asNode()));
                });
                return null;
            });
            original.put(g, triples);
            if (rev[0] != null) revisions.put(g, rev[0]);
            Graph copy = mem.getGraph(g);
            triples.forEach(copy::add);
        }

        /** Fetches every graph holding a match of the pattern (the store is asked which). */
        private void fetchMatching(Node s, Node p, Node o) {
            String pattern = term(s, "?s") + " " + term(p, "?p") + " " + term(o, "?o");
            List<Node> graphs = new ArrayList<>();
            remote.query(conn -> {
                conn.querySelect("SELECT DISTINCT ?g WHERE { GRAPH ?g { " + pattern + " } }", row -> graphs.add(row.get("g").asNode()));
                return null;
            });
            for (Node g : graphs) if (!internal(g)) fetch(g);
        }

        private static String term(Node n, String var) {
            return n == null || n == Node.ANY ? var : nt(n);
        }

        private boolean concrete(Node g) {
            return g != null && g != Node.ANY && !Quad.isUnionGraph(g);
        }

        // ---------------------------------------------------------------- reads

        @Override
        public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
            if (concrete(g)) {
                if (Quad.isDefaultGraph(g)) return mem.find(g, s, p, o);
                fetch(g);
            } else {
                fetchMatching(s, p, o);
            }
            return mem.find(g, s, p, o);
        }

        @Override
        public Iterator<Quad> find(Quad q) {
            return find(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }

        @Override
        public Iterator<Quad> find() {
            return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        }

        @Override
        public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
            if (concrete(g)) fetch(g);
            else fetchMatching(s, p, o);
            return mem.findNG(g, s, p, o);
        }

        @Override
        public boolean contains(Node g, Node s, Node p, Node o) {
            return find(g, s, p, o).hasNext();
        }

        @Override
        public boolean contains(Quad q) {
            return contains(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }

        /** A view: the graph is fetched when the query first looks into it. */
        @Override
        public Graph getGraph(Node g) {
            return GraphView.createNamedGraph(this, g);
        }

        @Override
        public boolean containsGraph(Node g) {
            fetch(g);
            return !mem.getGraph(g).isEmpty();
        }

        @Override
        public Iterator<Node> listGraphNodes() {
            if (names == null) {
                Set<Node> found = new LinkedHashSet<>();
                remote.query(conn -> {
                    conn.querySelect("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", row -> found.add(row.get("g").asNode()));
                    return null;
                });
                found.removeIf(RemoteTenantStore::internal);
                names = found;
            }
            Set<Node> out = new LinkedHashSet<>(names);
            mem.listGraphNodes().forEachRemaining(out::add);
            out.removeIf(g -> original.containsKey(g) && mem.getGraph(g).isEmpty());
            return out.iterator();
        }

        @Override
        public java.util.stream.Stream<Quad> stream() {
            List<Quad> all = new ArrayList<>();
            find().forEachRemaining(all::add);
            return all.stream();
        }

        // ---------------------------------------------------------------- writes (in memory until commit)

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            fetch(g);
            mem.add(g, s, p, o);
        }

        @Override
        public void add(Quad q) {
            add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }

        @Override
        public void delete(Node g, Node s, Node p, Node o) {
            fetch(g);
            mem.delete(g, s, p, o);
        }

        @Override
        public void delete(Quad q) {
            delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }

        @Override
        public void deleteAny(Node g, Node s, Node p, Node o) {
            if (!concrete(g)) throw new UnsupportedOperationException("deleteAny over all graphs");
            fetch(g);
            mem.deleteAny(g, s, p, o);
        }

        @Override
        public void removeGraph(Node g) {
            fetch(g);
            mem.getGraph(g).clear();
        }

        @Override
        public void addGraph(Node g, Graph graph) {
            fetch(g);
            Graph target = mem.getGraph(g);
            target.clear();
            graph.find().forEachRemaining(target::add);
        }

        @Override
        public void clear() {
            listGraphNodes().forEachRemaining(this::removeGraph);
        }

        // ---------------------------------------------------------------- commit

        /** True when the changes landed (or there were none); false when another writer changed a graph this one read. */
        boolean publish() {
            Map<Node, Set<Triple>> added = new HashMap<>(), removed = new HashMap<>();
            original.forEach((g, before) -> {
                Set<Triple> after = new HashSet<>();
                mem.getGraph(g).find().forEachRemaining(after::add);
                Set<Triple> plus = new HashSet<>(after);
                plus.removeAll(before);
                Set<Triple> minus = new HashSet<>(before);
                minus.removeAll(after);
                if (!plus.isEmpty()) added.put(g, plus);
                if (!minus.isEmpty()) removed.put(g, minus);
            });
            if (added.isEmpty() && removed.isEmpty()) return true;
            Set<Node> changed = new HashSet<>(added.keySet());
            changed.addAll(removed.keySet());
            String stamp = UUID.randomUUID().toString();
            Node marker = NodeFactory.createURI(SYS + "commit/" + stamp);

            StringBuilder u = cleanup(new StringBuilder());
            u.append("DELETE {\n");
            removed.forEach((g, ts) -> quads(u, g, ts));
            for (Node g : changed) {
                String old = revisions.get(g);
                if (old != null) u.append("  GRAPH ").append(nt(REVISIONS)).append(" { ").append(nt(g)).append(' ')
                        .append(nt(REVISION)).append(' ').append(nt(NodeFactory.createLiteralString(old))).append(" }\n");
            }
            u.append("}\nINSERT {\n");
            added.forEach((g, ts) -> quads(u, g, ts));
            for (Node g : changed) {
                u.append("  GRAPH ").append(nt(REVISIONS)).append(" { ").append(nt(g)).append(' ').append(nt(REVISION)).append(' ')
                        .append(nt(NodeFactory.createLiteralString(stamp))).append(" }\n");
            }
            u.append("  GRAPH ").append(nt(COMMITS)).append(" { ").append(nt(marker)).append(' ').append(nt(COMMITTED)).append(' ')
                    .append(nt(NodeFactory.createLiteralDT(Instant.now().toString(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime)))
                    .append(" }\n}\nWHERE {\n");
            // The guard: every graph this write read (or wrote) is as it was read.
            for (Node g : original.keySet()) {
                String rev = revisions.get(g);
                if (rev != null) {
                    u.append("  GRAPH ").append(nt(REVISIONS)).append(" { ").append(nt(g)).append(' ').append(nt(REVISION)).append(' ')
                            .append(nt(NodeFactory.createLiteralString(rev))).append(" }\n");
                } else {
                    u.append("  FILTER NOT EXISTS { GRAPH ").append(nt(REVISIONS)).append(" { ").append(nt(g)).append(' ')
                            .append(nt(REVISION)).append(" ?any } }\n");
                }
            }
            u.append("}\n");
            remote.update(u.toString());
            boolean done = remote.query(conn -> conn.queryAsk("ASK { GRAPH " + nt(COMMITS) + " { " + nt(marker) + " ?p ?o } }"));
            if (done) landed.add(marker);
            return done;
        }

        private void quads(StringBuilder u, Node g, Set<Triple> ts) {
            u.append("  GRAPH ").append(nt(g)).append(" {\n");
            for (Triple t : ts) {
                if (t.getSubject().isBlank() || t.getObject().isBlank()) {
                    throw new IllegalStateException("tenant data has no blank nodes: " + t);
                }
                u.append("    ").append(nt(t.getSubject())).append(' ').append(nt(t.getPredicate())).append(' ')
                        .append(nt(t.getObject())).append(" .\n");
            }
            u.append("  }\n");
        }
    }

    /** For tests: the revision stamp the store holds for a graph (null: none). */
    String revision(Node graph) {
        String[] rev = {null};
        remote.query(conn -> {
            conn.querySelect("SELECT ?rev WHERE { GRAPH " + nt(REVISIONS) + " { " + nt(graph) + " " + nt(REVISION) + " ?rev } }",
                    (QuerySolution row) -> rev[0] = row.getLiteral("rev").getLexicalForm());
            return null;
        });
        return rev[0];
    }
}
