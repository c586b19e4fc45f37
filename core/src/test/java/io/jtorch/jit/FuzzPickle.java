package io.jtorch.jit;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pickle as a list of opcodes, to mutate TorchScript pickles ({@code data.pkl},
 * {@code constants.pkl}, {@code .debug_pkl}) one opcode at a time and write them back: integers,
 * strings and globals replaced, values replaced by deep or huge structures, and the tensors'
 * storage sizes, offsets, sizes and strides found so that they can be set to what must be refused.
 */
final class FuzzPickle {
    /** One opcode with its argument bytes. */
    record Op(int code, byte[] bytes) {
        boolean isInt() {
            return code == 'K' || code == 'M' || code == 'J' || code == 0x8a;
        }

        boolean isTuple() {
            return code == 't' || code == 0x85 || code == 0x86 || code == 0x87;
        }

        long intValue() {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            switch (code) {
                case 'K':
                    return bytes[1] & 0xff;
                case 'M':
                    return b.getShort(1) & 0xffff;
                case 'J':
                    return b.getInt(1);
                default:
                    byte[] raw = Arrays.copyOfRange(bytes, 2, bytes.length);
                    byte[] big = new byte[raw.length];
                    for (int i = 0; i < raw.length; i++) {
                        big[i] = raw[raw.length - 1 - i];
                    }
                    return raw.length == 0 ? 0 : new BigInteger(big).longValue();
            }
        }
    }

    /** A tensor rebuilt from a persistent id: where its storage size, offset, sizes and strides are. */
    record TensorSite(int numel, int offset, int[] sizes, int[] strides) {}

    final List<Op> ops;

    FuzzPickle(byte[] pickle) {
        ops = parse(pickle);
    }

    byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Op op : ops) {
            out.writeBytes(op.bytes);
        }
        return out.toByteArray();
    }

    private static List<Op> parse(byte[] p) {
        List<Op> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
        int i = 0;
        while (i < p.length) {
            int code = p[i] & 0xff;
            int len;
            switch (code) {
                case 0x80: case 'K': case 'q': case 'h':
                    len = 2;
                    break;
                case 'M':
                    len = 3;
                    break;
                case 'J': case 'r': case 'j':
                    len = 5;
                    break;
                case 'G':
                    len = 9;
                    break;
                case 0x8a:
                    len = 2 + (p[i + 1] & 0xff);
                    break;
                case 'X': case 'T': case 'B':
                    len = 5 + b.getInt(i + 1);
                    break;
                case 0x8c: case 'U': case 'C':
                    len = 2 + (p[i + 1] & 0xff);
                    break;
                case 'c':
                    int first = indexOf(p, i + 1);
                    len = indexOf(p, first + 1) + 1 - i;
                    break;
                case '(': case ')': case 't': case 0x85: case 0x86: case 0x87: case 'Q': case 'R': case 0x81: case 'b': case '}':
                case 's': case 'u': case ']': case 'a': case 'e': case 0x88: case 0x89: case 'N': case '.': case '0': case '2':
                case 0x94: case 0x93:
                    len = 1;
                    break;
                default:
                    throw new IllegalArgumentException("a seed pickle has opcode 0x" + Integer.toHexString(code) + " at " + i
                            + ", which the fuzzer does not parse");
            }
            out.add(new Op(code, Arrays.copyOfRange(p, i, i + len)));
            i += len;
        }
        return out;
    }

    private static int indexOf(byte[] p, int from) {
        for (int i = from; i < p.length; i++) {
            if (p[i] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("an unterminated GLOBAL");
    }

    /** The tensors whose storage is a BINPERSID: the indices of their numel, offset, sizes and strides opcodes. */
    List<TensorSite> tensors() {
        List<TensorSite> sites = new ArrayList<>();
        for (int i = 2; i < ops.size(); i++) {
            if (ops.get(i).code != 'Q' || !ops.get(i - 1).isTuple() || !ops.get(i - 2).isInt()) {
                continue;
            }
            int j = skipPuts(i + 1);
            if (j >= ops.size() || !ops.get(j).isInt()) {
                continue;
            }
            int offset = j;
            int[][] tuples = new int[2][];
            j++;
            for (int t = 0; t < 2 && (t == 0 || tuples[0] != null); t++) {
                if (j < ops.size() && ops.get(j).code == '(') {
                    List<Integer> ints = new ArrayList<>();
                    j++;
                    while (j < ops.size() && ops.get(j).isInt()) {
                        ints.add(j++);
                    }
                    if (j < ops.size() && ops.get(j).code == 't') {
                        tuples[t] = ints.stream().mapToInt(Integer::intValue).toArray();
                        j = skipPuts(j + 1);
                    }
                } else if (j < ops.size() && ops.get(j).code == ')') {
                    tuples[t] = new int[0];
                    j = skipPuts(j + 1);
                }
            }
            if (tuples[0] != null && tuples[1] != null && tuples[0].length == tuples[1].length) {
                sites.add(new TensorSite(i - 2, offset, tuples[0], tuples[1]));
            }
        }
        return sites;
    }

    private int skipPuts(int j) {
        while (j < ops.size() && (ops.get(j).code == 'q' || ops.get(j).code == 'r' || ops.get(j).code == 0x94)) {
            j++;
        }
        return j;
    }

    /** The indices of the opcodes that push one plain value (an int, a string, None, a bool, a float). */
    List<Integer> values() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            int c = ops.get(i).code;
            if (ops.get(i).isInt() || c == 'X' || c == 'N' || c == 0x88 || c == 0x89 || c == 'G') {
                out.add(i);
            }
        }
        return out;
    }

    List<Integer> indicesOf(int code) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).code == code) {
                out.add(i);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- opcode builders

    /** An int as the smallest opcode for it; values beyond a long as LONG1 with the given bytes. */
    static Op integer(BigInteger v) {
        if (v.signum() >= 0 && v.compareTo(BigInteger.valueOf(256)) < 0) {
            return new Op('K', new byte[] {'K', v.byteValue()});
        }
        if (v.bitLength() < 32) {
            return new Op('J', ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'J').putInt(v.intValue()).array());
        }
        byte[] big = v.toByteArray();
        byte[] out = new byte[2 + big.length];
        out[0] = (byte) 0x8a;
        out[1] = (byte) big.length;
        for (int i = 0; i < big.length; i++) {
            out[2 + i] = big[big.length - 1 - i];
        }
        return new Op(0x8a, out);
    }

    static Op integer(long v) {
        return integer(BigInteger.valueOf(v));
    }

    static Op unicode(String s) {
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        return new Op('X', ByteBuffer.allocate(5 + raw.length).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'X').putInt(raw.length)
                .put(raw).array());
    }

    static Op global(String module, String name) {
        return new Op('c', (("c" + module + "\n" + name + "\n")).getBytes(StandardCharsets.UTF_8));
    }

    static Op simple(int code) {
        return new Op(code, new byte[] {(byte) code});
    }

    /** Ops that push one list nested {@code depth} deep. */
    static List<Op> nestedLists(int depth) {
        List<Op> out = new ArrayList<>(2 * depth);
        for (int i = 0; i < depth; i++) {
            out.add(simple(']'));
        }
        for (int i = 1; i < depth; i++) {
            out.add(simple('a'));
        }
        return out;
    }

    /** Ops that push one tuple nested {@code depth} deep. */
    static List<Op> nestedTuples(int depth) {
        List<Op> out = new ArrayList<>(2 * depth);
        for (int i = 0; i < depth; i++) {
            out.add(simple('('));
        }
        for (int i = 0; i < depth; i++) {
            out.add(simple('t'));
        }
        return out;
    }

    /** Ops that push a list (or dict) that contains itself, through the memo. */
    static List<Op> selfContaining(boolean dict) {
        java.util.function.IntFunction<Op> memo = code -> new Op(code, ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) code).putInt(99_999).array());
        return dict ? List.of(simple('}'), memo.apply('r'), unicode("self"), memo.apply('j'), simple('s'))
                : List.of(simple(']'), memo.apply('r'), memo.apply('j'), simple('a'));
    }

    /** Ops that push one list of {@code n} small ints. */
    static List<Op> hugeList(int n) {
        List<Op> out = new ArrayList<>(n + 3);
        out.add(simple(']'));
        out.add(simple('('));
        for (int i = 0; i < n; i++) {
            out.add(integer(i & 0xff));
        }
        out.add(simple('e'));
        return out;
    }

    /** Ops that push one dict of {@code n} distinct string keys. */
    static List<Op> hugeDict(int n) {
        List<Op> out = new ArrayList<>(2 * n + 3);
        out.add(simple('}'));
        out.add(simple('('));
        for (int i = 0; i < n; i++) {
            out.add(unicode("k" + i));
            out.add(integer(i & 0xff));
        }
        out.add(simple('u'));
        return out;
    }
}
