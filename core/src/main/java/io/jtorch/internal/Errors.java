package io.jtorch.internal;

import io.jtorch.TorchException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the presets' C++ exceptions into one-line Java exceptions.
 *
 * <p>The presets throw {@code java.lang.RuntimeException} whose message is libtorch's report:
 * the useful sentence, then "Exception raised from ..." and a page of C++ frames. We keep the
 * sentence, pick the exception type a Java caller expects for it (bad argument or libtorch
 * failure), and keep the whole report as the cause.
 */
public final class Errors {
    private static final Pattern TARGET_OUT_OF_BOUNDS = Pattern.compile("Target (-?\\d+) is out of bounds");
    private static final String TORCHSCRIPT_FAILURE = "The following operation failed in the TorchScript interpreter.";
    private static final Pattern SCRIPT_FILE = Pattern.compile("^\\s*File \"([^\"]*)\", (.*)$");
    private static final Pattern SCRIPT_ERROR = Pattern.compile("^[A-Za-z_.]*(?:Error|Exception): (.*)$");
    /** The source location Gloo puts before its messages: {@code [/path/to/pair.cc:547] }. */
    private static final Pattern SOURCE_LOCATION = Pattern.compile("^\\[[^\\]\\s]+:\\d+\\] ");
    /** What Gloo and NCCL report when another process of a distributed job is gone or stuck. */
    private static final Pattern PEER_LOST = Pattern.compile(
            "Connection (closed|reset) by peer|Timed out waiting \\d+ms for (recv|send)|Socket Timeout|NCCL communicator was aborted");
    private static final Pattern[] BAD_ARGUMENT = {
        Pattern.compile("shapes cannot be multiplied"),
        Pattern.compile("Expected all tensors to be on the same device"),
        Pattern.compile("expected scalar type"),
        Pattern.compile("must match the size of tensor"),
        Pattern.compile("size mismatch"),
        Pattern.compile("Expected .*(dimension|dims|input|size|shape|channels)", Pattern.CASE_INSENSITIVE),
        Pattern.compile("out of bounds"),
        Pattern.compile("out of range"),
        Pattern.compile("invalid", Pattern.CASE_INSENSITIVE),
        Pattern.compile("not implemented for", Pattern.CASE_INSENSITIVE),
        Pattern.compile("shape '\\[.*\\]' is invalid"),
        Pattern.compile("\\bexpects\\b"),
        Pattern.compile("Sizes of tensors must match"),
        Pattern.compile("grad can be implicitly created only for scalar outputs"),
    };

    private Errors() {}

    /**
     * Returns the exception to throw for {@code e}: our own exceptions pass through unchanged,
     * native ones become {@link IllegalArgumentException} or {@link TorchException} with a
     * one-line message, prefixed by {@code context} when it is not empty.
     */
    public static RuntimeException translate(RuntimeException e, String context) {
        if (!isNative(e)) {
            return e;
        }
        String line = firstLine(e.getMessage());
        if (PEER_LOST.matcher(line).find()) {
            line += " (another process of the distributed job exited or stopped responding)";
        }
        String message = context == null || context.isEmpty() ? line : context + ": " + line;
        return isBadArgument(line) ? new IllegalArgumentException(message, e) : new TorchException(message, e);
    }

    /** {@link #translate(RuntimeException, String)} without context. */
    public static RuntimeException translate(RuntimeException e) {
        return translate(e, "");
    }

    /**
     * The same kind of exception as {@code e}, its message prefixed with {@code context} (the
     * module, layer index or file involved) and {@code e} kept as the cause. Native exceptions are
     * translated first.
     */
    public static RuntimeException withContext(RuntimeException e, String context) {
        RuntimeException t = translate(e);
        String message = context + ": " + t.getMessage();
        RuntimeException out;
        if (t instanceof IndexOutOfBoundsException) {
            out = new IndexOutOfBoundsException(message);
        } else if (t instanceof IllegalArgumentException) {
            out = new IllegalArgumentException(message);
        } else if (t instanceof IllegalStateException) {
            out = new IllegalStateException(message);
        } else if (t instanceof UnsupportedOperationException) {
            out = new UnsupportedOperationException(message);
        } else {
            return new TorchException(message, t);
        }
        out.initCause(t);
        return out;
    }

    /** Whether {@code e} came from the presets' native layer rather than from Java code. */
    public static boolean isNative(RuntimeException e) {
        return e.getClass() == RuntimeException.class;
    }

    /** The class label that libtorch reported as out of bounds, or {@code null} when the message is another one. */
    public static Long outOfBoundsTarget(RuntimeException e) {
        Matcher m = TARGET_OUT_OF_BOUNDS.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /**
     * The readable part of a libtorch report: the text before "Exception raised from", on one
     * line; for an error inside a TorchScript program, the error itself (which libtorch puts after
     * the program's traceback) and the innermost place it names.
     */
    public static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "libtorch reported an error without a message";
        }
        if (message.startsWith(TORCHSCRIPT_FAILURE)) {
            String script = torchScriptError(message);
            if (script != null) {
                return script;
            }
        }
        StringBuilder out = new StringBuilder();
        for (String raw : message.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("Exception raised from") || line.startsWith("frame #")) {
                break;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(line);
            if (out.length() > 400) {
                out.setLength(400);
                out.append("...");
                break;
            }
        }
        String line = out.length() == 0 ? message.strip().split("\n")[0] : out.toString();
        return SOURCE_LOCATION.matcher(line).replaceFirst("");
    }

    /** "RuntimeError: Expected 4D input ... (TorchScript code/.../conv.py, line 29, in _conv_forward)", or null. */
    private static String torchScriptError(String message) {
        String error = null;
        String where = null;
        for (String raw : message.split("\n")) {
            if (raw.startsWith("Exception raised from") || raw.startsWith("frame #")) {
                break;
            }
            Matcher file = SCRIPT_FILE.matcher(raw);
            if (file.find()) {
                where = file.group(1) + ", " + file.group(2);
            }
            Matcher err = SCRIPT_ERROR.matcher(raw);
            if (err.find()) {
                error = err.group(1).strip();
            }
        }
        if (error == null) {
            return null;
        }
        String line = where == null ? error : error + " (TorchScript " + where + ")";
        return line.length() > 400 ? line.substring(0, 400) + "..." : line;
    }

    private static boolean isBadArgument(String line) {
        for (Pattern p : BAD_ARGUMENT) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }
}
