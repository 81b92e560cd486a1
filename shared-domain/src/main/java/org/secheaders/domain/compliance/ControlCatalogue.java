package org.secheaders.domain.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.secheaders.domain.model.ComplianceFramework;

/**
 * The versioned control catalogue: data, not code ({@code catalogue-v1.json} in this package's
 * resources). Loading validates it completely; an evaluator additionally checks that every
 * referenced atomic check exists.
 *
 * @param version  the catalogue version, reported with every evaluation
 * @param controls in catalogue order, which is also the report order
 */
public record ControlCatalogue(String version, List<ControlDefinition> controls) {
    static final String BUILT_IN = "catalogue-v1.json";

    public ControlCatalogue {
        Objects.requireNonNull(version, "version");
        controls = List.copyOf(controls);
        Set<String> ids = new HashSet<>();
        for (ControlDefinition control : controls) {
            if (!ids.add(control.id())) {
                throw new IllegalArgumentException("control id " + control.id() + " appears twice");
            }
        }
    }

    /** The catalogue shipped with this module (read once). */
    public static ControlCatalogue builtIn() {
        return BuiltIn.CATALOGUE;
    }

    /** Reads a catalogue; the exception lists every problem found. */
    public static ControlCatalogue read(String json) {
        return CatalogueReader.read(json);
    }

    public List<ControlDefinition> controls(ComplianceFramework framework) {
        return controls.stream().filter(c -> c.framework() == framework).toList();
    }

    public Optional<ControlDefinition> control(String id) {
        return controls.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Every atomic check some control references, sorted. */
    public Set<String> referencedChecks() {
        Set<String> checks = new TreeSet<>();
        controls.forEach(c -> c.checks().forEach(ref -> checks.add(ref.check())));
        return checks;
    }

    /** Fails, naming them, when controls reference checks outside {@code known}. */
    public void requireChecks(Set<String> known) {
        List<String> unknown = controls.stream()
                .flatMap(c -> c.checks().stream().filter(ref -> !known.contains(ref.check()))
                        .map(ref -> c.id() + " -> " + ref.check()))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("catalogue " + version + " references unknown atomic checks: " + unknown);
        }
    }

    private static final class BuiltIn {
        private static final ControlCatalogue CATALOGUE = load();

        private static ControlCatalogue load() {
            try (InputStream in = ControlCatalogue.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + BUILT_IN + " is missing next to ControlCatalogue");
                }
                return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUILT_IN, e);
            }
        }
    }
}
