package org.crosswalk.store;

import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionalSystem;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Which version of the data a TDB2 store holds, as the current transaction sees it: the data version it
 * was loaded from plus TDB2's own data version (bumped by every committed write). Anything that caches
 * answers keys them by this, read inside the transaction that computes the answer, so a write (a reload,
 * a repair by hand) makes every earlier answer unreachable at once and no answer is filed under a version
 * it was not computed on.
 */
public final class DataGeneration {
    private final String loadedVersion;
    private final TransactionalSystem txns;

    private DataGeneration(String loadedVersion, TransactionalSystem txns) {
        this.loadedVersion = loadedVersion;
        this.txns = txns;
    }

    /** For {@code dataset}: a TDB2 dataset, possibly wrapped (e.g. by jena-text). */
    public static DataGeneration of(Dataset dataset, String loadedVersion) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        while (dsg instanceof DatasetGraphWrapper wrapper) dsg = wrapper.getWrapped();
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        if (tdb == null) throw new IllegalArgumentException("not a TDB2 dataset: " + dsg.getClass().getName());
        return new DataGeneration(loadedVersion, tdb.getTxnSystem());
    }

    /** The generation the calling thread's transaction sees; call it inside a transaction. */
    public String current() {
        Transaction txn = txns.getThreadTransaction();
        if (txn == null) throw new IllegalStateException("DataGeneration.current() outside a transaction");
        return loadedVersion + "+" + txn.getDataVersion();
    }
}
