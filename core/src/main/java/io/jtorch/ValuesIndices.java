package io.jtorch;

/**
 * The values and their indices, as {@code torch.max(x, dim)}, {@code torch.min}, {@code torch.sort}
 * and {@code torch.topk} return them. Mirrors {@code torch.return_types.max} and its siblings:
 * {@code var mx = outputs.max(1); mx.indices()} reads like {@code torch.max(outputs, 1).indices}.
 *
 * @param values  the selected or sorted values
 * @param indices their positions along the reduced or sorted dimension, as int64
 */
public record ValuesIndices(Tensor values, Tensor indices) {}
