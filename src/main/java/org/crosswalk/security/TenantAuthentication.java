package org.crosswalk.security;

import java.util.ArrayList;
import java.util.List;

import org.crosswalk.tenancy.TenantDirectory.Scope;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated caller of the tenant doors, whether it came with an API token or a JWT: the tenant it
 * speaks for, its scope (read, or read and write) and who it is for the PROV-O history ("token:<id>" or
 * "jwt:<subject>"). {@code rateKey} names the credential the write rate limit counts against.
 */
public final class TenantAuthentication extends AbstractAuthenticationToken {
    public static final String READ = "SCOPE_read", WRITE = "SCOPE_write";

    private final String tenant;
    private final String agent;
    private final Scope scope;

    public TenantAuthentication(String tenant, String agent, Scope scope) {
        super(authorities(scope));
        this.tenant = tenant;
        this.agent = agent;
        this.scope = scope;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(Scope scope) {
        List<GrantedAuthority> a = new ArrayList<>();
        a.add(new SimpleGrantedAuthority(READ));
        if (scope == Scope.READ_WRITE) a.add(new SimpleGrantedAuthority(WRITE));
        return a;
    }

    public String tenant() { return tenant; }
    public String agent() { return agent; }
    public Scope scope() { return scope; }

    @Override
    public Object getCredentials() { return ""; }

    @Override
    public Object getPrincipal() { return agent; }

    @Override
    public String getName() { return agent; }
}
