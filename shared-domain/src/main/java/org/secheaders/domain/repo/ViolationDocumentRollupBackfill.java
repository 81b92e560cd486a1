package org.secheaders.domain.repo;

/**
 * Liquibase change {@code 008-04-backfill-violation-document-counts}: the document rollup of the
 * violations stored before migration 008, as {@link ViolationRollupBackfill} does for 007.
 */
public final class ViolationDocumentRollupBackfill extends ViolationRollupBackfill {
    public ViolationDocumentRollupBackfill() {
        super(ViolationRollup.Family.DOCUMENTS);
    }
}
