package org.secheaders.compliance.tool;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.WireEnums;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolInputException;

/** The optional {@code frameworks} argument of the tools that cover several frameworks: all when left out. */
final class FrameworkArguments {

    static final String FRAMEWORKS = "frameworks";

    private FrameworkArguments() {
    }

    static Set<ComplianceFramework> parse(ToolArguments arguments) {
        if (!arguments.has(FRAMEWORKS)) {
            return EnumSet.allOf(ComplianceFramework.class);
        }
        List<String> names = arguments.stringList(FRAMEWORKS);
        if (names.isEmpty()) {
            throw new ToolInputException(FRAMEWORKS, "must name at least one framework, or be left out for all");
        }
        Set<ComplianceFramework> frameworks = EnumSet.noneOf(ComplianceFramework.class);
        for (String name : names) {
            try {
                frameworks.add(ComplianceFramework.fromWire(name));
            } catch (IllegalArgumentException e) {
                throw new ToolInputException(FRAMEWORKS, "must contain only " + WireEnums.allowed(ComplianceFramework.class)
                        + ", got '" + name + "'");
            }
        }
        return frameworks;
    }
}
