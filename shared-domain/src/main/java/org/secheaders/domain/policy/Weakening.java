package org.secheaders.domain.policy;

import java.util.Locale;

/**
 * One way a candidate value is weaker than the platform's.
 *
 * @param target the directive or header name whose effective value weakens
 * @param token  what weakens it: an added source, a header value, or a weakened aspect
 *               ({@code max-age}, a Permissions-Policy feature, a reporting group)
 * @param reason a sentence for the resolution report
 */
public record Weakening(String target, String token, String reason) {

    /** The {@code target:token} a platform grants in {@link OverridePermissions#weakenings()}. */
    public String grantKey() {
        return target.toLowerCase(Locale.ROOT) + ":" + token;
    }
}
