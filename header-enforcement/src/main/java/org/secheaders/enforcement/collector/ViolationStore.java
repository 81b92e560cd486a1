package org.secheaders.enforcement.collector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.report.ProcessedViolation;
import org.secheaders.domain.repo.TenantScope;

/**
 * The collector's database writes. A batch is one transaction: the new rows
 * ({@code ViolationRepository.insertBatch}, which joins the transaction because Jdbi hands nested
 * calls on one thread the same handle), the duplicate counts added to earlier rows, and the
 * checkpoint row of this collector. Either all of it is committed or none, so a replay from the
 * checkpoint after a crash stores every record exactly once.
 *
 * <p>Duplicate counts live in the row's metadata (JSON text, read and rewritten here: the schema uses
 * no database JSON functions). The row is found by tenant and created_at (indexed) and then by its
 * {@code dedupe_key}.
 */
final class ViolationStore {
    private static final String SELECT_CHECKPOINT =
            "SELECT wal_position FROM collector_checkpoints WHERE collector_id = :collector_id";
    private static final String INSERT_CHECKPOINT = """
            INSERT INTO collector_checkpoints (collector_id, wal_position, updated_at)
            VALUES (:collector_id, 0, :now)""";
    private static final String UPDATE_CHECKPOINT = """
            UPDATE collector_checkpoints SET wal_position = :position, updated_at = :now
            WHERE collector_id = :collector_id""";
    private static final String SELECT_WINDOW_ROWS = """
            SELECT id, metadata FROM security_violations
            WHERE tenant_id = :tenant_id AND created_at = :created_at""";
    private static final String UPDATE_METADATA =
            "UPDATE security_violations SET metadata = :metadata, updated_at = :now WHERE id = :id";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final Database database;
    private final String collectorId;
    private final InstantSource clock;

    private record StoredRow(long id, Map<String, Object> metadata) {
    }

    ViolationStore(Database database, String collectorId, InstantSource clock) {
        this.database = database;
        this.collectorId = collectorId;
        this.clock = clock;
    }

    /** The log position up to which this collector's records are stored; 0 for a new collector. */
    long checkpoint() {
        return database.jdbi().inTransaction(handle -> {
            Optional<Long> position = handle.createQuery(SELECT_CHECKPOINT)
                    .bind("collector_id", collectorId)
                    .mapTo(Long.class)
                    .findOne();
            if (position.isPresent()) {
                return position.get();
            }
            handle.createUpdate(INSERT_CHECKPOINT).bind("collector_id", collectorId).bind("now", clock.instant())
                    .execute();
            return 0L;
        });
    }

    /**
     * Writes the plan and moves the checkpoint, all in one transaction.
     *
     * @return rows inserted (the plan's new rows, plus fallbacks for increments whose row was gone)
     */
    int commit(BatchPlan plan) {
        Instant now = clock.instant();
        return database.jdbi().inTransaction(handle -> {
            List<SecurityViolation.Draft> inserts = new ArrayList<>(plan.inserts());
            for (BatchPlan.Increment increment : plan.increments()) {
                if (!addTo(handle, increment, now)) {
                    inserts.add(increment.fallback());
                }
            }
            int inserted = database.violations().insertBatch(TenantScope.platform(), inserts);
            int moved = handle.createUpdate(UPDATE_CHECKPOINT)
                    .bind("position", plan.checkpoint())
                    .bind("now", now)
                    .bind("collector_id", collectorId)
                    .execute();
            if (moved != 1) {
                throw new IllegalStateException("checkpoint row of collector '" + collectorId + "' is missing");
            }
            return inserted;
        });
    }

    /** @return false if the window's row no longer exists */
    private static boolean addTo(Handle handle, BatchPlan.Increment increment, Instant now) {
        WindowId window = increment.window();
        Optional<StoredRow> row = handle.createQuery(SELECT_WINDOW_ROWS)
                .bind("tenant_id", window.tenantId())
                .bind("created_at", window.start())
                .map((rs, ctx) -> new StoredRow(rs.getLong("id"), read(rs.getString("metadata"))))
                .stream()
                .filter(candidate -> window.dedupeKey().equals(candidate.metadata().get(ProcessedViolation.DEDUPE_KEY)))
                .findFirst();
        if (row.isEmpty()) {
            return false;
        }
        Map<String, Object> metadata = row.get().metadata();
        Occurrences.readFrom(metadata, window.start()).plus(increment.added()).writeTo(metadata);
        handle.createUpdate(UPDATE_METADATA)
                .bind("metadata", write(metadata))
                .bind("now", now)
                .bind("id", row.get().id())
                .execute();
        return true;
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("violation metadata is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Map<String, Object> metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("violation metadata cannot be written: " + e.getOriginalMessage(), e);
        }
    }
}
