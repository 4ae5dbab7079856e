#!/usr/bin/env bash
# Builds the batched-UDP JNI library into the classes folder (Maven's compile phase calls this).
# Without a C compiler the build goes on and dns-node serves UDP through Java NIO (udp-io: auto), saying so at start.
# usage: build.sh OUTPUT_DIR JAVA_HOME
set -euo pipefail
out=$1 jhome=$2
src=$(dirname "$0")/udp_mmsg.c
cc=${CC:-gcc}
if [ "$(uname -s)" != Linux ]; then echo "[native] not Linux: no batched UDP library"; exit 0; fi
if ! command -v "$cc" >/dev/null; then echo "[native] WARNING: $cc not found: no batched UDP library (NIO fallback)"; exit 0; fi
if [ ! -f "$jhome/include/jni.h" ]; then echo "[native] WARNING: no $jhome/include/jni.h: no batched UDP library"; exit 0; fi
arch=$(uname -m); case $arch in x86_64) arch=amd64;; aarch64) arch=aarch64;; esac
mkdir -p "$out/native/linux-$arch"
lib=$out/native/linux-$arch/libnsglobal_udp.so
if [ -f "$lib" ] && [ "$lib" -nt "$src" ]; then exit 0; fi
"$cc" -O2 -Wall -Wextra -Werror -Wno-unused-parameter -shared -fPIC -std=gnu11 \
  -I"$jhome/include" -I"$jhome/include/linux" -o "$lib.tmp" "$src"
mv "$lib.tmp" "$lib"
echo "[native] built $lib"
