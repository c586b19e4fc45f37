package io.jtorch.serialization;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a TorchScript archive's tensor data against what its pickles declare, before libtorch
 * reads it. libtorch sizes each storage from the pickle's declared element count but fills it
 * from the archive entry, without comparing the two; a damaged file with a short entry makes it
 * read past the end of that entry's memory. This reads the pickles with a machine that runs
 * nothing (every name and call stays an opaque value) and compares every declared storage with
 * its entry.
 */
public final class ScriptArchives {
    private ScriptArchives() {}

    /** A value the check does not need: a TorchScript class, an object, a call's result. */
    private static final Object OPAQUE = new Object();

    /**
     * Throws unless every storage that {@code data.pkl} and {@code constants.pkl} declare has an
     * entry of at least its declared size, and all of them together fit in the default memory
     * limit ({@link TorchSerialization#defaultMaxBytes()}).
     *
     * @throws IllegalArgumentException naming the file and the first storage that is missing or short
     */
    public static void checkStorages(Path file) throws IOException {
        checkStorages(file, MemoryLimit.defaultMaxBytes());
    }

    /**
     * {@link #checkStorages(Path)} with a limit of {@code maxBytes} on the tensor memory the
     * archive declares: libtorch allocates every storage at its declared size, so a file that
     * declares more is refused here, before anything is allocated.
     */
    public static void checkStorages(Path file, long maxBytes) throws IOException {
        Map<String, Long> declaredBytes = new HashMap<>(); // tensors that share a storage count it once
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> entries = new HashMap<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                entries.put(e.getName(), e);
            }
            for (ZipEntry e : new ArrayList<>(entries.values())) {
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || name.indexOf('/', slash + 1) >= 0) {
                    continue;
                }
                String prefix = name.substring(0, slash + 1);
                String pickle = name.substring(slash + 1);
                String folder = pickle.equals("data.pkl") ? "data/" : pickle.equals("constants.pkl") ? "constants/" : null;
                if (folder == null) {
                    continue;
                }
                for (StorageRef ref : declared(zip.getInputStream(e).readAllBytes(), name, file)) {
                    ZipEntry data = entries.get(prefix + folder + ref.key());
                    long need = ref.nbytes();
                    long counted = declaredBytes.getOrDefault(prefix + folder + ref.key(), 0L);
                    if (need > counted) {
                        declaredBytes.put(prefix + folder + ref.key(), need);
                        total = addWithinLimit(total, need - counted, maxBytes, file);
                    }
                    if (data == null || data.getSize() < need) {
                        throw new IllegalArgumentException(file + " is damaged: " + name + " declares storage '" + ref.key() + "' of "
                                + need + " bytes but the archive " + (data == null ? "has no entry for it" : "holds " + data.getSize()));
                    }
                }
            }
        }
    }

    private static long addWithinLimit(long total, long more, long maxBytes, Path file) {
        try {
            return MemoryLimit.add(total, more, maxBytes);
        } catch (Malformed m) {
            throw new IllegalArgumentException(file + ": " + m.getMessage(), m);
        }
    }

    private static List<StorageRef> declared(byte[] pickle, String name, Path file) {
        List<StorageRef> out = new ArrayList<>();
        PickleReader.Resolver resolver = new PickleReader.Resolver() {
            @Override
            public Object global(String module, String n) {
                Object known = WeightsOnlyUnpickler.GLOBALS.get(module + "." + n);
                return known instanceof WeightsOnlyUnpickler.StorageType ? known : OPAQUE;
            }

            @Override
            public Object call(Object callable, List<Object> args) {
                return OPAQUE;
            }

            @Override
            public Object persistentLoad(Object pid) {
                if (pid instanceof List && ((List<?>) pid).size() == 5) {
                    List<?> t = (List<?>) pid;
                    if ("storage".equals(t.get(0)) && t.get(1) instanceof WeightsOnlyUnpickler.StorageType && t.get(2) instanceof String
                            && t.get(4) instanceof Long) {
                        long numel = (Long) t.get(4);
                        if (numel < 0) {
                            throw new Malformed("negative storage size " + numel);
                        }
                        out.add(new StorageRef((String) t.get(2), ((WeightsOnlyUnpickler.StorageType) t.get(1)).dtype(), numel));
                        return OPAQUE;
                    }
                }
                throw new Malformed("a persistent id that is not ('storage', type, key, location, numel)");
            }

            @Override
            public Object build(Object target, Object state) {
                return target;
            }
        };
        try {
            new PickleReader(pickle, name, resolver).load();
            for (StorageRef r : out) {
                r.nbytes();
            }
        } catch (Malformed | ArithmeticException e) {
            throw new IllegalArgumentException(file + " is damaged: " + name + " cannot be read (" + e.getMessage() + ")", e);
        }
        return out;
    }
}
