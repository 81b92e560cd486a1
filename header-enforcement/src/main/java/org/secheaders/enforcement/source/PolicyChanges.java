package org.secheaders.enforcement.source;

import java.util.Map;
import org.secheaders.enforcement.TenantKey;

/**
 * What changed since a watermark.
 *
 * @param watermark the highest version covered; pass it to the next {@link PolicySource#changesSince}
 * @param versions  changed tenants and their current versions
 */
public record PolicyChanges(long watermark, Map<TenantKey, Long> versions) {
    public PolicyChanges {
        versions = Map.copyOf(versions);
    }
}
