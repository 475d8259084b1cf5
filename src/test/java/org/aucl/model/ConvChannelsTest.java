package org.aucl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.List;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;

class ConvChannelsTest {
  private static NetConfig resnet(String arch, double width) {
    return new NetConfig(arch, "small", 1, width, 32, 16, 28);
  }

  @Test
  void listsEveryConvolutionsChannels() {
    assertEquals(List.of(16, 16, 32, 32, 64, 64, 128, 128), ConvChannels.of(resnet("resnet18", 0.25)));
    assertEquals(List.of(16, 64, 32, 128, 64, 256, 128, 512), ConvChannels.of(resnet("resnet50", 0.25)));
    assertEquals(List.of(192), ConvChannels.of(new NetConfig("vit-tiny", "cifar", 3, 1, 32, 16, 32, 8)));
  }

  @Test
  void quarterWidthsRunOnTheCpu() {
    for (double w : new double[] {0.25, 0.5, 0.75, 1, 2}) {
      ConvChannels.require(resnet("resnet18", w), Device.cpu());
      ConvChannels.require(resnet("resnet50", w), Device.cpu());
    }
    ConvChannels.require(new NetConfig("vit-small", "cifar", 1, 1, 32, 16, 32, 8), Device.cpu());
  }

  @Test
  void otherWidthsAreRefusedOnTheCpuWithTheNearestAllowed() {
    UserException e = assertThrows(UserException.class, () -> ConvChannels.require(resnet("resnet18", 0.125), Device.cpu()));
    assertTrue(e.getMessage().contains("convolution of 8 channels") && e.getMessage().endsWith("use --width 0.25."), e.getMessage());
    e = assertThrows(UserException.class, () -> ConvChannels.require(resnet("resnet34", 0.375), Device.cpu()));
    assertTrue(e.getMessage().endsWith("use --width 0.25 or 0.5."), e.getMessage());
    e = assertThrows(UserException.class, () -> ConvChannels.require(resnet("resnet50", 1.1), Device.cpu()));
    assertTrue(e.getMessage().endsWith("use --width 1 or 1.25."), e.getMessage());
    assertThrows(UserException.class, () -> ContrastiveNet.create(resnet("resnet18", 0.125), 1, Device.cpu()));
  }

  @Test
  void theGpuHasNoRule() {
    ConvChannels.require(resnet("resnet18", 0.125), Device.gpu());
  }
}
