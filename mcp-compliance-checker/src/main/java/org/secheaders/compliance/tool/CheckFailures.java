package org.secheaders.compliance.tool;

import org.secheaders.domain.compliance.run.TargetRefusedException;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.tool.ToolException;

/** The tool error for a check the service refused; a refused scan target also says which setting allows it. */
final class CheckFailures {

    private static final ConfigKey SETTING = ConfigKey.COMPLIANCE_SCANNER_PRIVATE_ADDRESSES;

    private CheckFailures() {
    }

    static ToolException toolError(IllegalArgumentException refusal) {
        if (refusal instanceof TargetRefusedException) {
            return new ToolException(refusal.getMessage() + "; an operator who means to scan such addresses sets "
                    + SETTING.fileKey() + "=allow (" + SETTING.flag() + "=allow or " + SETTING.envVar() + "=allow)");
        }
        return new ToolException(refusal.getMessage());
    }
}
