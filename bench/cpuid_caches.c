/*
 * What the x86 CPUID instruction tells about the data caches, read the ways oneDNN's bundled Xbyak
 * reads them (docs/MODELS.md, "Convolution kernels checked against float64"):
 *   - AMD, oneDNN 3.x: leaf 0x8000001D sub-leaves 0, 2, 3 (L1d, L2, L3), size = ways x partitions x
 *     line x sets, each field stored minus one; a leaf the machine leaves empty gives 1 byte.
 *   - Intel: leaf 4.
 *   - The legacy AMD leaves 0x80000005 (L1d) and 0x80000006 (L2, L3), which oneDNN does not read.
 * Build and run: gcc -O1 -o /tmp/cpuid_caches bench/cpuid_caches.c && /tmp/cpuid_caches
 */
#include <cpuid.h>
#include <stdio.h>

int main(void) {
  unsigned a, b, c, d;
  __cpuid(0x80000000, a, b, c, d);
  unsigned max_ext = a;
  __cpuid(1, a, b, c, d);
  printf("family %u, model %u (leaf 1 eax %#x)\n", ((a >> 8) & 0xf) + ((a >> 20) & 0xff),
         ((a >> 4) & 0xf) | (((a >> 16) & 0xf) << 4), a);
  __cpuid(0x80000001, a, b, c, d);
  printf("topology extensions (0x80000001 ecx bit 22): %s\n", (c >> 22) & 1 ? "yes" : "no");
  if (max_ext >= 0x8000001D) {
    const char *names[] = {"L1d", "L1i", "L2", "L3"};
    for (unsigned sub = 0; sub < 4; sub++) {
      __cpuid_count(0x8000001D, sub, a, b, c, d);
      unsigned long size = (unsigned long)(((b >> 22) & 0x3ff) + 1) * (((b >> 12) & 0x3ff) + 1) * ((b & 0xfff) + 1) * (c + 1);
      printf("leaf 0x8000001D sub-leaf %u (%s): type %u, size as oneDNN computes it %lu bytes\n", sub, names[sub], a & 0x1f, size);
    }
  }
  __cpuid_count(4, 0, a, b, c, d);
  printf("leaf 4 sub-leaf 0: type %u\n", a & 0x1f);
  if (max_ext >= 0x80000006) {
    __cpuid(0x80000005, a, b, c, d);
    printf("leaf 0x80000005: L1d %u KiB\n", c >> 24);
    __cpuid(0x80000006, a, b, c, d);
    printf("leaf 0x80000006: L2 %u KiB, L3 %u KiB\n", c >> 16, (d >> 18) * 512);
  }
  return 0;
}
