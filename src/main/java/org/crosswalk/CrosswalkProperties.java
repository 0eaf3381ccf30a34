package org.crosswalk;

import java.nio.file.Path;
import java.time.Duration;

import org.crosswalk.store.RemoteStore;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code crosswalk.*} (application.properties, environment, or --crosswalk.x=y).
 *
 * @param ontologyDir  Turtle data: vocabulary, shapes, catalogues, evidence
 * @param mappingsDir  SSSOM mapping sets
 * @param storeDir     root of the embedded TDB2 + Lucene store (one subdirectory per data version)
 * @param sparqlPort   port of the SPARQL endpoint and query UI (0 = any free port)
 * @param queryTimeout cut-off for every SPARQL query on the endpoint, and for every request to a remote store
 * @param resultCacheRows most named-query result rows the REST door keeps cached (0 = no cache)
 * @param memoryCopyMaxTriples embedded store: named queries read an in-memory copy of the reference data
 *                     when it has at most this many triples (0 = always read TDB2), see ReferenceCopy
 * @param memorySlicesMaxTriples embedded store over that limit: the questions about one framework (coverage,
 *                     gaps, upcoming obligations) read an in-memory slice of the data around it, all slices
 *                     together at most this many triples (0 = none), see FrameworkSlices
 * @param memorySlicesPrepared frameworks whose slice is made as soon as a data version needs slices, not at
 *                     the first question about them (which reads TDB2 while it is made); empty = none
 * @param admission    how many REST requests run at once and how many may wait (see AdmissionControl)
 * @param store        {@code embedded} (TDB2 in this process) or {@code remote} (any SPARQL 1.1 store over HTTP)
 * @param remote       where the remote store is (with {@code store=remote})
 * @param logQueries   log every SPARQL query (both doors) at INFO; off by default
 * @param sparql       the SPARQL endpoint's door: query size, concurrency lanes (see QueryAdmission)
 */
@ConfigurationProperties("crosswalk")
public record CrosswalkProperties(
        @DefaultValue("ontology") Path ontologyDir,
        @DefaultValue("mappings") Path mappingsDir,
        @DefaultValue("store") Path storeDir,
        @DefaultValue("3030") int sparqlPort,
        @DefaultValue("10s") Duration queryTimeout,
        @DefaultValue("200000") long resultCacheRows,
        @DefaultValue("" + org.crosswalk.store.EmbeddedStore.DEFAULT_MEMORY_COPY_MAX_TRIPLES) long memoryCopyMaxTriples,
        @DefaultValue("" + org.crosswalk.store.EmbeddedStore.DEFAULT_MEMORY_SLICES_MAX_TRIPLES) long memorySlicesMaxTriples,
        @DefaultValue(org.crosswalk.store.EmbeddedStore.DEFAULT_MEMORY_SLICES_PREPARED) java.util.List<String> memorySlicesPrepared,
        @DefaultValue Admission admission,
        @DefaultValue("embedded") String store,
        @DefaultValue Remote remote,
        @DefaultValue("false") boolean logQueries,
        @DefaultValue Sparql sparql) {

    /**
     * @param maxQuerySize     largest query text, in any form (query string, body, form body): larger gets 413 unread
     * @param concurrency      heavy queries at once (0 = the processors, at least 2); beyond, 503 with Retry-After
     * @param lightConcurrency light queries (one triple pattern at most) at once, in a lane of their own
     * @param lightTimeout     time budget of a light query
     */
    public record Sparql(@DefaultValue("1MB") org.springframework.util.unit.DataSize maxQuerySize,
            @DefaultValue("0") int concurrency, @DefaultValue("2") int lightConcurrency,
            @DefaultValue("2s") Duration lightTimeout) {}

    /**
     * @param concurrency requests answered at once (0 = the processors, at least 2, on the embedded store,
     *                    where every answer is CPU in this process: more at once only timeslice the same
     *                    cores (look-up p99 at c16: 19.0-19.9 ms with twice the processors, 13.6-14.2 ms
     *                    with the processors, bench/RESULTS.md); twice the processors on a remote store,
     *                    where a request mostly waits for the store)
     * @param queue       requests that may wait for a turn; one more is refused at once with 503
     * @param maxWait     longest wait for a turn before 503
     */
    public record Admission(@DefaultValue("0") int concurrency, @DefaultValue("64") int queue,
            @DefaultValue("500ms") Duration maxWait) {
        public int effectiveConcurrency(String store) {
            if (concurrency > 0) return concurrency;
            int processors = Runtime.getRuntime().availableProcessors();
            return "remote".equals(store) ? 2 * processors : Math.max(2, processors);
        }
    }

    /**
     * @param datasetUrl    shorthand for a Fuseki dataset: query, update and gsp URLs are its /sparql, /update, /data
     * @param queryUrl      SPARQL 1.1 query endpoint
     * @param updateUrl     SPARQL 1.1 update endpoint
     * @param gspUrl        SPARQL 1.1 Graph Store Protocol endpoint
     * @param username      HTTP Basic user, if the store asks for one
     * @param password      HTTP Basic password
     * @param retryInterval how often an unreachable store is tried again (and the Retry-After of a 503)
     * @param tenantDatasetUrl the store's dataset for tenant data (profiles, tokens), a different one from the
     *                      reference dataset: its /sparql and /update (Fuseki conventions)
     * @param tenantQueryUrl  SPARQL 1.1 query endpoint of the tenant dataset (instead of tenantDatasetUrl)
     * @param tenantUpdateUrl SPARQL 1.1 update endpoint of the tenant dataset
     */
    public record Remote(String datasetUrl, String queryUrl, String updateUrl, String gspUrl, String username,
            String password, @DefaultValue("5s") Duration retryInterval, String tenantDatasetUrl,
            String tenantQueryUrl, String tenantUpdateUrl) {

        /** The tenant dataset's query and update URLs; refuses a missing one, or one that is the reference dataset's. */
        public String[] tenantEndpoints() {
            String q = tenantQueryUrl, u = tenantUpdateUrl;
            if (tenantDatasetUrl != null && !tenantDatasetUrl.isBlank()) {
                RemoteStore.Endpoints d = RemoteStore.Endpoints.ofDataset(tenantDatasetUrl, username, password);
                q = or(q, d.queryUrl());
                u = or(u, d.updateUrl());
            }
            if (q == null || q.isBlank() || u == null || u.isBlank()) {
                throw new IllegalArgumentException("crosswalk.store=remote keeps stored profiles and API tokens in the remote store too:"
                        + " set crosswalk.remote.tenant-dataset-url to a second dataset of the store (e.g. http://fuseki:3030/crosswalk-tenants),"
                        + " or crosswalk.remote.tenant-query-url and tenant-update-url");
            }
            if (q.equals(endpoints().queryUrl()) || u.equals(endpoints().updateUrl())) {
                throw new IllegalArgumentException("crosswalk.remote.tenant-dataset-url must name another dataset than the reference"
                        + " data's (crosswalk.remote.dataset-url): tenant graphs never share a dataset with the reference data");
            }
            return new String[] {q, u};
        }

        public RemoteStore.Endpoints endpoints() {
            if (datasetUrl != null && !datasetUrl.isBlank()) {
                RemoteStore.Endpoints d = RemoteStore.Endpoints.ofDataset(datasetUrl, username, password);
                return new RemoteStore.Endpoints(or(queryUrl, d.queryUrl()), or(updateUrl, d.updateUrl()), or(gspUrl, d.gspUrl()), username, password);
            }
            return new RemoteStore.Endpoints(queryUrl, updateUrl, gspUrl, username, password);
        }

        private static String or(String explicit, String derived) {
            return explicit == null || explicit.isBlank() ? derived : explicit;
        }
    }
}
