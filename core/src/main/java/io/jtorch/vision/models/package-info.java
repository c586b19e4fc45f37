/**
 * torchvision's classification models in Java, with torchvision's state dict keys, so its
 * weights files ({@code .pth}, {@code .safetensors}) load strictly and models saved here load in
 * torchvision. Mirrors {@code torchvision.models}: {@link io.jtorch.vision.models.Models} holds
 * the builders ({@code Models.resnet50(numClasses)}), the {@code *Weights} enums the weights
 * and their preprocessing.
 */
package io.jtorch.vision.models;
