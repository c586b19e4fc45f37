/**
 * Image datasets: image folders, MNIST and Fashion-MNIST IDX files. Mirrors
 * {@code torchvision.datasets}.
 */
package io.jtorch.vision.datasets;
