package org.secheaders.domain.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.db.ChangelogIndex.ChangeSetId;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;

class ChangelogIndexTest {

    private static final ClassLoader LOADER = ChangelogIndexTest.class.getClassLoader();

    @Test
    void readsTheChangesetsLiquibaseListsForTheHistory() {
        try (TestDatabase test = TestDatabases.createUnmigrated(DbKind.H2)) {
            Set<ChangeSetId> liquibase = test.database().migrations().status().stream()
                    .map(state -> new ChangeSetId(state.id(), state.author(), state.changelog()))
                    .collect(Collectors.toSet());

            Set<ChangeSetId> read = ChangelogIndex.read(LOADER, Migrations.CHANGELOG).orElseThrow();

            assertEquals(liquibase, read);
        }
    }

    @Test
    void followsIncludesRelativeToTheIncludingFile() {
        assertEquals(Optional.of(Set.of(new ChangeSetId("m-1", "test", "changelog-index/master.yaml"),
                        new ChangeSetId("i-1", "test", "changelog-index/included.yaml"))),
                ChangelogIndex.read(LOADER, "changelog-index/master.yaml"));
    }

    @Test
    void leavesChangesetsThatRunAgainToLiquibase() {
        assertTrue(ChangelogIndex.read(LOADER, "changelog-index/reruns.yaml").isEmpty());
    }
}
