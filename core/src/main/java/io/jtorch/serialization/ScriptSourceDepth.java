package io.jtorch.serialization;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounds how deeply the TorchScript source of an archive's {@code code/} entries nests, before
 * libtorch compiles it. libtorch's parser and compiler are recursive, one native stack frame
 * chain per level of nesting, and do not bound it: a file whose code holds a thousand nested
 * parentheses, a chain of a few thousand {@code + 1}, or a few hundred nested {@code if} blocks
 * overflows the native stack of the loading thread and ends the JVM with SIGSEGV (found by the
 * TorchScript fuzzer, {@code TorchScriptFuzzMain}). The source PyTorch writes is flat (one
 * operator call per statement), so a small bound refuses no real file.
 *
 * <p>The depth of a point in the source approximates the parser's recursion there: the enclosing
 * blocks, plus the enclosing brackets, plus, at each bracket level, the operators since the
 * last comma at that level (a chain {@code a + b + c} or {@code a.b.c} nests to the left; a
 * call or subscript of a call's result, {@code f(x)(y)}, counts as an operator). Comments and
 * string literals do not count.
 */
final class ScriptSourceDepth {
    /** The deepest nesting allowed; checked to load without a crash on threads with 512 KB stacks. */
    static final int MAX_DEPTH = 256;
    private static final int MAX_LEVELS = MAX_DEPTH + 2;

    private ScriptSourceDepth() {}

    /** The deepest point of {@code source}: {depth, line}. */
    static int[] deepest(String source) {
        int[] ops = new int[MAX_LEVELS + 1];
        Deque<Integer> indents = new ArrayDeque<>();
        indents.push(0);
        int level = 0;
        int sum = 0;
        int line = 1;
        int max = 0;
        int maxLine = 1;
        boolean lineStart = true;
        char previous = '\n';
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (lineStart && level == 0) {
                int width = 0;
                while (i < n && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
                    width += source.charAt(i) == '\t' ? 8 - width % 8 : 1;
                    i++;
                }
                lineStart = false;
                if (i >= n) {
                    break;
                }
                c = source.charAt(i);
                if (c != '\n' && c != '#' && c != '\r') {
                    while (width < indents.peek()) {
                        indents.pop();
                    }
                    if (width > indents.peek()) {
                        indents.push(width);
                    }
                }
            }
            int operators = 0;
            if (c == '#') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
                continue;
            } else if (c == '"' || c == '\'') {
                String quote = source.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3) : String.valueOf(c);
                i += quote.length();
                while (i < n && !source.startsWith(quote, i)) {
                    if (source.charAt(i) == '\n') {
                        line++;
                    }
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i += quote.length();
                previous = 'a';
                continue;
            } else if (c == '\n') {
                line++;
                if (level == 0 && previous != '\\') {
                    sum -= ops[0];
                    ops[0] = 0;
                    lineStart = true;
                }
            } else if (c == '(' || c == '[' || c == '{') {
                if (previous == ')' || previous == ']') {
                    operators++;
                }
                if (level < MAX_LEVELS) {
                    ops[level] += operators;
                    sum += operators;
                    operators = 0;
                    level++;
                    ops[level] = 0;
                } else {
                    return new int[] {Integer.MAX_VALUE, line};
                }
            } else if (c == ')' || c == ']' || c == '}') {
                if (level > 0) {
                    sum -= ops[level];
                    level--;
                }
            } else if (c == ',' || c == ':' && level > 0) {
                sum -= ops[level];
                ops[level] = 0;
            } else if ("+-*/%@&|^~<>=!".indexOf(c) >= 0) {
                while (i + 1 < n && "+-*/%@&|^~<>=!".indexOf(source.charAt(i + 1)) >= 0) {
                    i++;
                }
                operators = 1;
            } else if (c == '.' && !Character.isDigit(previous)) {
                operators = 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i + 1 < n && Character.isJavaIdentifierPart(source.charAt(i + 1))) {
                    i++;
                }
                String word = source.substring(start, i + 1);
                operators = switch (word) {
                    case "not", "and", "or", "if", "else", "in", "is", "lambda" -> 1;
                    default -> 0;
                };
                c = 'a';
            }
            ops[level] += operators;
            sum += operators;
            int depth = indents.size() - 1 + level + sum;
            if (depth > max) {
                max = depth;
                maxLine = line;
            }
            if (!Character.isWhitespace(c) || c == '\n') {
                previous = c;
            }
            i++;
        }
        return new int[] {max, maxLine};
    }

    /**
     * Throws unless {@code source} (the entry {@code entry} of {@code file}) nests at most
     * {@link #MAX_DEPTH} deep.
     */
    static void check(String file, String entry, String source) {
        int[] deepest = deepest(source);
        if (deepest[0] > MAX_DEPTH) {
            throw new IllegalArgumentException(file + " holds code nested " + (deepest[0] == Integer.MAX_VALUE ? "more than "
                    + MAX_LEVELS + " brackets" : deepest[0] + " levels") + " deep (" + entry + ", line " + deepest[1]
                    + "), more than the " + MAX_DEPTH + " jtorch lets libtorch's compiler parse: its recursive parser would "
                    + "overflow the native stack and end the JVM; PyTorch never writes such code, so the file was made by hand");
        }
    }
}
