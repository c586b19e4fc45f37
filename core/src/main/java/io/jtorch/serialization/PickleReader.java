package io.jtorch.serialization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pickle machine (protocols 1 to 5) that builds plain Java values and runs no code: everything
 * a pickle would import or call goes through a {@link Resolver}, which allows a short list of
 * names. Mirrors Python's {@code pickle.Unpickler} as restricted by PyTorch's
 * {@code torch._weights_only_unpickler}.
 *
 * <p>Python values become: None {@code null}, bool {@link Boolean}, int {@link Long} (or
 * {@link java.math.BigInteger} past 64 bits), float {@link Double}, str {@link String}, bytes
 * {@code byte[]}, tuple an unmodifiable {@link List}, list {@link ArrayList}, dict
 * {@link PyDict} (a map in insertion order), set {@link PySet}. Dict keys and set items must be
 * scalars or tuples of scalars, so hashing never walks a nested or cyclic structure, and keys
 * whose Java hash codes collide cost a logarithmic search, never a linear one.
 *
 * <p>The machine is iterative (no recursion) and checks every length against the bytes left
 * before reading, so a damaged pickle ends in {@link Malformed}, never in a stack overflow or a
 * huge allocation. It runs in time linear in the pickle's size (decimal integers are capped at
 * Python's 4,300 digits, binary ones at 4,096 bytes), and every opcode's objects are counted
 * against a {@link LoadBudget}, so a flood of containers, marks or memo entries is refused when
 * it passes the budget, not when the heap runs out.
 */
final class PickleReader {
    /** Decides what the names and calls in a pickle mean; throws {@link Malformed} to refuse. */
    interface Resolver {
        /** The object a {@code GLOBAL module name} opcode names. */
        Object global(String module, String name);

        /** The result of calling {@code callable(*args)} ({@code REDUCE}, {@code NEWOBJ}). */
        Object call(Object callable, List<Object> args);

        /** The object a persistent id names ({@code BINPERSID}). */
        Object persistentLoad(Object pid);

        /** The object {@code target} becomes after {@code BUILD} with {@code state}. */
        Object build(Object target, Object state);
    }

    private final PickleInput in;
    private final Resolver resolver;
    private final LoadBudget budget;
    private final Map<Long, Object> memo = new HashMap<>();
    private final List<ArrayList<Object>> metastack = new ArrayList<>();
    private ArrayList<Object> stack = new ArrayList<>();
    /** Every list, tuple, dict, set and object the machine made, when kept: values the result drops count too. */
    private List<Object> containers;

    /** A machine for the pickle {@code data}, called {@code name} in messages (e.g. {@code archive/data.pkl}). */
    PickleReader(byte[] data, String name, Resolver resolver) {
        this(data, name, resolver, new LoadBudget(Long.MAX_VALUE));
    }

    /** A machine whose objects are counted against {@code budget}. */
    PickleReader(byte[] data, String name, Resolver resolver, LoadBudget budget) {
        this.in = new PickleInput(data, name);
        this.resolver = resolver;
        this.budget = budget;
    }

    /**
     * Keeps every container the machine makes, for {@link #containers()}: a value the result
     * drops (an argument a resolver ignores, a POP) is still built by libtorch's unpickler.
     */
    PickleReader keepContainers() {
        containers = new ArrayList<>();
        return this;
    }

    /** The containers made, when {@link #keepContainers()} was called; else null. */
    List<Object> containers() {
        return containers;
    }

    /** Runs the pickle to its STOP opcode and returns the value it built. */
    Object load() {
        return run();
    }

    /** Heap bytes counted per opcode, whatever it does: its share of the stack and of temporary objects. */
    private static final long OPCODE_COST = 16;
    private static final long CONTAINER_COST = 96;
    private static final long ITEM_COST = 64;
    private static final long MEMO_COST = 48;

    private Object run() {
        while (true) {
            int op = in.nextOpcode();
            cost(OPCODE_COST);
            switch (op) {
                case 0x80: { // PROTO
                    int protocol = in.u8();
                    if (protocol > 5) {
                        throw fail("pickle protocol " + protocol + " is newer than 5");
                    }
                    break;
                }
                case 0x95: in.bytes(8); break; // FRAME: a length hint, the frame's opcodes follow inline
                case '.': // STOP
                    return pop();
                case '(': // MARK
                    cost(CONTAINER_COST);
                    metastack.add(stack);
                    stack = new ArrayList<>();
                    break;
                case '0': // POP
                    if (stack.isEmpty()) {
                        popMark();
                    } else {
                        pop();
                    }
                    break;
                case '1': popMark(); break; // POP_MARK
                case '2': pushAgain(peek()); break; // DUP
                case 'N': push(null); break;
                case 0x88: push(Boolean.TRUE); break; // NEWTRUE
                case 0x89: push(Boolean.FALSE); break; // NEWFALSE
                case 'J': push((long) in.s32()); break; // BININT
                case 'K': push((long) in.u8()); break; // BININT1
                case 'M': push((long) (in.u8() | in.u8() << 8)); break; // BININT2
                case 0x8a: push(in.decodeLong(in.bytes(in.u8()))); break; // LONG1
                case 0x8b: push(in.decodeLong(in.bytes(in.longLength(in.s32())))); break; // LONG4
                case 'I': push(in.textInt(in.line())); break; // INT, protocol 0/1: also how protocol 1 writes True and False
                case 'L': push(in.textLong(in.line())); break; // LONG, protocol 0/1
                case 'F': push(in.textFloat(in.line())); break; // FLOAT, protocol 0/1
                case 'G': push(Double.longBitsToDouble(in.bigEndian64())); break; // BINFLOAT, big-endian
                case 'X': push(in.utf8(in.bytes(in.length(in.u32())))); break; // BINUNICODE
                case 0x8c: push(in.utf8(in.bytes(in.u8()))); break; // SHORT_BINUNICODE
                case 0x8d: push(in.utf8(in.bytes(in.length(in.s64())))); break; // BINUNICODE8
                case 'T': push(in.utf8(in.bytes(in.length(in.s32())))); break; // BINSTRING (Python 2 str), decoded as torch.load does: UTF-8
                case 'U': push(in.utf8(in.bytes(in.u8()))); break; // SHORT_BINSTRING
                case 'B': push(in.bytes(in.length(in.u32()))); break; // BINBYTES
                case 'C': push(in.bytes(in.u8())); break; // SHORT_BINBYTES
                case 0x8e: // BINBYTES8
                case 0x96: push(in.bytes(in.length(in.s64()))); break; // BYTEARRAY8
                case ')': push(Tuple.EMPTY); break; // EMPTY_TUPLE
                case 't': { // TUPLE
                    List<Object> items = popMark();
                    cost(CONTAINER_COST + 8L * items.size());
                    push(Tuple.of(items));
                    break;
                }
                case 0x85: push(Tuple.of(pop())); break; // TUPLE1
                case 0x86: { // TUPLE2
                    Object b = pop();
                    push(Tuple.of(pop(), b));
                    break;
                }
                case 0x87: { // TUPLE3
                    Object c = pop();
                    Object b = pop();
                    push(Tuple.of(pop(), b, c));
                    break;
                }
                case ']': cost(CONTAINER_COST); push(new ArrayList<>()); break; // EMPTY_LIST
                case 'l': { // LIST
                    List<Object> items = popMark();
                    cost(CONTAINER_COST + 8L * items.size());
                    push(new ArrayList<>(items));
                    break;
                }
                case 'a': list(peekBelow(1)).add(pop()); break; // APPEND
                case 'e': { // APPENDS
                    List<Object> items = popMark();
                    cost(8L * items.size());
                    list(peek()).addAll(items);
                    break;
                }
                case '}': cost(CONTAINER_COST); push(new PyDict()); break; // EMPTY_DICT
                case 'd': { // DICT
                    cost(CONTAINER_COST);
                    Map<Object, Object> dict = new PyDict();
                    putAll(dict, popMark());
                    push(dict);
                    break;
                }
                case 's': { // SETITEM
                    Object value = pop();
                    Object key = pop();
                    cost(ITEM_COST);
                    dict(peek()).put(key(key), value);
                    break;
                }
                case 'u': { // SETITEMS
                    List<Object> items = popMark();
                    putAll(dict(peek()), items);
                    break;
                }
                case 0x8f: cost(CONTAINER_COST); push(new PySet()); break; // EMPTY_SET
                case 0x90: { // ADDITEMS
                    List<Object> items = popMark();
                    cost(ITEM_COST * items.size());
                    Set<Object> set = set(peek());
                    for (Object item : items) {
                        set.add(key(item));
                    }
                    break;
                }
                case 0x91: { // FROZENSET
                    Set<Object> set = new PySet();
                    List<Object> items = popMark();
                    cost(CONTAINER_COST + ITEM_COST * items.size());
                    for (Object item : items) {
                        set.add(key(item));
                    }
                    push(Collections.unmodifiableSet(set));
                    break;
                }
                case 'q': memoPut(in.u8()); break; // BINPUT
                case 'r': memoPut(in.u32()); break; // LONG_BINPUT
                case 'p': memoPut(in.textIndex(in.line())); break; // PUT, protocol 0
                case 0x94: memoPut(memo.size()); break; // MEMOIZE
                case 'h': memoGet(in.u8()); break; // BINGET
                case 'j': memoGet(in.u32()); break; // LONG_BINGET
                case 'g': memoGet(in.textIndex(in.line())); break; // GET, protocol 0
                case 'c': { // GLOBAL
                    String module = in.utf8(in.line());
                    push(resolver.global(module, in.utf8(in.line())));
                    break;
                }
                case 0x93: { // STACK_GLOBAL
                    Object global = pop();
                    Object module = pop();
                    if (!(module instanceof String) || !(global instanceof String)) {
                        throw fail("STACK_GLOBAL needs two strings, got " + PyValues.typeName(module) + " and " + PyValues.typeName(global));
                    }
                    push(resolver.global((String) module, (String) global));
                    break;
                }
                case 'R': { // REDUCE
                    List<Object> args = tuple(pop(), "REDUCE");
                    push(resolver.call(pop(), args));
                    break;
                }
                case 0x81: { // NEWOBJ: cls.__new__(cls, *args)
                    List<Object> args = tuple(pop(), "NEWOBJ");
                    push(resolver.call(pop(), args));
                    break;
                }
                case 0x92: { // NEWOBJ_EX
                    Object kwargs = pop();
                    List<Object> args = tuple(pop(), "NEWOBJ_EX");
                    Object cls = pop();
                    if (!(kwargs instanceof Map) || !((Map<?, ?>) kwargs).isEmpty()) {
                        throw fail("NEWOBJ_EX with keyword arguments is not supported");
                    }
                    push(resolver.call(cls, args));
                    break;
                }
                case 'i': { // INST: a class named inline, instantiated with the items since MARK
                    String module = in.utf8(in.line());
                    Object cls = resolver.global(module, in.utf8(in.line()));
                    push(resolver.call(cls, Tuple.of(popMark())));
                    break;
                }
                case 'o': { // OBJ
                    List<Object> items = popMark();
                    if (items.isEmpty()) {
                        throw fail("OBJ without a class");
                    }
                    push(resolver.call(items.get(0), Tuple.of(items.subList(1, items.size()))));
                    break;
                }
                case 'b': { // BUILD
                    Object state = pop();
                    push(resolver.build(pop(), state));
                    break;
                }
                case 'Q': push(resolver.persistentLoad(pop())); break; // BINPERSID
                case 'P': // PERSID, protocol 0: torch.save never writes it
                    throw fail("text persistent ids (PERSID) are not supported");
                case 'S': // STRING
                case 'V': // UNICODE
                    throw fail("protocol 0 string opcode '" + (char) op + "' is not supported; torch.save uses protocol 2");
                case 0x82: // EXT1
                case 0x83: // EXT2
                case 0x84: // EXT4
                    throw fail("extension-registry opcodes (EXT1/2/4) are not supported");
                case 0x97: // NEXT_BUFFER
                case 0x98: // READONLY_BUFFER
                    throw fail("out-of-band buffers (protocol 5) are not supported");
                default:
                    throw fail(String.format("unknown opcode 0x%02x", op));
            }
        }
    }

    // ---------------------------------------------------------------- the stack

    /** Counts {@code bytes} of objects against the budget; a refusal names this pickle and the opcode's offset. */
    private void cost(long bytes) {
        try {
            budget.heap(bytes);
        } catch (Malformed e) {
            throw fail(e.getMessage());
        }
    }

    /** Pushes a new value, counting its size: strings, bytes and big integers by their length. */
    private void push(Object o) {
        if (o instanceof String) {
            cost(40 + 2L * ((String) o).length());
        } else if (o instanceof byte[]) {
            cost(16 + ((byte[]) o).length);
        } else if (o instanceof java.math.BigInteger) {
            cost(40 + ((java.math.BigInteger) o).bitLength() / 8);
        } else if (o instanceof Long || o instanceof Double) {
            cost(16);
        } else if (containers != null && (o instanceof java.util.Collection || o instanceof Map
                || o instanceof ScriptArchive.ScriptObject)) {
            containers.add(o);
        }
        stack.add(o);
    }

    /** Pushes a value already counted (DUP, a memo entry). */
    private void pushAgain(Object o) {
        stack.add(o);
    }

    private Object pop() {
        if (stack.isEmpty()) {
            throw fail("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        return peekBelow(0);
    }

    private Object peekBelow(int depth) {
        if (stack.size() <= depth) {
            throw fail("stack underflow");
        }
        return stack.get(stack.size() - 1 - depth);
    }

    private List<Object> popMark() {
        if (metastack.isEmpty()) {
            throw fail("no MARK on the stack");
        }
        List<Object> items = stack;
        stack = metastack.remove(metastack.size() - 1);
        return items;
    }

    private void memoPut(long index) {
        cost(MEMO_COST);
        memo.put(index, peek());
    }

    private void memoGet(long index) {
        if (!memo.containsKey(index)) {
            throw fail("memo entry " + index + " is read before it is written");
        }
        pushAgain(memo.get(index));
    }

    // ---------------------------------------------------------------- containers

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) {
        if (!(o instanceof ArrayList)) {
            throw fail("APPEND needs a list, got " + PyValues.typeName(o));
        }
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object o) {
        if (!(o instanceof PyDict)) {
            throw fail("SETITEM needs a dict, got " + PyValues.typeName(o));
        }
        return (Map<Object, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private Set<Object> set(Object o) {
        if (!(o instanceof PySet)) {
            throw fail("ADDITEMS needs a set, got " + PyValues.typeName(o));
        }
        return (Set<Object>) o;
    }

    private List<Object> tuple(Object o, String opcode) {
        if (!(o instanceof Tuple)) {
            throw fail(opcode + " needs a tuple of arguments, got " + PyValues.typeName(o));
        }
        return (Tuple) o;
    }

    private void putAll(Map<Object, Object> dict, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw fail("SETITEMS needs key-value pairs, got " + items.size() + " items");
        }
        cost(ITEM_COST / 2 * items.size());
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(key(items.get(i)), items.get(i + 1));
        }
    }

    /** {@code o} if it may be a dict key or set item: a scalar, or a tuple of scalars. */
    private Object key(Object o) {
        if (!PyValues.isHashable(o)) {
            throw fail("dict keys and set items may be str, int, float, bool, None or tuples of those, got " + PyValues.typeName(o));
        }
        return o;
    }

    private Malformed fail(String problem) {
        return in.fail(problem);
    }
}
