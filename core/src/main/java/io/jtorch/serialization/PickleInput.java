package io.jtorch.serialization;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a pickle and a cursor over them: fixed-size integers, length-prefixed strings,
 * text lines and Python's integer encodings. Every length is checked against the bytes left
 * before anything is copied, and every error names the pickle and the opcode's offset.
 */
final class PickleInput {
    private final byte[] data;
    private final String name;
    private int pos;
    private int opAt;

    PickleInput(byte[] data, String name) {
        this.data = data;
        this.name = name;
    }

    /** The most decimal digits an INT or LONG opcode may have: Python's {@code sys.int_info.default_max_str_digits}. */
    static final int MAX_DIGITS = 4300;
    /** The most bytes a LONG4 opcode may have: about as many digits as {@link #MAX_DIGITS}. */
    static final int MAX_LONG_BYTES = 4096;

    /** The pickle's name in messages. */
    String name() {
        return name;
    }

    /** Reads the next opcode, remembering where it started for messages. */
    int nextOpcode() {
        opAt = pos;
        return u8();
    }

    /** An error at the current opcode. */
    Malformed fail(String problem) {
        return new Malformed(name + ", byte " + opAt + ": " + problem);
    }

    int u8() {
        if (pos >= data.length) {
            throw fail("the pickle ends before its STOP opcode (truncated)");
        }
        return data[pos++] & 0xff;
    }

    int s32() {
        return u8() | u8() << 8 | u8() << 16 | u8() << 24;
    }

    long u32() {
        return s32() & 0xffffffffL;
    }

    long s64() {
        return u32() | u32() << 32;
    }

    long bigEndian64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | u8();
        }
        return v;
    }

    /** A declared length, checked against the bytes left before anything is allocated. */
    int length(long n) {
        if (n < 0 || n > data.length - pos) {
            throw fail("declares " + n + " bytes but only " + (data.length - pos) + " are left (truncated or damaged)");
        }
        return (int) n;
    }

    /** A LONG4 length: checked against the bytes left and against {@link #MAX_LONG_BYTES}. */
    int longLength(long n) {
        int length = length(n);
        if (length > MAX_LONG_BYTES) {
            throw fail("a binary integer (LONG4) of " + length + " bytes; jtorch reads at most " + MAX_LONG_BYTES
                    + " (a weights file needs 8)");
        }
        return length;
    }

    byte[] bytes(int n) {
        length(n);
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    byte[] line() {
        for (int i = pos; i < data.length; i++) {
            if (data[i] == '\n') {
                byte[] out = bytes(i - pos);
                pos++;
                return out;
            }
        }
        throw fail("a text argument has no end of line (truncated)");
    }

    String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Python's decode_long: little-endian two's complement. */
    Object decodeLong(byte[] le) {
        if (le.length == 0) {
            return 0L;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return integer(new BigInteger(be));
    }

    static Object integer(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    Object textInt(byte[] line) {
        String s = utf8(line).strip();
        if (s.equals("00")) {
            return Boolean.FALSE;
        } else if (s.equals("01")) {
            return Boolean.TRUE;
        }
        return textLong(line);
    }

    Object textLong(byte[] line) {
        String s = utf8(line).strip();
        if (s.endsWith("L")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() > MAX_DIGITS + 1) { // parsing is quadratic in the digits, so their number is capped first
            throw fail("a decimal integer (INT or LONG) of " + s.length() + " characters; at most " + MAX_DIGITS
                    + " digits are read, as Python's int() allows");
        }
        try {
            return integer(new BigInteger(s));
        } catch (NumberFormatException e) {
            throw fail(abbreviate(s) + " is not an integer");
        }
    }

    Object textFloat(byte[] line) {
        String s = utf8(line).strip();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw fail(abbreviate(s) + " is not a float");
        }
    }

    long textIndex(byte[] line) {
        Object index = textLong(line);
        if (!(index instanceof Long) || (Long) index < 0) {
            throw fail("memo index " + index + " is out of range");
        }
        return (Long) index;
    }

    private static String abbreviate(String s) {
        return PyValues.quote(s.length() > 40 ? s.substring(0, 40) : s);
    }
}
