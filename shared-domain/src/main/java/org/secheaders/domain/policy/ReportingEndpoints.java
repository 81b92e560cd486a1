package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code Reporting-Endpoints}: group name → endpoint URL, the targets of CSP {@code report-to} and
 * the other Reporting API reports. A URL is {@code https://…} or a path on the responding origin
 * (browsers resolve it against the response URL).
 */
public record ReportingEndpoints(Map<String, String> endpoints) implements DictionaryHeader {

    /** Printable ASCII without space, quote, backslash or comma: safe inside a structured-field string. */
    private static final String SAFE = "[!#-+\\--\\[\\]-~]";
    private static final Pattern URL = Pattern.compile(
            "https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/" + SAFE + "*)?|/(?!/)" + SAFE + "*");

    public ReportingEndpoints {
        endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
        endpoints.forEach((group, url) -> {
            DictionaryHeader.checkName(group);
            checkUrl(url);
        });
    }

    public static ReportingEndpoints parse(String raw) {
        return new ReportingEndpoints(DictionaryHeader.parseMembers(raw, ReportingEndpoints::unquote));
    }

    /** Fails unless {@code url} is an https URL or an origin-relative path that is safe in the header. */
    static String checkUrl(String url) {
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("endpoint '" + url
                    + "' is not an https:// URL or a path such as /csp-report (no spaces, quotes, backslashes or commas)");
        }
        return url;
    }

    private static String unquote(String member) {
        if (member.length() < 2 || !member.startsWith("\"") || !member.endsWith("\"")) {
            throw new IllegalArgumentException("endpoint " + member + " is not a quoted URL");
        }
        return member.substring(1, member.length() - 1);
    }

    @Override
    public HeaderKind kind() {
        return HeaderKind.REPORTING_ENDPOINTS;
    }

    @Override
    public Map<String, String> members() {
        Map<String, String> members = new LinkedHashMap<>();
        endpoints.forEach((group, url) -> members.put(group, "\"" + url + "\""));
        return members;
    }

    @Override
    public ReportingEndpoints mergedWith(DictionaryHeader addition) {
        Map<String, String> merged = new LinkedHashMap<>(endpoints);
        merged.putAll(((ReportingEndpoints) addition).endpoints);
        return new ReportingEndpoints(merged);
    }

    /** Tokens are the reference's groups that this value drops or sends elsewhere. */
    @Override
    public List<String> weakerThan(SecurityHeader reference) {
        List<String> weaker = new ArrayList<>();
        ((ReportingEndpoints) reference).endpoints.forEach((group, url) -> {
            if (!url.equals(endpoints.get(group))) {
                weaker.add(group);
            }
        });
        return weaker;
    }
}
