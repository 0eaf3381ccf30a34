package org.crosswalk.store;

/**
 * The store cannot answer now (unreachable, timed out, failing, or holding another data version): the
 * caller should retry later (503 with Retry-After on REST), and nothing was changed.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
