package org.crosswalk.tenancy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The tenants' own TDB2 database (embedded mode; {@link RemoteTenantStore} in remote mode): profiles (one named graph each, plus one per version), their PROV-O
 * history, and the system graph of tenants and API tokens. It sits beside the reference store (under
 * {@code <store-dir>/tenants}) and not inside it, because the reference store is rebuilt into a fresh
 * directory whenever the catalogues or mappings change: tenant data must outlive every such rebuild, and
 * no code path that writes reference data can touch it. Every change is one TDB2 write transaction
 * (journalled and synced on commit), so an acknowledged write survives a kill -9 and a failed one leaves
 * nothing behind.
 */
public final class TenantStore implements TenantGraphs {
    /** Directory under the store root; the reference store leaves it alone when it cleans old versions. */
    public static final String DIRECTORY = "tenants";

    private final Dataset dataset;
    private final Path directory;

    private TenantStore(Dataset dataset, Path directory) {
        this.dataset = dataset;
        this.directory = directory;
    }

    public static TenantStore open(Path storeRoot) {
        Path dir = storeRoot.toAbsolutePath().resolve(DIRECTORY);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TenantStore(TDB2Factory.connectDataset(dir.resolve("tdb2").toString()), dir);
    }

    public Dataset dataset() {
        return dataset;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public DatasetGraph graphs() {
        return dataset.asDatasetGraph();
    }

    @Override
    public <T> T write(Supplier<T> action) {
        return Txn.calculateWrite(dataset, action);
    }

    @Override
    public <T> T read(Supplier<T> action) {
        return Txn.calculateRead(dataset, action);
    }

    /**
     * A consistent snapshot of every tenant graph and the system graph as gzipped N-Quads, taken inside one
     * read transaction (TDB2 readers see one committed state while writers go on), written beside
     * {@code target} and moved into place only when complete.
     */
    @Override
    public long backup(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".backup-", ".nq.gz");
        try {
            long quads = Txn.calculateRead(dataset, () -> {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                    RDFDataMgr.write(out, dataset.asDatasetGraph(), Lang.NQUADS);
                    return dataset.asDatasetGraph().stream().count();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return quads;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Replaces everything in this (stopped service's) tenant database with a backup, in one write
     * transaction: the restore lands whole or not at all.
     */
    public long restore(Path backup) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(backup))) {
            var loaded = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
            RDFParser.source(in).lang(Lang.NQUADS).parse(loaded);
            return Txn.calculateWrite(dataset, () -> {
                dataset.asDatasetGraph().clear();
                loaded.find().forEachRemaining(dataset.asDatasetGraph()::add);
                return dataset.asDatasetGraph().stream().count();
            });
        }
    }

    @Override
    public void close() {
        dataset.close();
        TDBInternal.expel(dataset.asDatasetGraph(), true);
    }
}
