package io.jtorch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jtorch} command: fine-tune a TorchScript classifier on new classes, predict with
 * it, inspect it.
 *
 * <p>Exit status: 0 on success, 2 for bad input (one line on stderr; the stack trace only with
 * {@code --verbose}), 1 for anything unexpected.
 */
@Command(name = "jtorch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Transfer learning on the JVM with libtorch: adapt a TorchScript model to your own classes.",
        subcommands = {FinetuneCommand.class, PredictCommand.class, InspectCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("jtorch: " + ex.getMessage());
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
            Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
            String line = describe(cause);
            if (line != null) {
                err.println("jtorch: " + line);
                if (verbose) {
                    ex.printStackTrace(err);
                }
                return BAD_INPUT;
            }
            err.println("jtorch: unexpected error: " + ex);
            ex.printStackTrace(err);
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * One-line log records, and no INFO from the library: the commands print what matters
     * themselves (the trainer's feature-cache decisions, for instance).
     */
    /** Held so the level set on it survives: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger LIBRARY_LOGGER = java.util.logging.Logger.getLogger("io.jtorch");

    static void quietLogging() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%n");
        LIBRARY_LOGGER.setLevel(java.util.logging.Level.WARNING);
    }

    /** The one line to print for an error caused by the input, or null for a bug. */
    static String describe(Throwable e) {
        if (e instanceof ExceptionInInitializerError && e.getCause() != null) {
            // libtorch failed to load in a class's static initialiser (a -Pgpu build without the CUDA libraries, say)
            return describe(e.getCause());
        }
        if (e instanceof UserError) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file: " + ((NoSuchFileException) e).getFile();
        }
        if (e instanceof IOException || e instanceof IllegalArgumentException || e instanceof IndexOutOfBoundsException
                || e instanceof IllegalStateException || e instanceof io.jtorch.TorchException) {
            return String.valueOf(e.getMessage()).replace('\n', ' ');
        }
        return null;
    }

    /** The one line for {@code e}: {@link #describe} for input errors, else its class and message. */
    static String describeOrClass(Throwable e) {
        String line = describe(e);
        return line != null ? line : e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ');
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed: finetune, predict or inspect (see --help)");
    }

    /** Prints the version of jtorch and of the libtorch it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jtorch 0.1.0 on libtorch 2.10.0 (JavaCPP presets 1.5.13)"};
        }
    }
}
