package org.secheaders.platform.tool;

/** An argument is missing or unusable; the message names the argument and what was wrong. */
public final class ToolInputException extends ToolException {

    private static final long serialVersionUID = 1L;

    private final String argument;
    private final String problem;

    /**
     * @param argument the argument's name
     * @param problem what is wrong, phrased to follow the name, e.g. {@code "is required"}
     */
    public ToolInputException(String argument, String problem) {
        super("argument '" + argument + "' " + problem);
        this.argument = argument;
        this.problem = problem;
    }

    public String argument() {
        return argument;
    }

    public String problem() {
        return problem;
    }
}
