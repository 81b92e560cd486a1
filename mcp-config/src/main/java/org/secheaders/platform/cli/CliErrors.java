package org.secheaders.platform.cli;

import java.io.PrintWriter;
import org.secheaders.platform.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one line on stderr and an exit status: usage and configuration errors
 * (the message names the flag, variable or file key) exit 2, everything else 1. The stack trace
 * is logged at debug level ({@code --log-level debug}), never printed to a person by default.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        return usage(e.getCommandLine(), e.getMessage(), e);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        if (e instanceof ParameterException parameter) {
            return usage(parameter.getCommandLine(), parameter.getMessage(), parameter);
        }
        if (e instanceof ConfigException) {
            return usage(command, e.getMessage(), e);
        }
        LOG.debug("{} failed", command.getCommandSpec().qualifiedName(), e);
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + describe(e));
        err.flush();
        return ExitStatus.FAILED.code();
    }

    private static int usage(CommandLine command, String message, Exception e) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + message);
        if (e instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitStatus.USAGE.code();
    }

    /** The message, or the type when there is none, plus the innermost cause when it says more. */
    private static String describe(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getMessage().lines().findFirst().orElse("") + ")";
        }
        return message.lines().findFirst().orElse(message);
    }
}
