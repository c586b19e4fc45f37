package io.jtorch.distributed;

import io.jtorch.Tensor;
import io.jtorch.nn.Parameter;
import java.util.List;
import org.bytedeco.pytorch.BoolVector;
import org.bytedeco.pytorch.Reducer;
import org.bytedeco.pytorch.SizeTStringMap;
import org.bytedeco.pytorch.SizeTVector;
import org.bytedeco.pytorch.SizeTVectorVector;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * libtorch's {@code c10d::Reducer}, set up and driven the way PyTorch's
 * {@code DistributedDataParallel} does: the C++ engine that buckets gradients and all-reduces
 * them during backward. See {@link DistributedDataParallel} for what it does.
 */
final class GradientReducer {
    private final ProcessGroup group;
    private final boolean findUnusedParameters;
    private Reducer reducer;

    /** A reducer over {@code params} (named {@code names}, for libtorch's error messages). */
    GradientReducer(ProcessGroup group, List<Parameter> params, List<String> names, double bucketCapMb, boolean findUnusedParameters) {
        this.group = group;
        this.findUnusedParameters = findUnusedParameters;
        TensorVector vector = vector(params);
        long bucketBytes = (long) (bucketCapMb * (1 << 20));
        // As PyTorch: without unused parameters the first iteration reduces everything in one
        // bucket, then rebuild_buckets() regroups them in the order their gradients became ready.
        SizeTVector limits = findUnusedParameters
                ? new SizeTVector(torch.kDefaultFirstBucketBytes(), bucketBytes)
                : new SizeTVector(new long[] {Long.MAX_VALUE});
        SizeTVectorVector assigned = torch.compute_bucket_assignment_by_size(vector, limits).get0();
        // Gradients arrive roughly in reverse order of the forward pass: reduce the last buckets first.
        SizeTVectorVector buckets = new SizeTVectorVector();
        for (long i = assigned.size() - 1; i >= 0; i--) {
            buckets.push_back(assigned.get(i));
        }
        SizeTStringMap paramNames = new SizeTStringMap();
        for (int i = 0; i < names.size(); i++) {
            paramNames.put(i, "module." + names.get(i));
        }
        long firstBucketBytes = bucketCapMb == DistributedDataParallel.Options.DEFAULT_BUCKET_CAP_MB ? torch.kDefaultFirstBucketBytes() : bucketBytes;
        try {
            reducer = new Reducer(vector, buckets, group.raw(), new BoolVector(new boolean[params.size()]), bucketBytes,
                    findUnusedParameters, false, paramNames, firstBucketBytes, false, false);
        } catch (RuntimeException e) {
            throw group.failure("DistributedDataParallel: creating the reducer", e);
        }
        // Its hooks point at it: only close() may free it, never a Scope or the garbage collector.
        reducer.retainReference();
        reducer.deallocate(false);
    }

    /**
     * What DDP does before a forward that records gradients: counts the iteration ({@code sync})
     * and, after the first one, regroups the buckets once (a collective).
     */
    void beforeForward(boolean sync) {
        try {
            if (sync) {
                reducer.prepare_for_forward();
            }
            reducer.rebuild_buckets();
        } catch (RuntimeException e) {
            throw group.failure("DistributedDataParallel forward", e);
        }
    }

    /** Arms the hooks so that the next backward from {@code output} averages gradients. */
    void afterForward(Tensor output) {
        try {
            reducer.prepare_for_backward(findUnusedParameters ? new TensorVector(output.raw()) : new TensorVector());
        } catch (RuntimeException e) {
            throw group.failure("DistributedDataParallel forward", e);
        }
    }

    /** Removes the hooks and frees the buckets. */
    void close() {
        if (reducer != null) {
            reducer.deallocate();
            reducer = null;
        }
    }

    static TensorVector vector(List<? extends Tensor> tensors) {
        org.bytedeco.pytorch.Tensor[] raws = new org.bytedeco.pytorch.Tensor[tensors.size()];
        for (int i = 0; i < raws.length; i++) {
            raws[i] = tensors.get(i).raw();
        }
        return new TensorVector(raws);
    }
}
