package org.crosswalk.store;

import java.util.function.Supplier;

/**
 * Which version of the data a store holds, as the current read sees it: what anything that caches answers
 * keys them by. Embedded TDB2: the data version it was loaded from plus TDB2's own data version, bumped by
 * every committed write, read inside the transaction that computes the answer, so a write (a reload, a
 * repair by hand) makes every earlier answer unreachable at once and no answer is filed under a version it
 * was not computed on. Any other store: its data version (the reference data it holds does not change
 * under a running service).
 */
public final class DataGeneration {
    private final Supplier<String> current;

    private DataGeneration(Supplier<String> current) {
        this.current = current;
    }

    public static DataGeneration of(CrosswalkStore store) {
        if (!(store instanceof EmbeddedStore embedded)) return new DataGeneration(store::version);
        String loaded = store.version();
        return new DataGeneration(() -> loaded + "+" + embedded.dataVersionOfThisRead());
    }

    /** The generation the calling read sees; call it inside {@link CrosswalkStore#read}. */
    public String current() {
        return current.get();
    }
}
