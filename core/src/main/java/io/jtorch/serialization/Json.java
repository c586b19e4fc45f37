package io.jtorch.serialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for safetensors headers, with no dependency: objects become
 * {@link LinkedHashMap}s in document order (duplicate keys are refused), arrays {@link List}s,
 * integers {@link Long}, other numbers {@link Double}, plus strings, booleans and null. Nesting is
 * limited, so a hostile header cannot overflow the stack, and the objects built can be counted
 * against a {@link LoadBudget}, so a hostile header cannot exhaust the heap.
 */
final class Json {
    private static final int MAX_DEPTH = 32;

    private final String text;
    private final LoadBudget budget;
    private int pos;

    private Json(String text, LoadBudget budget) {
        this.text = text;
        this.budget = budget;
    }

    /** The value {@code text} holds; trailing white space is allowed, anything else after it is not. */
    static Object parse(String text) {
        return parse(text, new LoadBudget(Long.MAX_VALUE));
    }

    /** {@link #parse(String)}, counting the objects it builds against {@code budget}. */
    static Object parse(String text, LoadBudget budget) {
        Json json = new Json(text, budget);
        Object value = json.value(0);
        json.skipSpace();
        if (json.pos != text.length()) {
            throw json.fail("unexpected text after the end of the JSON value");
        }
        return value;
    }

    /** {@code value} as compact JSON: Maps with String keys, Lists, Strings, Numbers, Booleans and null. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    // ---------------------------------------------------------------- reading

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("nested deeper than " + MAX_DEPTH + " levels");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw fail("unexpected end of the header");
        }
        budget.heap(24); // the value, or its share of its container
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw fail("unexpected character " + PyValues.quote(String.valueOf(c)));
        }
    }

    private Map<String, Object> object(int depth) {
        budget.heap(96);
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw fail("expected a quoted key");
            }
            String key = string();
            budget.heap(48);
            skipSpace();
            expect(':');
            Object value = value(depth + 1);
            if (map.containsKey(key)) {
                throw fail("duplicate key " + PyValues.quote(key));
            }
            map.put(key, value);
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array(int depth) {
        budget.heap(56);
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw fail("a string is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                budget.heap(40 + 2L * out.length());
                return out.toString();
            } else if (c < 0x20) {
                throw fail("a control character inside a string");
            } else if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = peek();
            pos++;
            switch (e) {
                case '"': case '\\': case '/': out.append(e); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u':
                    if (pos + 4 > text.length()) {
                        throw fail("a \\u escape is cut short");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw fail("a \\u escape is not hexadecimal");
                    }
                    pos += 4;
                    break;
                default: throw fail("unknown escape \\" + e);
            }
        }
    }

    private Object number() {
        int start = pos;
        boolean integer = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c >= '0' && c <= '9' || c == '-' || c == '+') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E') {
                integer = false;
                pos++;
            } else {
                break;
            }
        }
        String s = text.substring(start, pos);
        try {
            return integer ? (Object) Long.parseLong(s) : (Object) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw fail("bad number " + PyValues.quote(s) + (integer ? " (integers must fit in 64 bits)" : ""));
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw fail("unexpected text, expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw fail("unexpected end of the header");
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private Malformed fail(String problem) {
        return new Malformed("header JSON, character " + pos + ": " + problem);
    }

    // ---------------------------------------------------------------- writing

    private static void write(Object value, StringBuilder out) {
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof String) {
            quote((String) value, out);
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                out.append(first ? "" : ",");
                quote((String) e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (value instanceof List) {
            out.append('[');
            boolean first = true;
            for (Object item : (List<?>) value) {
                out.append(first ? "" : ",");
                write(item, out);
                first = false;
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
