set -e; cd "$(dirname "$0")"
for v in relaxed simd; do flags="-msimd128"; [ $v = relaxed ] && flags="-msimd128 -mrelaxed-simd -DRELAXED"; clang-19 --target=wasm32 -O3 $flags -nostdlib -ffreestanding -fno-builtin -Wall -Wextra -Wl,--no-entry -Wl,--strip-all -Wl,-z,stack-size=65536 -Wl,--export=__heap_base -o gemm-$v.wasm gemm.c; done
