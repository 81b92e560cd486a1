package org.secheaders.domain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals only, so no test here depends on DNS. */
class TargetPolicyTest {
    private final TargetPolicy any = TargetPolicy.anyAddress();
    private final TargetPolicy publicOnly = TargetPolicy.publicAddressesOnly();

    @ParameterizedTest
    @CsvSource({
        "HTTPS://Example.com,            https://Example.com/",
        "'  http://example.com/a?b=c#top ', http://example.com/a?b=c",
        "http://example.com:8080,        http://example.com:8080/",
        "http://[::1]:8080/x,            http://[::1]:8080/x",
        "https://example.com/%7Euser,    https://example.com/%7Euser",
    })
    void normalizesTheUrlItAdmits(String given, String admitted) throws ScanAbort {
        assertEquals(URI.create(admitted), any.admit(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.1.2.3/", "http://[::1]/", "http://10.0.0.1/",
        "http://172.16.5.4/", "http://192.168.1.1/", "http://100.64.0.1/", "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/", "http://[fd00::1]/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
        "http://[64:ff9b::a9fe:a9fe]/", "http://2130706433/"})
    void publicOnlyRefusesEveryInternalAddress(String url) {
        ScanAbort refused = assertThrows(ScanAbort.class, () -> publicOnly.admit(url));
        assertEquals(NotEvaluatedReason.FORBIDDEN_TARGET, refused.reason());
    }

    @Test
    void publicOnlyAdmitsAPublicAddress() throws ScanAbort {
        assertEquals(URI.create("https://93.184.215.14/"), publicOnly.admit("https://93.184.215.14/"));
    }

    @Test
    void theDefaultAdmitsLoopbackForLocalDevelopment() throws ScanAbort {
        assertEquals(URI.create("http://127.0.0.1:8080/"), any.admit("http://127.0.0.1:8080/"));
    }

    @Test
    void aRefusalNamesTheClassButNotTheAddress() {
        ScanAbort refused = assertThrows(ScanAbort.class,
                () -> new TargetPolicy(EnumSet.of(AddressClass.PUBLIC, AddressClass.PRIVATE)).admit("http://169.254.169.254/"));
        assertTrue(refused.getMessage().endsWith("host resolves to a link-local address, which this deployment does not scan"),
                refused.getMessage());
    }

    @Test
    void aRedirectIsResolvedAgainstThePageThatSentIt() throws ScanAbort {
        URI from = URI.create("http://example.com/a/b");
        assertEquals(URI.create("http://example.com/a/c"), any.admitRedirect(from, "c"));
        assertEquals(URI.create("https://example.com/"), any.admitRedirect(from, "https://example.com"));
        assertEquals(URI.create("http://other.example/x"), any.admitRedirect(from, "//other.example/x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "javascript:alert(1)", "https://user@example.com/", "http://a b/"})
    void aRedirectThatCannotBeFollowedIsAnInvalidRedirect(String location) {
        ScanAbort refused = assertThrows(ScanAbort.class,
                () -> any.admitRedirect(URI.create("https://example.com/"), location));
        assertEquals(NotEvaluatedReason.INVALID_REDIRECT, refused.reason());
        assertTrue(refused.getMessage().startsWith("redirect from https://example.com/ to '" + location + "'"),
                refused.getMessage());
    }

    @Test
    void aRedirectIntoARefusedAddressIsForbidden() {
        ScanAbort refused = assertThrows(ScanAbort.class,
                () -> publicOnly.admitRedirect(URI.create("https://93.184.215.14/"), "http://10.1.2.3/admin"));
        assertEquals(NotEvaluatedReason.FORBIDDEN_TARGET, refused.reason());
    }

    @Test
    void aPolicyMustAllowSomething() {
        assertThrows(IllegalArgumentException.class, () -> new TargetPolicy(Set.of()));
    }
}
