package org.secheaders.domain.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The identities (id, author, file) of the changesets in a YAML changelog and the files it
 * includes, read without starting Liquibase, so a server can see in one query that its schema is
 * current. Empty when the changelog uses anything that makes "recorded as applied" differ from
 * "nothing to do" (changesets that run again, or only for some databases, contexts or labels) or
 * that this reader does not follow ({@code includeAll}): the caller then lets Liquibase decide.
 */
final class ChangelogIndex {

    /** How Liquibase records an applied changeset in {@code DATABASECHANGELOG}. */
    record ChangeSetId(String id, String author, String file) {
    }

    private static final Set<String> CONDITIONAL = Set.of("runAlways", "runOnChange", "dbms", "context",
            "contextFilter", "labels", "preConditions");

    private ChangelogIndex() {
    }

    static Optional<Set<ChangeSetId>> read(ClassLoader loader, String changelog) {
        Set<ChangeSetId> ids = new LinkedHashSet<>();
        return addChangelog(loader, changelog, ids) ? Optional.of(ids) : Optional.empty();
    }

    private static boolean addChangelog(ClassLoader loader, String file, Set<ChangeSetId> ids) {
        Object document;
        try {
            document = load(loader, file);
        } catch (YAMLException e) {
            // Liquibase reads more YAML than this reader does (e.g. more aliases): let it decide.
            return false;
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("databaseChangeLog") instanceof List<?> entries)) {
            return false;
        }
        String directory = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> item)) {
                return false;
            }
            if (item.get("changeSet") instanceof Map<?, ?> changeSet) {
                if (changeSet.keySet().stream().anyMatch(CONDITIONAL::contains)) {
                    return false;
                }
                ids.add(new ChangeSetId(String.valueOf(changeSet.get("id")), String.valueOf(changeSet.get("author")), file));
            } else if (item.get("include") instanceof Map<?, ?> include) {
                String included = String.valueOf(include.get("file"));
                boolean relative = Boolean.TRUE.equals(include.get("relativeToChangelogFile"));
                if (include.containsKey("context") || include.containsKey("labels")
                        || !addChangelog(loader, relative ? directory + included : included, ids)) {
                    return false;
                }
            } else if (!item.containsKey("property")) {
                return false;
            }
        }
        return true;
    }

    private static Object load(ClassLoader loader, String file) {
        try (InputStream in = loader.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("changelog " + file + " is not on the class path");
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("changelog " + file + " could not be read", e);
        }
    }
}
