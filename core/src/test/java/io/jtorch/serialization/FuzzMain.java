package io.jtorch.serialization;

import io.jtorch.Scope;
import io.jtorch.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs every loader on every file of a folder, in a JVM of its own so that a crash in native
 * code shows up as a failed test instead of killing the test run (see SerializationFuzzTest).
 * Prints one tab-separated line per case, {@code ok <loader> <file> <type>} or
 * {@code error <loader> <file> <exception class> <message>}, then {@code total <count>}.
 * Whatever loads is read in full (every tensor's bytes), so a view that escaped the checks
 * would touch memory outside its storage here.
 */
public final class FuzzMain {
    /** A loader under test. */
    @FunctionalInterface
    interface Loader {
        Object load(Path file) throws IOException;
    }

    /** The loaders every file goes through; a new loader (a future ScriptModule.load) is one more line. */
    static final Map<String, Loader> LOADERS = new LinkedHashMap<>();

    static {
        LOADERS.put("torch.load", TorchSerialization::load);
        LOADERS.put("safetensors.load", SafeTensors::load);
        LOADERS.put("jit.load", file -> io.jtorch.jit.ScriptModule.load(file).stateDict());
    }

    private FuzzMain() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.sorted().collect(Collectors.toList());
        }
        int total = 0;
        for (Path file : files) {
            for (Map.Entry<String, Loader> loader : LOADERS.entrySet()) {
                out.println(run(loader.getKey(), loader.getValue(), file));
                total++;
            }
        }
        out.println("total\t" + total);
    }

    @SuppressWarnings("try") // the scope frees each case's native memory when it closes
    private static String run(String name, Loader loader, Path file) {
        try (Scope scope = Scope.open()) {
            Object result = loader.load(file);
            long bytes = readEverything(result);
            return "ok\t" + name + "\t" + file + "\t" + PyValues.typeName(result) + " (" + bytes + " tensor bytes)";
        } catch (Throwable t) {
            String message = String.valueOf(t.getMessage()).replace('\t', ' ').replace('\n', '\u2424');
            return "error\t" + name + "\t" + file + "\t" + t.getClass().getName() + "\t" + message;
        }
    }

    /** Reads every tensor reachable from {@code root} in full; returns the number of bytes read. */
    private static long readEverything(Object root) {
        long bytes = 0;
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root == null ? "" : root);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (!seen.add(o)) {
                continue;
            }
            if (o instanceof Tensor) {
                bytes += ((Tensor) o).toByteArray().length;
            } else if (o instanceof Map) {
                push(((Map<?, ?>) o).values(), todo);
            } else if (o instanceof Collection) {
                push((Collection<?>) o, todo);
            }
        }
        return bytes;
    }

    private static void push(Collection<?> items, Deque<Object> todo) {
        for (Object item : items) {
            if (item != null) {
                todo.push(item);
            }
        }
    }
}
