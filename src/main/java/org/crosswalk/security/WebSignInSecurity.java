package org.crosswalk.security;

import java.io.IOException;

import org.crosswalk.tenancy.TenantDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The web view's signed-in pages (a tenant's stored profiles): the only part of the service with a
 * session. A person signs in with an API token on a form ({@code /signin}); the session then holds the
 * tenant, the scope and the token's id — never the token — in a cookie that is HttpOnly, SameSite=Strict
 * ({@code server.servlet.session.cookie.*}) and Secure whenever the request came over HTTPS (Tomcat sets it;
 * behind a TLS proxy with {@code server.forward-headers-strategy=native}). Every POST here needs the
 * session's CSRF token (Thymeleaf puts it in each {@code th:action} form). A revoked token ends its sessions
 * on their next request. Everything else (the API, the public pages) stays on the stateless chain of
 * {@link SecurityConfiguration}, which matches after this one.
 */
@Configuration(proxyBeanMethods = false)
public class WebSignInSecurity {
    /** The paths of this chain: sign-in, sign-out and the tenant's profile pages. */
    static final String[] PATHS = {"/signin", "/signout", "/profiles", "/profiles/**"};

    @Bean
    SecurityContextRepository webSessionContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain webSignInChain(HttpSecurity http, TenantDirectory directory, SecurityContextRepository webSessionContexts) throws Exception {
        http.securityMatcher(PATHS)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED).sessionFixation(f -> f.changeSessionId()))
                .securityContext(c -> c.securityContextRepository(webSessionContexts))
                // On, with the token kept in the session: every POST needs it. Loaded on every request rather
                // than on first use, so it exists before a page (rendered while it streams) writes its forms.
                .csrf(c -> c.csrfTokenRequestHandler(eagerCsrf()))
                .requestCache(c -> c.disable())
                // The same CSP and Referrer-Policy as every other response (WebHeaders).
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(WebHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/signin", "/signout").permitAll();
                    a.requestMatchers(HttpMethod.GET, "/profiles", "/profiles/**").hasAuthority(TenantAuthentication.READ);
                    // Saving needs a read-write token; a read token gets 403 from the page that says so.
                    a.anyRequest().hasAuthority(TenantAuthentication.READ);
                })
                // Not signed in: to the form, which comes back to the page asked for (a GET) once signed in.
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                    response.sendRedirect("/signin" + (HttpMethod.GET.matches(request.getMethod())
                            ? "?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8) : ""));
                }))
                .addFilterAfter(new RevokedTokenSignOut(directory), SecurityContextHolderFilter.class);
        return http.build();
    }

    private static XorCsrfTokenRequestAttributeHandler eagerCsrf() {
        XorCsrfTokenRequestAttributeHandler h = new XorCsrfTokenRequestAttributeHandler();
        h.setCsrfRequestAttributeName(null);
        return h;
    }

    /** A session whose token was revoked since sign-in is ended on its next request. */
    static final class RevokedTokenSignOut extends OncePerRequestFilter {
        private final TenantDirectory directory;

        RevokedTokenSignOut(TenantDirectory directory) {
            this.directory = directory;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication a = SecurityContextHolder.getContext().getAuthentication();
            if (a instanceof TenantAuthentication t && t.agent().startsWith("token:")) {
                String id = t.agent().substring("token:".length());
                boolean active = directory.tokens(t.tenant()).stream().anyMatch(k -> k.id().equals(id) && k.revoked() == null);
                if (!active) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) session.invalidate();
                }
            }
            chain.doFilter(request, response);
        }
    }
}
