package org.crosswalk.store;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.update.UpdateRequest;

/**
 * One dataset of a SPARQL 1.1 store over HTTP (query and update endpoints), every request under a hard
 * deadline: the query timeout plus a second, whatever the store does (refuses, accepts and never answers,
 * stalls half-way). A store that is down, slow or failing gives {@link StoreUnavailableException} (503
 * on REST); any other error is passed on. Used for the tenant dataset in remote mode.
 */
public final class RemoteDataset implements AutoCloseable {
    private final String queryUrl;
    private final String updateUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

    public RemoteDataset(String queryUrl, String updateUrl, String username, String password, Duration timeout) {
        this.queryUrl = queryUrl;
        this.updateUrl = updateUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        if (username != null && !username.isBlank()) {
            AuthEnv.get().registerBasicAuthModifier(queryUrl, username, password);
            AuthEnv.get().registerBasicAuthModifier(updateUrl, username, password);
        }
    }

    public String queryUrl() {
        return queryUrl;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Runs read work (queries) on a connection to the dataset, under the deadline. */
    public <T> T query(Function<RDFConnection, T> work) {
        return withDeadline(() -> {
            try (RDFConnection conn = connection()) {
                return work.apply(conn);
            }
        });
    }

    /** Sends one SPARQL Update request (the store applies it as one transaction), under the deadline. */
    public void update(UpdateRequest request) {
        update(request.toString());
    }

    public void update(String request) {
        withDeadline(() -> {
            try (RDFConnection conn = connection()) {
                conn.update(request);
            }
            return null;
        });
    }

    private RDFConnection connection() {
        return RDFConnectionRemote.newBuilder().queryEndpoint(queryUrl).updateEndpoint(updateUrl).httpClient(http)
                // Send the update text as it is (the commit's text is built and checked by the caller).
                .parseCheckSPARQL(false).build();
    }

    private <T> T withDeadline(Callable<T> work) {
        Future<T> f = requests.submit(work);
        try {
            return f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new StoreUnavailableException("the SPARQL store " + queryUrl + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the SPARQL store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                if (r instanceof QueryCancelledException || RemoteStore.isUnavailable(r)) {
                    throw new StoreUnavailableException("the SPARQL store " + queryUrl + " did not answer (" + RemoteStore.describe(r) + ")", r);
                }
                throw r;
            }
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        requests.shutdownNow();
    }
}
