package org.secheaders.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** JSON of the stored columns ({@link PolicyConfig}, {@link OverridePermissions}) through {@link PolicyJson}. */
class PolicyJsonTest {

    @Test
    void policyConfigRoundTripsKeepingOrder() {
        String json = "{\"csp\":{\"script-src\":[\"https://b.example\",\"https://a.example\"],\"img-src\":[\"data:\"]},"
                + "\"cspReportOnly\":{},\"headers\":{\"Referrer-Policy\":\"no-referrer\"},\"removeHeaders\":[\"X-Debug\"],"
                + "\"reportingEndpoints\":{\"main\":\"/r\"}}";

        PolicyConfig config = PolicyConfig.fromJson(json);

        assertEquals(List.of("script-src", "img-src"), List.copyOf(config.csp().keySet()));
        assertEquals(List.of("https://b.example", "https://a.example"), config.csp().get("script-src"));
        assertEquals(json, config.toJson());
        assertEquals(config, PolicyConfig.fromJson(config.toJson()));
    }

    @Test
    void missingPartsReadAsEmpty() {
        assertEquals(PolicyConfig.empty(), PolicyConfig.fromJson("{}"));
        assertEquals(OverridePermissions.none(), OverridePermissions.fromJson("{\"directives\":null}"));
    }

    @Test
    void errorsNameTheField() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PolicyConfig.fromJson("{\"csp\":{},\"header\":{}}"));
        assertTrue(unknown.getMessage().contains("'header'"), unknown.getMessage());

        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> PolicyConfig.fromJson("{\"csp\":{\"script-src\":\"'self'\"}}"));
        assertTrue(wrongType.getMessage().contains("csp.script-src"), wrongType.getMessage());

        IllegalArgumentException nullValue = assertThrows(IllegalArgumentException.class,
                () -> PolicyConfig.fromJson("{\"headers\":{\"Referrer-Policy\":null}}"));
        assertTrue(nullValue.getMessage().contains("headers['Referrer-Policy'] contains null"), nullValue.getMessage());

        assertThrows(IllegalArgumentException.class, () -> PolicyConfig.fromJson("{"));
        assertThrows(IllegalArgumentException.class, () -> PolicyConfig.fromJson("null"));
    }

    @Test
    void permissionsAreLowerCasedSortedAndMatchedCaseInsensitively() {
        OverridePermissions permissions = OverridePermissions.fromJson(
                "{\"directives\":[\"Style-Src\",\"script-src\"],\"headers\":[\"Referrer-Policy\"],"
                        + "\"weakenings\":[\"Script-Src:'Unsafe-Eval'\"]}");

        assertEquals("{\"directives\":[\"script-src\",\"style-src\"],\"headers\":[\"referrer-policy\"],"
                + "\"weakenings\":[\"script-src:'unsafe-eval'\"]}", permissions.toJson());
        assertTrue(permissions.permitsDirective("STYLE-SRC"));
        assertTrue(permissions.permitsHeader(HeaderKind.REFERRER_POLICY));
        assertTrue(permissions.grants(new Weakening("script-src", "'unsafe-eval'", "")));
        assertEquals(permissions, OverridePermissions.fromJson(permissions.toJson()));
        assertEquals(Set.of(), OverridePermissions.none().weakenings());
    }
}
