package org.crosswalk.tenancy;

/**
 * No such profile for this tenant. Also what another tenant's profile looks like, so that ids are not
 * disclosed across tenants (REST answers 404 either way).
 */
public class ProfileNotFoundException extends RuntimeException {
    public ProfileNotFoundException(String id) {
        super("No profile '" + id + "'");
    }
}
