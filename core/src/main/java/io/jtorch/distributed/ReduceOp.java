package io.jtorch.distributed;

/** How {@link ProcessGroup#allReduce} combines the ranks' tensors. Mirrors {@code torch.distributed.ReduceOp}. */
public enum ReduceOp {
    /** Element-wise sum. */
    SUM(org.bytedeco.pytorch.ReduceOp.RedOpType.SUM),
    /** Element-wise mean; NCCL only (Gloo refuses it: sum, then divide by the world size). */
    AVG(org.bytedeco.pytorch.ReduceOp.RedOpType.AVG),
    /** Element-wise product. */
    PRODUCT(org.bytedeco.pytorch.ReduceOp.RedOpType.PRODUCT),
    /** Element-wise minimum. */
    MIN(org.bytedeco.pytorch.ReduceOp.RedOpType.MIN),
    /** Element-wise maximum. */
    MAX(org.bytedeco.pytorch.ReduceOp.RedOpType.MAX);

    private final org.bytedeco.pytorch.ReduceOp.RedOpType type;

    ReduceOp(org.bytedeco.pytorch.ReduceOp.RedOpType type) {
        this.type = type;
    }

    /** A new presets {@code ReduceOp}. */
    org.bytedeco.pytorch.ReduceOp toNative() {
        return new org.bytedeco.pytorch.ReduceOp(type);
    }
}
