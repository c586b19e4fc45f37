package io.jtorch.serialization;

import io.jtorch.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the files of Python's {@code torch.save}. Mirrors {@code torch.load(f,
 * map_location="cpu", weights_only=True)} and {@code torch.save(obj, f)}.
 *
 * <pre>{@code
 * Map<String, Tensor> weights = TorchSerialization.loadStateDict(Path.of("resnet18.pth"));
 * model.loadStateDict(weights);
 * TorchSerialization.save(model.stateDict(), Path.of("finetuned.pt"));
 * }</pre>
 *
 * <h2>What loads</h2>
 * Files written by {@code torch.save} since PyTorch 1.6 (zip archives). Loading runs no code from
 * the file: like {@code weights_only=True}, only an allow-list of names may appear in its pickle
 * ({@code OrderedDict}, the tensor and parameter rebuild functions, storage classes, dtypes,
 * {@code torch.Size}, {@code torch.device}, {@code set}), and any other name is refused when it is
 * read, never looked up or called. Python values load as:
 * <ul>
 *   <li>tensor: {@link Tensor} on the CPU ({@link io.jtorch.nn.Parameter} for an
 *       {@code nn.Parameter}); dtypes float32, float64, float16, bfloat16, int64, int32, int16,
 *       int8, uint8 and bool. Tensors that shared memory in Python share it here;</li>
 *   <li>dict and OrderedDict: {@code Map<Object, Object>} in insertion order, with the keys'
 *       own types (a state dict's keys are {@code String}s); a state dict's {@code _metadata} is
 *       dropped;</li>
 *   <li>list: a modifiable {@code List}; tuple and {@code torch.Size}: an unmodifiable
 *       {@code List}; set: a {@code Set};</li>
 *   <li>int: {@link Long} ({@link java.math.BigInteger} past 64 bits); float: {@link Double};
 *       str: {@link String}; bool: {@link Boolean}; None: {@code null}; bytes: {@code byte[]};
 *       {@code torch.float32} and friends: {@link io.jtorch.DType}; {@code torch.device}:
 *       {@link io.jtorch.Device}.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * A missing file throws {@link java.nio.file.NoSuchFileException}. A file that cannot be loaded
 * (not a zip archive, empty, truncated, damaged, a TorchScript program, a pickled
 * {@code nn.Module} or other Python class, an unsupported dtype, more tensor memory than allowed)
 * throws {@link SerializationException} with one line naming the file and the problem. Each
 * storage's size and each tensor's extent are checked before any tensor memory is allocated.
 */
public final class TorchSerialization {
    private TorchSerialization() {}

    /**
     * {@return the default limit, in bytes, on the tensor memory one load may allocate: the
     * machine's physical memory (the container's limit inside a container)} A file that declares
     * more is refused before anything is allocated.
     */
    public static long defaultMaxBytes() {
        return MemoryLimit.defaultMaxBytes();
    }

    /**
     * {@return the object saved in {@code path}, as the class comment lists the types; mirrors
     * {@code torch.load(path, map_location="cpu", weights_only=True)}} Allocates at most {@link
     * #defaultMaxBytes()}.
     *
     * @param path a file written by {@code torch.save}
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws SerializationException if the file cannot be loaded, naming the file and the
     *     problem
     * @throws IOException if the file cannot be read
     */
    public static Object load(Path path) throws IOException {
        return load(path, defaultMaxBytes());
    }

    /**
     * The object saved in {@code path}, allocating at most {@code maxBytes} bytes of tensor
     * memory; a file that needs more is refused before anything is allocated.
     *
     * @param path a file written by {@code torch.save}
     * @param maxBytes the most bytes of tensor memory the load may allocate
     * @return the object saved in the file
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws SerializationException if the file cannot be loaded or needs more than {@code
     *     maxBytes}
     * @throws IOException if the file cannot be read
     */
    public static Object load(Path path, long maxBytes) throws IOException {
        return TorchLoader.load(path, maxBytes);
    }

    /**
     * The state dict saved in {@code path} by {@code torch.save(model.state_dict(), path)}: tensors
     * by name, in the file's order.
     *
     * @param path a file written by {@code torch.save(model.state_dict(), path)}
     * @return the tensors by name
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     * @throws SerializationException if the file cannot be loaded, or holds anything but a flat mapping of names to
     *     tensors (for a checkpoint that holds a state dict among other things, use {@link #load})
     */
    public static Map<String, Tensor> loadStateDict(Path path) throws IOException {
        return loadStateDict(path, defaultMaxBytes());
    }

    /**
     * {@link #loadStateDict(Path)} allocating at most {@code maxBytes} bytes of tensor memory.
     *
     * @param path a file written by {@code torch.save(model.state_dict(), path)}
     * @param maxBytes the most bytes of tensor memory the load may allocate
     * @return the tensors by name, in the file's order
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     * @throws SerializationException if the file cannot be loaded, needs more than {@code
     *     maxBytes}, or holds anything but a flat mapping of names to tensors
     */
    public static Map<String, Tensor> loadStateDict(Path path, long maxBytes) throws IOException {
        Object loaded = load(path, maxBytes);
        if (!(loaded instanceof Map)) {
            throw new SerializationException(path, "holds a " + PyValues.typeName(loaded) + ", not a state dict (a dict of "
                    + "tensors); use TorchSerialization.load for other contents");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) loaded).entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof Tensor)) {
                throw new SerializationException(path, "is not a state dict: its entry " + PyValues.quote(String.valueOf(e.getKey()))
                        + " holds a " + PyValues.typeName(e.getValue()) + ", not a tensor; for a checkpoint that holds "
                        + "more than weights, use TorchSerialization.load and take the state dict from the Map it returns");
            }
            out.put((String) e.getKey(), (Tensor) e.getValue());
        }
        return out;
    }

    /**
     * Writes {@code obj} to {@code path} the way {@code torch.save(obj, path)} does, so that
     * Python's {@code torch.load(path, weights_only=True)} reads it back. {@code obj} may be a
     * tensor, a number, a string, a boolean, {@code null}, {@code byte[]}, a {@link io.jtorch.DType},
     * or a {@link Map} (written as an {@code OrderedDict}), {@link java.util.List} or
     * {@link java.util.Set} of those. Tensors are written from the CPU; tensors that share memory
     * are written as views of one storage. The file is replaced atomically (see {@link AtomicFiles}).
     * PyTorch 1.13's {@code weights_only=True} reader knows no Python floats, bytes or sets
     * outside tensors (newer versions read floats); files holding them load there with
     * {@code weights_only=False}.
     *
     * @param obj the object to save, such as {@code model.stateDict()} or a checkpoint's map
     * @param path the file to write
     * @throws IllegalArgumentException if {@code obj} holds a value of another type
     * @throws IOException if the file cannot be written; the previous file is then unchanged
     */
    public static void save(Object obj, Path path) throws IOException {
        TorchPickler pickled = TorchPickler.pickle(obj);
        AtomicFiles.write(path, out -> TorchZipWriter.write(out, pickled.bytes(), pickled.storages()));
    }
}
