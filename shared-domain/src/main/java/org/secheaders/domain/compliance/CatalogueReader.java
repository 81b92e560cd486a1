package org.secheaders.domain.compliance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.SecuritySeverity;

/**
 * Reads the catalogue JSON field by field, so that every problem is reported with the control it
 * is in, all at once, instead of the first one deep inside a data-binding stack trace.
 */
final class CatalogueReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> problems = new ArrayList<>();

    private CatalogueReader() {
    }

    static ControlCatalogue read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("catalogue is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new CatalogueReader().catalogue(root);
    }

    private ControlCatalogue catalogue(JsonNode root) {
        String version = text(root, "version", "catalogue");
        List<ControlDefinition> controls = new ArrayList<>();
        JsonNode list = root.path("controls");
        if (!list.isArray() || list.isEmpty()) {
            problems.add("catalogue: 'controls' must be a non-empty array");
        }
        for (int i = 0; i < list.size(); i++) {
            control(list.get(i), "controls[" + i + "]").ifPresent(controls::add);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid control catalogue:\n  - " + String.join("\n  - ", problems));
        }
        try {
            return new ControlCatalogue(version, controls);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid control catalogue: " + e.getMessage(), e);
        }
    }

    private Optional<ControlDefinition> control(JsonNode node, String where) {
        String id = text(node, "id", where);
        String at = id.isEmpty() ? where : id;
        int before = problems.size();
        ComplianceFramework framework = parse(text(node, "framework", at), ComplianceFramework::fromWire, at);
        SecuritySeverity severity = parse(text(node, "severity", at), SecuritySeverity::fromWire, at);
        ControlRule rule = rule(node.path("rule"), at);
        List<CheckRef> checks = new ArrayList<>();
        for (JsonNode ref : node.path("checks")) {
            checkRef(ref, at).ifPresent(checks::add);
        }
        if (checks.isEmpty()) {
            problems.add(at + ": 'checks' must list at least one atomic check");
        }
        Map<AsvsVersion, AsvsRequirement> asvs = asvs(node.path("asvs"), at);
        ControlTags tags = tags(node.path("tags"), at);
        if (framework == ComplianceFramework.OWASP
                && (tags.top10of2021().isEmpty() || tags.top10of2025().isEmpty() || tags.cwe().isEmpty())) {
            problems.add(at + ": OWASP controls need top10_2021, top10_2025 and cwe tags");
        }
        String name = text(node, "name", at);
        String citation = text(node, "citation", at);
        String rationale = text(node, "rationale", at);
        String remediation = text(node, "remediation", at);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ControlDefinition(framework, id, name, severity, rule, checks, asvs, tags, citation,
                rationale, remediation));
    }

    private ControlRule rule(JsonNode node, String at) {
        String type = node.path("type").asText("");
        return switch (type) {
            case "all_pass" -> new ControlRule.AllPass();
            case "any_pass" -> new ControlRule.AnyPass();
            case "ratio" -> {
                try {
                    yield new ControlRule.Ratio(node.path("passAt").asInt(-1), node.path("warnAt").asInt(-1));
                } catch (IllegalArgumentException e) {
                    problems.add(at + ": " + e.getMessage());
                    yield new ControlRule.AllPass();
                }
            }
            default -> {
                problems.add(at + ": rule type '" + type + "' is not all_pass, any_pass or ratio");
                yield new ControlRule.AllPass();
            }
        };
    }

    private Optional<CheckRef> checkRef(JsonNode node, String at) {
        String check = text(node, "check", at);
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String field = property.getKey();
            if (!List.of("check", "minLevel", "onlyIn", "failAs", "warningAs").contains(field)) {
                problems.add(at + " -> " + check + ": unknown field '" + field + "'");
            }
        }
        String failAs = node.path("failAs").asText("fail");
        String warningAs = node.path("warningAs").asText("warning");
        if (!failAs.equals("fail") && !failAs.equals("warning")) {
            problems.add(at + " -> " + check + ": failAs may only be 'warning'");
        }
        if (!warningAs.equals("warning") && !warningAs.equals("fail")) {
            problems.add(at + " -> " + check + ": warningAs may only be 'fail'");
        }
        Optional<AsvsVersion> onlyIn = node.has("onlyIn")
                ? Optional.ofNullable(parse(node.path("onlyIn").asText(), AsvsVersion::fromLabel, at))
                : Optional.empty();
        try {
            return Optional.of(new CheckRef(check, node.path("minLevel").asInt(1), onlyIn,
                    failAs.equals("warning"), warningAs.equals("fail")));
        } catch (IllegalArgumentException e) {
            problems.add(at + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Map<AsvsVersion, AsvsRequirement> asvs(JsonNode node, String at) {
        Map<AsvsVersion, AsvsRequirement> requirements = new EnumMap<>(AsvsVersion.class);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            AsvsVersion version = parse(entry.getKey(), AsvsVersion::fromLabel, at);
            try {
                if (version != null) {
                    requirements.put(version, new AsvsRequirement(text(entry.getValue(), "id", at),
                            entry.getValue().path("level").asInt(0)));
                }
            } catch (IllegalArgumentException e) {
                problems.add(at + ": asvs " + entry.getKey() + ": " + e.getMessage());
            }
        }
        return requirements;
    }

    private ControlTags tags(JsonNode node, String at) {
        return new ControlTags(strings(node.path("top10_2021"), "A\\d\\d:2021", at),
                strings(node.path("top10_2025"), "A\\d\\d:2025", at), strings(node.path("cwe"), "CWE-\\d+", at));
    }

    private List<String> strings(JsonNode array, String pattern, String at) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (!value.asText().matches(pattern)) {
                problems.add(at + ": tag '" + value.asText() + "' does not match " + pattern);
            }
            values.add(value.asText());
        }
        return values;
    }

    private String text(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(at + ": '" + field + "' is required");
            return "";
        }
        return value.asText();
    }

    private <T> T parse(String value, Function<String, T> parser, String at) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(at + ": " + e.getMessage());
            return null;
        }
    }
}
