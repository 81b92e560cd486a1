package org.secheaders.platform.cli;

import java.util.Map;
import java.util.Set;
import org.secheaders.platform.config.ConfigKey;

/**
 * A command that reads platform settings. {@link SecheadersCli} gives it {@code --config} and one
 * flag per setting (the same flags the servers take); {@link PlatformSettings} reads them back
 * merged with {@code SECHEADERS_*} variables, the config file and the defaults.
 */
interface ConfiguredCommand {

    Set<ConfigKey> settings();

    /** Where this command's defaults differ from the servers'; its usage shows them. */
    default Map<ConfigKey, String> settingDefaults() {
        return PlatformSettings.OPERATOR_DEFAULTS;
    }
}
