package org.secheaders.domain.compliance.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.secheaders.domain.compliance.check.CookieLine;
import org.secheaders.domain.compliance.check.CspEvidence;
import org.secheaders.domain.csp.CspParseResult;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;

/** A change to a response's headers that a remediation proposes. Pure: applying it returns new headers. */
public sealed interface HeaderPatch {

    /** The header (or cookie) changed, for grouping and reports. */
    String target();

    ResponseHeaders apply(ResponseHeaders headers);

    String describe();

    /** Set the header to one value, replacing every value it had. */
    record SetHeader(String name, String value) implements HeaderPatch {
        public SetHeader {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String target() {
            return name;
        }

        @Override
        public ResponseHeaders apply(ResponseHeaders headers) {
            return headers.with(name, value);
        }

        @Override
        public String describe() {
            return "set " + name + ": " + value;
        }
    }

    /** Stop sending the header. */
    record RemoveHeader(String name) implements HeaderPatch {
        public RemoveHeader {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String target() {
            return name;
        }

        @Override
        public ResponseHeaders apply(ResponseHeaders headers) {
            return new ResponseHeaders(headers.fields().stream().filter(f -> !f.name().equalsIgnoreCase(name)).toList());
        }

        @Override
        public String describe() {
            return "remove " + name;
        }
    }

    /** Edit every enforced {@code Content-Security-Policy} header policy, directive by directive. */
    record EditCsp(List<DirectiveEdit> edits) implements HeaderPatch {
        public EditCsp {
            edits = List.copyOf(edits);
            if (edits.isEmpty()) {
                throw new IllegalArgumentException("a CSP patch needs at least one directive edit");
            }
        }

        @Override
        public String target() {
            return CspEvidence.HEADER;
        }

        @Override
        public ResponseHeaders apply(ResponseHeaders headers) {
            List<String> values = headers.values(CspEvidence.HEADER);
            if (values.isEmpty()) {
                return headers;
            }
            List<String> edited = new ArrayList<>();
            for (String value : values) {
                for (CspParseResult parsed : CspParser.parseHeader(value)) {
                    CspPolicy policy = parsed.policy();
                    for (DirectiveEdit edit : edits) {
                        policy = edit.applyTo(policy);
                    }
                    edited.add(policy.serialize());
                }
            }
            return headers.with(CspEvidence.HEADER, String.join(", ", edited));
        }

        @Override
        public String describe() {
            return "CSP " + edits.stream().map(DirectiveEdit::describe).collect(Collectors.joining("; "));
        }
    }

    /** Set attributes on one cookie's {@code Set-Cookie} lines, keeping its value and other attributes. */
    record EditCookie(String cookie, List<CookieLine.Attribute> attributes) implements HeaderPatch {
        public EditCookie {
            Objects.requireNonNull(cookie, "cookie");
            attributes = List.copyOf(attributes);
        }

        @Override
        public String target() {
            return "Set-Cookie " + cookie;
        }

        @Override
        public ResponseHeaders apply(ResponseHeaders headers) {
            List<HeaderField> fields = new ArrayList<>();
            for (HeaderField field : headers.fields()) {
                Optional<CookieLine> line = field.name().equalsIgnoreCase("Set-Cookie")
                        ? CookieLine.parse(field.value()).filter(c -> c.name().equals(cookie))
                        : Optional.empty();
                fields.add(line.map(c -> new HeaderField(field.name(), withAttributes(c).serialize())).orElse(field));
            }
            return new ResponseHeaders(fields);
        }

        private CookieLine withAttributes(CookieLine line) {
            CookieLine changed = line;
            for (CookieLine.Attribute attribute : attributes) {
                changed = changed.with(attribute.name(), attribute.value());
            }
            return changed;
        }

        @Override
        public String describe() {
            return "cookie " + cookie + ": set " + attributes.stream().map(a -> a.value().map(v -> a.name() + "=" + v)
                    .orElse(a.name())).collect(Collectors.joining("; "));
        }
    }
}
