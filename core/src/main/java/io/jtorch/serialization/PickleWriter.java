package io.jtorch.serialization;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Emits pickle protocol 2 opcodes, the subset {@code torch.save} writes and
 * {@code torch.load(weights_only=True)} reads. Mirrors the opcode-writing half of Python's
 * {@code pickle.Pickler}; what to write is {@link TorchPickler}'s business.
 */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The pickle written so far. */
    byte[] toByteArray() {
        return out.toByteArray();
    }

    void proto() {
        out.write(0x80);
        out.write(2);
    }

    void stop() {
        out.write('.');
    }

    void mark() {
        out.write('(');
    }

    void none() {
        out.write('N');
    }

    void bool(boolean b) {
        out.write(b ? 0x88 : 0x89);
    }

    /** An int as Python's pickler writes it: BININT1, BININT2, BININT or LONG1. */
    void integer(long v) {
        if (v >= 0 && v <= 0xff) {
            out.write('K');
            out.write((int) v);
        } else if (v >= 0 && v <= 0xffff) {
            out.write('M');
            out.write((int) v & 0xff);
            out.write((int) (v >> 8) & 0xff);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J');
            littleEndian(v, 4);
        } else {
            integer(BigInteger.valueOf(v));
        }
    }

    /** An int of any size: LONG1, or LONG4 past 255 bytes. */
    void integer(BigInteger v) {
        byte[] be = v.toByteArray();
        if (be.length < 256) {
            out.write(0x8a);
            out.write(be.length);
        } else {
            out.write(0x8b);
            littleEndian(be.length, 4);
        }
        for (int i = be.length - 1; i >= 0; i--) {
            out.write(be[i]);
        }
    }

    /** A float: BINFLOAT, big-endian. */
    void binfloat(double v) {
        out.write('G');
        long bits = Double.doubleToRawLongBits(v);
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (bits >>> shift) & 0xff);
        }
    }

    /** A str: BINUNICODE. */
    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        littleEndian(b.length, 4);
        out.write(b, 0, b.length);
    }

    /** GLOBAL {@code module name}. */
    void global(String module, String name) {
        out.write('c');
        byte[] b = (module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    void emptyTuple() {
        out.write(')');
    }

    /** Packs the top {@code n} values (1 to 3) into a tuple, or those since the last MARK when {@code n} is -1. */
    void tuple(int n) {
        out.write(n == 1 ? 0x85 : n == 2 ? 0x86 : n == 3 ? 0x87 : 't');
    }

    void emptyList() {
        out.write(']');
    }

    void appends() {
        out.write('e');
    }

    void emptyDict() {
        out.write('}');
    }

    void setitems() {
        out.write('u');
    }

    void reduce() {
        out.write('R');
    }

    void binpersid() {
        out.write('Q');
    }

    /** Stores the top of the stack in memo slot {@code index}. */
    void put(int index) {
        if (index <= 0xff) {
            out.write('q');
            out.write(index);
        } else {
            out.write('r');
            littleEndian(index, 4);
        }
    }

    /** Pushes memo slot {@code index}. */
    void get(int index) {
        if (index <= 0xff) {
            out.write('h');
            out.write(index);
        } else {
            out.write('j');
            littleEndian(index, 4);
        }
    }

    private void littleEndian(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >> (8 * i)) & 0xff);
        }
    }
}
