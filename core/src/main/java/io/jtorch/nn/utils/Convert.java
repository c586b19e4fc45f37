package io.jtorch.nn.utils;

import io.jtorch.NoGrad;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters as one flat vector and back. Mirrors {@code torch.nn.utils.convert_parameters}
 * ({@code parameters_to_vector}, {@code vector_to_parameters}).
 */
@SuppressWarnings("try") // NoGrad guards are held for their scope, not referenced
public final class Convert {
    private Convert() {}

    /**
     * {@return all parameters flattened and concatenated, in order; mirrors
     * {@code parameters_to_vector(parameters)}} Output: (total number of elements). The result is a
     * new tensor that stays connected to the parameters in autograd.
     *
     * @param parameters the tensors, in order, as {@code model.parameters()} gives them
     */
    public static Tensor parametersToVector(Iterable<? extends Tensor> parameters) {
        List<Tensor> flat = new ArrayList<>();
        io.jtorch.Device device = null;
        for (Tensor p : parameters) {
            if (device == null) {
                device = p.device();
            } else if (!device.equals(p.device())) {
                throw new IllegalArgumentException("parameters_to_vector: found parameters on different devices (" + device + " and "
                        + p.device() + "); move the model to one device first");
            }
            flat.add(p.reshape(-1));
        }
        if (flat.isEmpty()) {
            throw new IllegalArgumentException("parameters_to_vector: no parameters given");
        }
        return Torch.cat(flat, 0);
    }

    /**
     * Copies consecutive slices of {@code vec} into the parameters, in order; mirrors
     * {@code vector_to_parameters(vec, parameters)}. PyTorch makes each parameter's data a view of
     * {@code vec}; jtorch copies the values, so later changes to {@code vec} do not reach the
     * parameters.
     *
     * @param vec a one-dimensional tensor with exactly as many elements as the parameters together
     * @param parameters the tensors, in order, as {@code model.parameters()} gives them
     * @throws IllegalArgumentException unless {@code vec} is 1-D with exactly as many elements as the parameters
     */
    public static void vectorToParameters(Tensor vec, Iterable<? extends Tensor> parameters) {
        if (vec.dim() != 1) {
            throw new IllegalArgumentException("vector_to_parameters: expected a 1-D vector, got shape " + Shapes.format(vec.shape()));
        }
        long total = 0;
        for (Tensor p : parameters) {
            total += p.numel();
        }
        if (total != vec.numel()) {
            throw new IllegalArgumentException("vector_to_parameters: the vector has " + vec.numel() + " elements but the parameters have "
                    + total);
        }
        long pointer = 0;
        try (NoGrad g = Torch.noGrad()) {
            for (Tensor p : parameters) {
                long n = p.numel();
                p.copy_(vec.narrow(0, pointer, n).view(p.shape()));
                pointer += n;
            }
        }
    }
}
