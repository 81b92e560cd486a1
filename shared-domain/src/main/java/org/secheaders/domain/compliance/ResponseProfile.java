package org.secheaders.domain.compliance;

/**
 * What the evaluated response is, as the caller knows it; headers alone cannot tell. Checks that
 * only concern some responses are not applicable to the others.
 *
 * @param sensitive the response carries personal or authenticated data (anti-caching rules apply)
 * @param api       the URL is an API endpoint: it should refuse plain HTTP rather than redirect (ASVS 5.0 4.1.2)
 * @param logout    the response ends a session (Clear-Site-Data applies)
 */
public record ResponseProfile(boolean sensitive, boolean api, boolean logout) {

    /** An ordinary page: not sensitive, not an API, not a logout. */
    public static ResponseProfile page() {
        return new ResponseProfile(false, false, false);
    }
}
