package org.secheaders.platform.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ApiToken;
import org.secheaders.domain.model.ApiTokens;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;

/**
 * Creates, lists and revokes the API tokens of the HTTP transports, as a platform operator.
 * Only the SHA-256 of a secret is stored; the secret exists once, in {@link CreatedToken}.
 * Creations and revocations are written to the audit log.
 */
public final class TokenService {

    private static final String AUDIT_TARGET = "api_token";

    private final Database database;
    private final Actor actor;

    public TokenService(Database database, Actor actor) {
        this.database = database;
        this.actor = actor;
    }

    /** A token as listed: never the secret, and the tenant by slug. */
    public record TokenView(ApiToken token, Optional<String> tenantSlug) {
    }

    /** A new token and its secret, which nothing keeps after this. */
    public record CreatedToken(TokenView view, String secret) {
        @Override
        public String toString() {
            return "CreatedToken[" + view + "]";
        }
    }

    /** What revoking a name or id came to. */
    public sealed interface Revocation {
        record Revoked(TokenView token) implements Revocation {
        }

        record AlreadyRevoked(TokenView token) implements Revocation {
        }

        record NotFound(String reference) implements Revocation {
        }

        /** Several usable tokens carry the name; revoke by id instead. */
        record Ambiguous(String name, List<TokenView> candidates) implements Revocation {
        }
    }

    /** The tenant slug named on a token does not exist. */
    public static final class UnknownTenantException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownTenantException(String slug, List<String> known) {
            super("no tenant with slug '" + slug + "'" + (known.isEmpty() ? " (there are no tenants yet)"
                    : "; known: " + String.join(", ", known)));
        }
    }

    /**
     * @throws UnknownTenantException when {@code tenantSlug} names no tenant
     * @throws IllegalArgumentException when a usable token already has the name, or the role needs a tenant
     */
    public CreatedToken create(String name, Role role, Optional<String> tenantSlug, Optional<Instant> expiresAt) {
        Optional<Tenant> tenant = tenantSlug.map(this::tenant);
        Instant now = database.clock().instant();
        usable(now).filter(t -> t.name().equals(name)).findFirst().ifPresent(existing -> {
            throw new IllegalArgumentException("token '" + name + "' already exists (id " + existing.id()
                    + "); revoke it first or choose another name");
        });
        ApiTokens.NewSecret secret = ApiTokens.generate();
        ApiToken token = database.apiTokens().create(TenantScope.platform(), new ApiToken.Draft(name, secret.hash(),
                secret.displayPrefix(), role, tenant.map(Tenant::id), expiresAt));
        audit("token.create", token, Map.of("name", name, "role", role.wireName()));
        return new CreatedToken(new TokenView(token, tenant.map(Tenant::slug)), secret.secret());
    }

    /** Every token, oldest first, revoked and expired ones included. */
    public List<TokenView> list() {
        Map<Long, String> slugs = database.tenants().list(TenantScope.platform()).stream()
                .collect(Collectors.toMap(Tenant::id, Tenant::slug));
        return database.apiTokens().list(TenantScope.platform()).stream()
                .map(token -> new TokenView(token, token.tenantId().map(slugs::get)))
                .toList();
    }

    /** Revokes by id (all digits) or by name (the one not yet revoked token of that name). */
    public Revocation revoke(String reference) {
        List<TokenView> all = list();
        if (reference.chars().allMatch(Character::isDigit) && !reference.isEmpty()) {
            long id = Long.parseLong(reference);
            Optional<TokenView> byId = all.stream().filter(t -> t.token().id() == id).findFirst();
            if (byId.isPresent()) {
                return revoke(byId.get());
            }
        }
        List<TokenView> named = all.stream().filter(t -> t.token().name().equals(reference)).toList();
        List<TokenView> live = named.stream().filter(t -> t.token().revokedAt().isEmpty()).toList();
        if (!live.isEmpty()) {
            return live.size() == 1 ? revoke(live.get(0)) : new Revocation.Ambiguous(reference, live);
        }
        return named.isEmpty() ? new Revocation.NotFound(reference) : new Revocation.AlreadyRevoked(named.get(named.size() - 1));
    }

    private Revocation revoke(TokenView view) {
        if (view.token().revokedAt().isPresent()) {
            return new Revocation.AlreadyRevoked(view);
        }
        ApiToken revoked = database.apiTokens().revoke(TenantScope.platform(), view.token().id()).orElseThrow();
        audit("token.revoke", revoked, Map.of("name", revoked.name()));
        return new Revocation.Revoked(new TokenView(revoked, view.tenantSlug()));
    }

    private Stream<ApiToken> usable(Instant now) {
        return database.apiTokens().list(TenantScope.platform()).stream().filter(t -> t.isUsableAt(now));
    }

    private Tenant tenant(String slug) {
        return database.tenants().findBySlug(TenantScope.platform(), slug).orElseThrow(() -> new UnknownTenantException(
                slug, database.tenants().list(TenantScope.platform()).stream().map(Tenant::slug).toList()));
    }

    private void audit(String action, ApiToken token, Map<String, Object> details) {
        database.auditLog().append(TenantScope.platform(), new AuditLogEntry.Draft(token.tenantId(), actor, action,
                AUDIT_TARGET, Long.toString(token.id()), details));
    }
}
