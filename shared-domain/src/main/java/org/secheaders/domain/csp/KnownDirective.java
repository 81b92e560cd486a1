package org.secheaders.domain.csp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The directive names this project recognises: CSP3, its companion specs (Trusted Types,
 * upgrade-insecure-requests, fenced frames) and the obsolete names a validator still has to name.
 * The value grammar decides how {@link CspParser} reads a directive's tokens.
 */
public enum KnownDirective {
    CHILD_SRC("child-src", Grammar.SOURCE_LIST, true),
    CONNECT_SRC("connect-src", Grammar.SOURCE_LIST, true),
    DEFAULT_SRC("default-src", Grammar.SOURCE_LIST, true),
    FENCED_FRAME_SRC("fenced-frame-src", Grammar.SOURCE_LIST, true),
    FONT_SRC("font-src", Grammar.SOURCE_LIST, true),
    FRAME_SRC("frame-src", Grammar.SOURCE_LIST, true),
    IMG_SRC("img-src", Grammar.SOURCE_LIST, true),
    MANIFEST_SRC("manifest-src", Grammar.SOURCE_LIST, true),
    MEDIA_SRC("media-src", Grammar.SOURCE_LIST, true),
    OBJECT_SRC("object-src", Grammar.SOURCE_LIST, true),
    PREFETCH_SRC("prefetch-src", Grammar.SOURCE_LIST, true),
    SCRIPT_SRC("script-src", Grammar.SOURCE_LIST, true),
    SCRIPT_SRC_ATTR("script-src-attr", Grammar.SOURCE_LIST, true),
    SCRIPT_SRC_ELEM("script-src-elem", Grammar.SOURCE_LIST, true),
    STYLE_SRC("style-src", Grammar.SOURCE_LIST, true),
    STYLE_SRC_ATTR("style-src-attr", Grammar.SOURCE_LIST, true),
    STYLE_SRC_ELEM("style-src-elem", Grammar.SOURCE_LIST, true),
    WORKER_SRC("worker-src", Grammar.SOURCE_LIST, true),
    BASE_URI("base-uri", Grammar.SOURCE_LIST, false),
    FORM_ACTION("form-action", Grammar.SOURCE_LIST, false),
    FRAME_ANCESTORS("frame-ancestors", Grammar.SOURCE_LIST, false),
    NAVIGATE_TO("navigate-to", Grammar.SOURCE_LIST, false),
    SANDBOX("sandbox", Grammar.TOKENS, false),
    PLUGIN_TYPES("plugin-types", Grammar.TOKENS, false),
    DISOWN_OPENER("disown-opener", Grammar.TOKENS, false),
    REPORT_URI("report-uri", Grammar.TOKENS, false),
    REPORT_TO("report-to", Grammar.TOKENS, false),
    UPGRADE_INSECURE_REQUESTS("upgrade-insecure-requests", Grammar.TOKENS, false),
    BLOCK_ALL_MIXED_CONTENT("block-all-mixed-content", Grammar.TOKENS, false),
    REQUIRE_TRUSTED_TYPES_FOR("require-trusted-types-for", Grammar.TOKENS, false),
    TRUSTED_TYPES("trusted-types", Grammar.TOKENS, false),
    REQUIRE_SRI_FOR("require-sri-for", Grammar.TOKENS, false),
    WEBRTC("webrtc", Grammar.TOKENS, false),
    REFLECTED_XSS("reflected-xss", Grammar.TOKENS, false),
    REFERRER("referrer", Grammar.TOKENS, false);

    /** How a directive's value is read: as CSP3 source expressions, or as opaque tokens. */
    public enum Grammar { SOURCE_LIST, TOKENS }

    private static final Map<String, KnownDirective> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(KnownDirective::token, Function.identity()));

    private final String token;
    private final Grammar grammar;
    private final boolean fetch;

    KnownDirective(String token, Grammar grammar, boolean fetch) {
        this.token = token;
        this.grammar = grammar;
        this.fetch = fetch;
    }

    /** The lower-case directive name as written in a policy. */
    public String token() {
        return token;
    }

    public Grammar grammar() {
        return grammar;
    }

    /** Fetch directives fall back to {@code default-src} when absent. */
    public boolean isFetch() {
        return fetch;
    }

    /** Directive names are ASCII case-insensitive. */
    public static Optional<KnownDirective> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }
}
