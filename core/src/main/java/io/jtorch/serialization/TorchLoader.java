package io.jtorch.serialization;

import io.jtorch.Tensor;
import io.jtorch.nn.Parameter;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * Loads a {@code torch.save} archive in three steps: run the pickle with the weights-only
 * resolver (no memory for tensors yet), check every storage it names against its zip entry and
 * the total against the memory limit ({@link LoadBudget}: storages, a cost per tensor and the
 * pickle's objects), then read each storage once and build the tensors as views
 * of it, so tensors that shared memory in Python share it here. Mirrors
 * {@code torch.load(f, map_location="cpu", weights_only=True)}.
 */
final class TorchLoader {
    private TorchLoader() {}

    static Object load(Path file, long maxBytes) throws IOException {
        InputFiles.requireRegularFile(file);
        try (TorchZip zip = TorchZip.open(file)) {
            return read(zip, new LoadBudget(maxBytes));
        } catch (OutOfMemoryError e) { // what the budget did not foresee; everything the load built is garbage now
            throw InputFiles.outOfMemory(file, e);
        } catch (Malformed e) {
            throw new SerializationException(file, e.getMessage(), e.getCause());
        } catch (ZipException | EOFException e) {
            throw new SerializationException(file, "is damaged: " + e.getMessage(), e);
        }
    }

    private static Object read(TorchZip zip, LoadBudget budget) throws IOException {
        String pickleName = zip.pickleName();
        WeightsOnlyUnpickler resolver = new WeightsOnlyUnpickler(pickleName, budget);
        byte[] pickle = zip.readPickle();
        budget.heap(pickle.length);
        Object root = new PickleReader(pickle, pickleName, resolver, budget).load();
        for (StorageRef s : resolver.storages().values()) {
            String entry = zip.storageName(s.key());
            long size = zip.storageSize(s.key());
            if (size < 0) {
                throw new Malformed(pickleName + " names storage " + PyValues.quote(s.key()) + " but the archive has no entry " + entry);
            }
            if (size != s.nbytes()) {
                throw new Malformed(entry + " holds " + size + " bytes, but " + pickleName + " declares " + s.numel()
                        + " elements of " + s.dtype() + " (" + s.nbytes() + " bytes)");
            }
            budget.memory(size); // the entry is read to this size and refused the moment it holds more
            budget.tensor();
        }
        ByteOrder order = zip.byteOrder();
        Map<StorageRef, Tensor> storages = new HashMap<>();
        for (StorageRef s : resolver.storages().values()) {
            storages.put(s, zip.readStorage(s, order));
        }
        Map<TensorRef, Tensor> views = new IdentityHashMap<>();
        return LoadedGraph.replaceLeaves(root, leaf -> finish(leaf, storages, views, pickleName));
    }

    private static Object finish(Object leaf, Map<StorageRef, Tensor> storages, Map<TensorRef, Tensor> views, String pickleName) {
        if (leaf instanceof TensorRef) {
            return views.computeIfAbsent((TensorRef) leaf, ref -> view(ref, storages.get(ref.storage)));
        } else if (leaf instanceof StorageRef) {
            return storages.get(leaf);
        } else if (leaf instanceof WeightsOnlyUnpickler.Callable || leaf instanceof WeightsOnlyUnpickler.StorageType) {
            throw new Malformed(pickleName + " leaves " + PyValues.quote(leaf.toString()) + " as a value; a weights file holds data only");
        }
        return leaf;
    }

    private static Tensor view(TensorRef ref, Tensor storage) {
        Tensor view = storage.asStrided(ref.size, ref.stride, ref.offset);
        if (ref.parameter) {
            return new Parameter(view, ref.requiresGrad);
        }
        return ref.requiresGrad ? view.requiresGrad(true) : view;
    }
}
