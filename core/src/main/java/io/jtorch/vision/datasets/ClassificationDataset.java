package io.jtorch.vision.datasets;

import io.jtorch.Generator;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset whose labels are indices into a list of named classes, with the ways to cut it by
 * class that transfer learning needs. The class bookkeeping that torchvision's {@code MNIST} and
 * {@code ImageFolder} share ({@code .classes}, {@code .class_to_idx}, {@code .targets}).
 *
 * <p>Cutting never changes this dataset; it returns a new one of the same kind that keeps this
 * one's settings (normalisation, size):
 * <pre>{@code
 * MNIST pool = FashionMNIST.fromResources(images, labels).keepClasses(0, 2, 4, 6);  // labels 0..3
 * MNIST few = pool.samplesPerClass(20, 0);                                           // 20 per class
 * Split<MNIST> parts = few.split(0.25, 0);                                           // 15 + 5 per class
 * }</pre>
 *
 * <p>Random choices draw from a {@link Generator} seeded with the given seed, one
 * {@code randperm} per class in label order, so the same seed gives the same samples as the
 * equivalent PyTorch code (see {@link #samplesPerClass}).
 *
 * @param <D> the concrete dataset type that the cutting methods return
 */
public abstract class ClassificationDataset<D extends ClassificationDataset<D>> implements Dataset {
    private final long[] labels;
    private final List<String> classes;

    /**
     * A dataset with sample labels {@code labels}, each an index into {@code classes}.
     *
     * @param labels each sample's label, in dataset order; kept, not copied
     * @param classes the class names, label {@code i} naming {@code classes.get(i)}; copied
     * @throws IllegalArgumentException naming the sample when a label is not an index into
     *     {@code classes}
     */
    protected ClassificationDataset(long[] labels, List<String> classes) {
        this.classes = List.copyOf(classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= this.classes.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is not one of the "
                        + this.classes.size() + " classes " + this.classes);
            }
        }
        this.labels = labels;
    }

    /**
     * {@return a dataset of the samples at {@code indices} (in that order), relabelled and with
     * new classes, keeping this dataset's settings} The cutting methods call it with checked
     * arguments.
     *
     * @param indices this dataset's indices of the samples to keep, in their new order
     * @param newLabels the new label of each kept sample, an index into {@code newClasses}
     * @param newClasses the class names of the new dataset
     */
    protected abstract D select(long[] indices, long[] newLabels, List<String> newClasses);

    @Override
    public long size() {
        return labels.length;
    }

    /**
     * {@return the class names, label {@code i} naming {@code classes().get(i)}; mirrors
     * torchvision's {@code .classes}}
     */
    public List<String> classes() {
        return classes;
    }

    /** {@return each class name's label, in label order; mirrors torchvision's {@code .class_to_idx}} */
    public Map<String, Integer> classToIdx() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            out.put(classes.get(i), i);
        }
        return out;
    }

    /** {@return all labels as a new int64 tensor of shape (N); mirrors torchvision's {@code .targets}} */
    public Tensor targets() {
        return Torch.tensor(labels.clone());
    }

    /**
     * {@return the label of sample {@code index}, an index into {@link #classes()}}
     *
     * @param index the sample's 0-based index
     * @throws IndexOutOfBoundsException when {@code index} is not below {@link #size()}
     */
    public long label(long index) {
        checkIndex(index);
        return labels[(int) index];
    }

    /** {@return the number of samples of each class, indexed by label} */
    public long[] classCounts() {
        long[] counts = new long[classes.size()];
        for (long label : labels) {
            counts[(int) label]++;
        }
        return counts;
    }

    /**
     * {@return the samples at {@code indices}, in that order, with this dataset's classes;
     * mirrors {@code torch.utils.data.Subset(dataset, indices)}}
     *
     * @param indices the 0-based indices of the samples to keep; an index may repeat
     * @throws IndexOutOfBoundsException when an index is out of range
     */
    public D subset(long[] indices) {
        long[] newLabels = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            checkIndex(indices[i]);
            newLabels[i] = labels[(int) indices[i]];
        }
        return select(indices.clone(), newLabels, classes);
    }

    /**
     * Only the samples of the given classes, relabelled {@code 0..k-1} in the order given, with
     * their class names kept: {@code keepClasses(4, 0)} makes class 4 label 0 and class 0 label 1.
     * Samples stay in dataset order.
     *
     * @param labels the labels of the classes to keep, each once, in their new label order
     * @return the samples of those classes, relabelled
     * @throws IllegalArgumentException when no class is given, or one is out of range or given
     *     twice
     */
    public D keepClasses(int... labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("keepClasses needs at least one class");
        }
        int[] newLabel = new int[classes.size()];
        Arrays.fill(newLabel, -1);
        List<String> newClasses = new ArrayList<>();
        for (int label : labels) {
            if (label < 0 || label >= classes.size()) {
                throw new IllegalArgumentException("class " + label + " is not one of the " + classes.size() + " classes " + classes);
            }
            if (newLabel[label] >= 0) {
                throw new IllegalArgumentException("class " + label + " (" + classes.get(label) + ") is given twice");
            }
            newLabel[label] = newClasses.size();
            newClasses.add(classes.get(label));
        }
        int n = 0;
        for (long label : this.labels) {
            n += newLabel[(int) label] >= 0 ? 1 : 0;
        }
        long[] indices = new long[n];
        long[] newLabels = new long[n];
        for (int i = 0, j = 0; i < this.labels.length; i++) {
            int l = newLabel[(int) this.labels[i]];
            if (l >= 0) {
                indices[j] = i;
                newLabels[j++] = l;
            }
        }
        return select(indices, newLabels, newClasses);
    }

    /**
     * {@link #keepClasses(int...)} by class name: {@code keepClasses("Coat", "Shirt")}.
     *
     * @param names the names of the classes to keep, each once, in their new label order
     * @return the samples of those classes, relabelled
     * @throws IllegalArgumentException when a name is not a class, or as {@link
     *     #keepClasses(int...)}
     */
    public D keepClasses(String... names) {
        Map<String, Integer> toIdx = classToIdx();
        int[] labels = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            Integer label = toIdx.get(names[i]);
            if (label == null) {
                throw new IllegalArgumentException("no class named '" + names[i] + "'; the classes are " + classes);
            }
            labels[i] = label;
        }
        return keepClasses(labels);
    }

    /**
     * {@code n} samples of each class, chosen at random with {@code seed}, kept in dataset order.
     * Equivalent PyTorch, with {@code targets} a tensor of this dataset's labels:
     * <pre>{@code
     * g = torch.Generator().manual_seed(seed)
     * idx = torch.cat([(targets == c).nonzero().flatten()[torch.randperm(count_c, generator=g)[:n]]
     *                  for c in range(len(classes))]).sort().values
     * }</pre>
     *
     * @param n the number of samples to keep of each class, at least 1
     * @param seed the seed of the generator the choice draws from
     * @return {@code n} samples of each class, in dataset order
     * @throws IllegalArgumentException naming the class when a class has fewer than {@code n}
     *     samples, or when {@code n} is below 1
     */
    public D samplesPerClass(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("samplesPerClass needs n >= 1, got " + n);
        }
        long[][] byClass = indicesByClass();
        Generator g = new Generator().manualSeed(seed);
        long[] chosen = new long[n * byClass.length];
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c].length < n) {
                throw new IllegalArgumentException("class " + c + " (" + classes.get(c) + ") has " + byClass[c].length
                        + " samples, fewer than the " + n + " asked for");
            }
            long[] perm = g.randperm(byClass[c].length).toLongArray();
            for (int i = 0; i < n; i++) {
                chosen[c * n + i] = byClass[c][(int) perm[i]];
            }
        }
        Arrays.sort(chosen);
        return subset(chosen);
    }

    /**
     * Splits off {@code round(count × heldOutFraction)} samples of each class (at most all but
     * one, so that every class stays in the training part), chosen at random with {@code seed} as
     * {@link #samplesPerClass} chooses them: the first ones of each class's permutation are held
     * out. Both parts keep dataset order.
     *
     * @param heldOutFraction the fraction of each class to hold out, strictly between 0 and 1
     * @param seed the seed of the generator the choice draws from
     * @return the training part and the held-out part
     * @throws IllegalArgumentException when {@code heldOutFraction} is not strictly between 0
     *     and 1
     */
    public Split<D> split(double heldOutFraction, long seed) {
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must be between 0 and 1, got " + heldOutFraction);
        }
        long[][] byClass = indicesByClass();
        Generator g = new Generator().manualSeed(seed);
        long[] heldOut = new long[labels.length];
        long[] train = new long[labels.length];
        int h = 0;
        int t = 0;
        for (long[] members : byClass) {
            if (members.length == 0) {
                continue;
            }
            long k = Math.min(Math.round(members.length * heldOutFraction), members.length - 1);
            long[] perm = g.randperm(members.length).toLongArray();
            for (int i = 0; i < members.length; i++) {
                if (i < k) {
                    heldOut[h++] = members[(int) perm[i]];
                } else {
                    train[t++] = members[(int) perm[i]];
                }
            }
        }
        train = Arrays.copyOf(train, t);
        heldOut = Arrays.copyOf(heldOut, h);
        Arrays.sort(train);
        Arrays.sort(heldOut);
        return new Split<>(subset(train), subset(heldOut));
    }

    /** For each label, the indices of its samples in dataset order. */
    private long[][] indicesByClass() {
        long[] counts = classCounts();
        long[][] out = new long[classes.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = new long[(int) counts[c]];
        }
        int[] fill = new int[classes.size()];
        for (int i = 0; i < labels.length; i++) {
            int c = (int) labels[i];
            out[c][fill[c]++] = i;
        }
        return out;
    }

    /**
     * Throws a readable {@link IndexOutOfBoundsException} unless {@code 0 <= index < size()}.
     *
     * @param index the sample index to check
     * @throws IndexOutOfBoundsException naming the index and the size when it is out of range
     */
    protected final void checkIndex(long index) {
        if (index < 0 || index >= labels.length) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for a dataset of size " + labels.length);
        }
    }
}
